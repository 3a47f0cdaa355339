package io.flowkit.datasets.mesh.io;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.internal.TextLines;
import io.flowkit.datasets.internal.MeshBuffer;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The Object File Format ({@code .off}) of Geomview, as written by CGAL and the PU-GAN data:
 * {@code OFF}, then {@code nv nf ne}, then {@code nv} lines {@code x y z} (extra columns such as
 * colours are ignored), then {@code nf} lines {@code k i1 .. ik} (extra colour columns ignored).
 * Polygons with k &gt; 3 are split into a fan of triangles. Lines starting with {@code #} and blank
 * lines are skipped anywhere. The counts may also follow {@code OFF} on its own line.
 */
public final class OffFormat {

    private OffFormat() {}

    /**
     * Reads an OFF mesh.
     *
     * @param file the file
     * @return the mesh
     * @throws MalformedInputException for a missing {@code OFF} keyword, bad counts, a truncated
     *     file, a non-finite coordinate, a face with fewer than 3 vertices or a face index out of
     *     range, naming the line
     * @throws IOException if the file cannot be read
     */
    public static TriangleMesh read(Path file) throws IOException {
        try (TextLines lines = TextLines.open(file)) {
            String first = lines.nextContent("#");
            if (first == null) {
                throw MalformedInputException.of(file, "file is empty: no OFF header");
            }
            String[] t = TextLines.tokens(first);
            if (!t[0].equals("OFF")) {
                throw lines.error("not an OFF file: the header is '" + t[0] + "', not 'OFF'");
            }
            String[] counts = t.length > 1 ? Arrays.copyOfRange(t, 1, t.length) : TextLines.tokens(lines.require("#", "the counts line 'nv nf ne'"));
            if (counts.length < 2) {
                throw lines.error("counts line needs the vertex and face counts");
            }
            int nv = lines.parseInt(counts[0], "vertex count");
            int nf = lines.parseInt(counts[1], "face count");
            if (nv <= 0 || nf < 0) {
                throw lines.error("counts are out of range: " + nv + " vertices, " + nf + " faces");
            }
            MeshBuffer mesh = new MeshBuffer();
            for (int i = 0; i < nv; i++) {
                String[] c = TextLines.tokens(lines.require("#", "vertex " + i + " of " + nv));
                if (c.length < 3) {
                    throw lines.error("vertex " + i + " has " + c.length + " coordinates, expected 3");
                }
                mesh.addVertex(lines.parseFinite(c[0], "vertex " + i), lines.parseFinite(c[1], "vertex " + i),
                        lines.parseFinite(c[2], "vertex " + i));
            }
            for (int f = 0; f < nf; f++) {
                String[] c = TextLines.tokens(lines.require("#", "face " + f + " of " + nf));
                int k = lines.parseInt(c[0], "face " + f + " vertex count");
                if (k < 3 || c.length < k + 1) {
                    throw lines.error("face " + f + " declares " + k + " vertices and lists " + (c.length - 1) + "; a face needs at least 3");
                }
                int[] idx = new int[k];
                for (int j = 0; j < k; j++) {
                    idx[j] = lines.parseInt(c[1 + j], "face " + f + " vertex index");
                    if (idx[j] < 0 || idx[j] >= nv) {
                        throw lines.error("face " + f + " refers to vertex " + idx[j] + " but the mesh has " + nv + " vertices");
                    }
                }
                mesh.addFan(idx);
            }
            return mesh.build(file, "OFF");
        }
    }

    /**
     * Writes an OFF mesh (signals are not part of OFF and are not written). Coordinates are written
     * in full precision, so reading back gives the same doubles.
     *
     * @param file the target, written through a temporary file
     * @param mesh the mesh
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void write(Path file, TriangleMesh mesh) throws IOException {
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        StringBuilder sb = new StringBuilder(40 * mesh.vertexCount() + 20 * mesh.faceCount());
        sb.append("OFF\n").append(mesh.vertexCount()).append(' ').append(mesh.faceCount()).append(" 0\n");
        for (int i = 0; i < v.length; i += 3) {
            sb.append(v[i]).append(' ').append(v[i + 1]).append(' ').append(v[i + 2]).append('\n');
        }
        for (int i = 0; i < f.length; i += 3) {
            sb.append("3 ").append(f[i]).append(' ').append(f[i + 1]).append(' ').append(f[i + 2]).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
