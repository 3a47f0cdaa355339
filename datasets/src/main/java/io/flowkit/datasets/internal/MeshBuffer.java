package io.flowkit.datasets.internal;

import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.nio.file.Path;
import java.util.Arrays;

/** Growable vertex and triangle arrays that mesh readers fill, then turn into a validated mesh. */
public final class MeshBuffer {

    private double[] vertices = new double[3 * 1024];
    private int[] triangles = new int[3 * 2048];
    private int vertexCount;
    private int triangleValues;

    /**
     * Appends a vertex.
     *
     * @param x x coordinate
     * @param y y coordinate
     * @param z z coordinate
     * @return its index
     */
    public int addVertex(double x, double y, double z) {
        if (3 * vertexCount + 3 > vertices.length) {
            vertices = Arrays.copyOf(vertices, 2 * vertices.length);
        }
        vertices[3 * vertexCount] = x;
        vertices[3 * vertexCount + 1] = y;
        vertices[3 * vertexCount + 2] = z;
        return vertexCount++;
    }

    /** @return the number of vertices added */
    public int vertexCount() {
        return vertexCount;
    }

    /**
     * Appends a polygon as a fan of triangles {@code (p0, pj, pj+1)}; a triangle is added as is.
     *
     * @param polygon vertex indices, at least 3
     */
    public void addFan(int[] polygon) {
        int needed = triangleValues + 3 * (polygon.length - 2);
        if (needed > triangles.length) {
            triangles = Arrays.copyOf(triangles, Math.max(2 * triangles.length, needed));
        }
        for (int j = 1; j + 1 < polygon.length; j++) {
            triangles[triangleValues++] = polygon[0];
            triangles[triangleValues++] = polygon[j];
            triangles[triangleValues++] = polygon[j + 1];
        }
    }

    /**
     * Builds the mesh, reporting an empty buffer or a validation failure against the file.
     *
     * @param file the file read
     * @param format the format name for messages ("OBJ")
     * @return the mesh
     * @throws MalformedInputException when there is no vertex, or a vertex or face is invalid
     */
    public TriangleMesh build(Path file, String format) throws MalformedInputException {
        if (vertexCount == 0) {
            throw MalformedInputException.of(file, format + " file has no vertices");
        }
        double[] v = Arrays.copyOf(vertices, 3 * vertexCount);
        int[] f = Arrays.copyOf(triangles, triangleValues);
        return Validated.build(file, () -> TriangleMesh.of(v, f));
    }
}
