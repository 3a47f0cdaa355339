package io.flowkit.core.mesh;

/** Checks and small geometric helpers for indexed triangle meshes given as primitive arrays. */
public final class MeshArrays {

    private MeshArrays() {}

    /**
     * Checks interleaved xyz points: not null, not empty, a multiple of 3 long, all finite.
     *
     * @param points the points
     * @param name the argument's name for messages
     * @return the number of points
     * @throws IllegalArgumentException naming the argument and the problem
     */
    public static int checkPoints(double[] points, String name) {
        if (points == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (points.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        if (points.length % 3 != 0) {
            throw new IllegalArgumentException(name + " length is not a multiple of 3 (interleaved xyz): " + points.length);
        }
        for (int k = 0; k < points.length; k++) {
            if (!Double.isFinite(points[k])) {
                throw new IllegalArgumentException(
                        name + " point " + k / 3 + " has a coordinate that is not finite: " + points[k]);
            }
        }
        return points.length / 3;
    }

    /**
     * Checks a face index array: not null, not empty, a multiple of 3 long, every index in range.
     * Degenerate triangles (a repeated index, zero area) are allowed: real meshes have them, and each
     * metric documents how it treats them.
     *
     * @param faces three vertex indices per triangle
     * @param vertexCount number of vertices
     * @param name the argument's name for messages
     * @return the number of triangles
     * @throws IllegalArgumentException naming the argument, the face and the problem
     */
    public static int checkFaces(int[] faces, int vertexCount, String name) {
        if (faces == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (faces.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        if (faces.length % 3 != 0) {
            throw new IllegalArgumentException(name + " length is not a multiple of 3: " + faces.length);
        }
        for (int t = 0; t < faces.length; t += 3) {
            for (int k = 0; k < 3; k++) {
                int v = faces[t + k];
                if (v < 0 || v >= vertexCount) {
                    throw new IllegalArgumentException(name + " face " + t / 3 + " has vertex index " + v
                            + " out of range [0, " + vertexCount + ")");
                }
            }
        }
        return faces.length / 3;
    }

    /**
     * The area of one triangle.
     *
     * @param v interleaved vertex coordinates
     * @param a first vertex index
     * @param b second vertex index
     * @param c third vertex index
     * @return half the norm of the cross product of two edges
     */
    public static double triangleArea(double[] v, int a, int b, int c) {
        double ux = v[3 * b] - v[3 * a];
        double uy = v[3 * b + 1] - v[3 * a + 1];
        double uz = v[3 * b + 2] - v[3 * a + 2];
        double wx = v[3 * c] - v[3 * a];
        double wy = v[3 * c + 1] - v[3 * a + 1];
        double wz = v[3 * c + 2] - v[3 * a + 2];
        double nx = uy * wz - uz * wy;
        double ny = uz * wx - ux * wz;
        double nz = ux * wy - uy * wx;
        return 0.5 * Math.sqrt(nx * nx + ny * ny + nz * nz);
    }
}
