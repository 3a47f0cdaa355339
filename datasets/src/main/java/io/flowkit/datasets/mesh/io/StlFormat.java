package io.flowkit.datasets.mesh.io;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.internal.ParserErrors;
import io.flowkit.datasets.internal.MeshBuffer;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.geometry.euclidean.threed.Vector3D;
import org.apache.commons.geometry.io.euclidean.threed.FacetDefinition;
import org.apache.commons.geometry.io.euclidean.threed.FacetDefinitionReader;
import org.apache.commons.geometry.io.euclidean.threed.stl.BinaryStlWriter;
import org.apache.commons.geometry.io.euclidean.threed.stl.StlFacetDefinitionReaders;

/**
 * STL meshes (binary or ASCII, detected on reading) through Apache Commons Geometry. STL stores
 * each triangle with its own three corners, so on reading corners with bitwise-equal coordinates
 * are merged into one vertex, in order of first appearance. Binary STL stores 32-bit floats:
 * writing it rounds coordinates to float; ASCII STL (written here, since Commons Geometry 1.0's text writer omits the {@code normal}
 * keyword) keeps full precision. Facet normals are recomputed from the vertex order on writing and ignored on reading; signals are not written.
 */
public final class StlFormat {

    private StlFormat() {}

    /**
     * Reads an STL mesh.
     *
     * @param file the file
     * @return the mesh with merged corners
     * @throws MalformedInputException for a truncated or malformed file, an empty file or a
     *     non-finite coordinate
     * @throws IOException if the file cannot be read
     */
    public static TriangleMesh read(Path file) throws IOException {
        Map<Vector3D, Integer> index = new HashMap<>();
        MeshBuffer mesh = new MeshBuffer();
        int facets = 0;
        try (InputStream in = Files.newInputStream(file);
                FacetDefinitionReader reader = StlFacetDefinitionReaders.create(in, StandardCharsets.US_ASCII)) {
            FacetDefinition facet;
            while ((facet = reader.readFacet()) != null) {
                List<Vector3D> corners = facet.getVertices();
                int[] triangle = new int[corners.size()];
                for (int k = 0; k < triangle.length; k++) {
                    Vector3D p = corners.get(k);
                    if (!p.isFinite()) {
                        throw MalformedInputException.of(file, "facet " + facets + " has a non-finite coordinate: " + p);
                    }
                    triangle[k] = index.computeIfAbsent(p, q -> mesh.addVertex(q.getX(), q.getY(), q.getZ()));
                }
                if (triangle.length != 3) {
                    throw MalformedInputException.of(file, "facet " + facets + " has " + triangle.length + " vertices, expected 3");
                }
                mesh.addFan(triangle);
                facets++;
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw ParserErrors.wrap(file, "STL", e);
        }
        if (facets == 0) {
            throw MalformedInputException.of(file, "STL file has no triangles");
        }
        return mesh.build(file, "STL");
    }

    /**
     * Writes binary STL (coordinates rounded to 32-bit floats).
     *
     * @param file the target, written through a temporary file
     * @param mesh the mesh
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void write(Path file, TriangleMesh mesh) throws IOException {
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        AtomicFiles.write(file, out -> {
            BinaryStlWriter stl = new BinaryStlWriter(out);
            stl.writeHeader("flowkit triangle mesh".getBytes(StandardCharsets.US_ASCII), mesh.faceCount());
            for (int i = 0; i < f.length; i += 3) {
                stl.writeTriangle(corner(v, f[i]), corner(v, f[i + 1]), corner(v, f[i + 2]), null);
            }
            out.flush();
        });
    }

    /**
     * Writes ASCII STL in full precision ({@code facet normal}, {@code outer loop}, three
     * {@code vertex} lines per triangle; the normal is the unit normal of the vertex order, or
     * zero for a degenerate triangle).
     *
     * @param file the target, written through a temporary file
     * @param mesh the mesh
     * @throws IOException if writing fails; the target is then unchanged
     */
    public static void writeText(Path file, TriangleMesh mesh) throws IOException {
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        StringBuilder sb = new StringBuilder(256 * mesh.faceCount() + 32).append("solid flowkit\n");
        for (int i = 0; i < f.length; i += 3) {
            Vector3D a = corner(v, f[i]);
            Vector3D b = corner(v, f[i + 1]);
            Vector3D c = corner(v, f[i + 2]);
            Vector3D cross = b.subtract(a).cross(c.subtract(a));
            Vector3D n = cross.norm() > 0 ? cross.normalize() : Vector3D.ZERO;
            sb.append("facet normal ").append(n.getX()).append(' ').append(n.getY()).append(' ').append(n.getZ())
                    .append("\nouter loop\n");
            for (Vector3D p : new Vector3D[] {a, b, c}) {
                sb.append("vertex ").append(p.getX()).append(' ').append(p.getY()).append(' ').append(p.getZ()).append('\n');
            }
            sb.append("endloop\nendfacet\n");
        }
        AtomicFiles.writeString(file, sb.append("endsolid flowkit\n").toString());
    }

    private static Vector3D corner(double[] v, int i) {
        return Vector3D.of(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
    }
}
