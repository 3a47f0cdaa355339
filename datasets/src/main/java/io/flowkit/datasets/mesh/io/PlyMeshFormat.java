package io.flowkit.datasets.mesh.io;

import io.flowkit.datasets.internal.Validated;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.io.ply.PlyData;
import io.flowkit.datasets.io.ply.PlyEncoding;
import io.flowkit.datasets.io.ply.PlyReader;
import io.flowkit.datasets.io.ply.PlyType;
import io.flowkit.datasets.io.ply.PlyWriter;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triangle meshes in PLY (ASCII, binary little- or big-endian on reading; ASCII or binary
 * little-endian on writing). The vertex element's {@code x y z} are the positions; every other
 * scalar vertex property (normals, colours, quality, a field) becomes a per-vertex signal of the
 * same name. The face element's {@code vertex_indices} (or {@code vertex_index}) lists are
 * triangles; polygons are split into fans.
 */
public final class PlyMeshFormat {

    private static final List<String> POSITION = List.of("x", "y", "z");

    private PlyMeshFormat() {}

    /**
     * Reads a PLY mesh.
     *
     * @param file the file
     * @return the mesh, with a signal per extra scalar vertex property
     * @throws MalformedInputException for a malformed header, a truncated body, a missing vertex or
     *     face element, a non-finite coordinate or a face index out of range
     * @throws IOException if the file cannot be read
     */
    public static TriangleMesh read(Path file) throws IOException {
        PlyData ply = PlyReader.read(file);
        PlyData.Element v = ply.element("vertex")
                .orElseThrow(() -> MalformedInputException.of(file, "PLY file has no vertex element"));
        PlyData.Element f = ply.element("face")
                .orElseThrow(() -> MalformedInputException.of(file, "PLY file has no face element (use a point-cloud reader)"));
        String listName = f.has("vertex_indices") ? "vertex_indices" : "vertex_index";
        if (!f.has(listName)) {
            throw MalformedInputException.of(file, "PLY face element has no vertex_indices list");
        }
        double[] xyz = new double[3 * v.count()];
        for (int k = 0; k < 3; k++) {
            if (!v.has(POSITION.get(k))) {
                throw MalformedInputException.of(file, "PLY vertex element has no property '" + POSITION.get(k) + "'");
            }
            double[] col = v.scalar(POSITION.get(k));
            for (int i = 0; i < col.length; i++) {
                xyz[3 * i + k] = col[i];
            }
        }
        int[] triangles = triangulate(file, f.list(listName), v.count());
        TriangleMesh mesh = Validated.build(file, () -> TriangleMesh.of(xyz, triangles));
        for (PlyData.Property p : v.properties()) {
            if (!p.isList() && !POSITION.contains(p.name())) {
                mesh = mesh.withSignal(p.name(), v.scalar(p.name()));
            }
        }
        return mesh;
    }

    private static int[] triangulate(Path file, PlyData.ListColumn faces, int vertexCount) throws MalformedInputException {
        int count = faces.starts().length - 1;
        int[] out = new int[3 * count];
        int n = 0;
        double[] values = faces.values();
        for (int f = 0; f < count; f++) {
            int s = faces.starts()[f];
            int k = faces.length(f);
            if (k < 3) {
                throw MalformedInputException.of(file, "face " + f + " has " + k + " vertices; a face needs at least 3");
            }
            for (int j = 0; j < k; j++) {
                double idx = values[s + j];
                if (idx < 0 || idx >= vertexCount || idx != Math.rint(idx)) {
                    throw MalformedInputException.of(file, "face " + f + " refers to vertex " + (long) idx
                            + " but the mesh has " + vertexCount + " vertices");
                }
            }
            if (n + 3 * (k - 2) > out.length) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, n + 3 * (k - 2)));
            }
            for (int j = 1; j + 1 < k; j++) {
                out[n++] = (int) values[s];
                out[n++] = (int) values[s + j];
                out[n++] = (int) values[s + j + 1];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Writes binary little-endian PLY with double properties (exact round trip), signals included.
     *
     * @param file the target, written through a temporary file
     * @param mesh the mesh
     * @throws IOException if writing fails
     */
    public static void write(Path file, TriangleMesh mesh) throws IOException {
        write(file, mesh, PlyEncoding.BINARY_LITTLE_ENDIAN, PlyType.DOUBLE);
    }

    /**
     * Writes PLY with a chosen encoding and scalar type; signals become vertex properties.
     *
     * @param file the target, written through a temporary file
     * @param mesh the mesh
     * @param encoding ASCII or binary little-endian
     * @param type {@link PlyType#FLOAT} (what most tools write) or {@link PlyType#DOUBLE} (exact)
     * @throws IOException if writing fails
     * @throws IllegalArgumentException when a signal is named x, y or z or its name has whitespace
     */
    public static void write(Path file, TriangleMesh mesh, PlyEncoding encoding, PlyType type) throws IOException {
        Map<String, double[]> columns = new LinkedHashMap<>();
        double[] v = mesh.vertices();
        for (int k = 0; k < 3; k++) {
            double[] col = new double[mesh.vertexCount()];
            for (int i = 0; i < col.length; i++) {
                col[i] = v[3 * i + k];
            }
            columns.put(POSITION.get(k), col);
        }
        for (String s : mesh.signalNames()) {
            if (POSITION.contains(s) || !s.matches("\\S+")) {
                throw new IllegalArgumentException("signal name cannot be a PLY vertex property: '" + s + "'");
            }
            columns.put(s, mesh.signal(s));
        }
        PlyWriter.write(file, encoding, type, columns, mesh.faces(), List.of("flowkit triangle mesh"));
    }
}
