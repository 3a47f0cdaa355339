package io.flowkit.meshes.geometry;

import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.Arrays;
import java.util.Objects;

/**
 * Checks that a triangle mesh is a clean manifold triangulation, the condition of the classic
 * cotangent Laplacian: at least one triangle, no triangle with a repeated corner or (almost) zero
 * area, no vertex outside every triangle, and no edge shared by more than two triangles. Boundary
 * edges (one triangle) are allowed. Coordinates are finite by construction of {@link TriangleMesh}.
 * Nothing in flowkit requires it any more (the robust Laplacian,
 * {@link io.flowkit.core.laplace.LaplaceBeltrami#of}, serves any triangle soup); it reports what a
 * user who wants a clean mesh should repair.
 */
public final class MeshChecks {

    /**
     * A triangle counts as degenerate when its area is at most this fraction of the squared
     * bounding-box diagonal (its cotangents would be meaningless).
     */
    public static final double RELATIVE_AREA_TOLERANCE = 1e-14;

    private MeshChecks() {}

    /**
     * Checks a mesh.
     *
     * @param mesh the mesh
     * @param name how to call the mesh in messages, for example a file name
     * @return the number of boundary edges (edges of exactly one triangle); 0 for a closed surface
     * @throws IllegalArgumentException naming the first problem found: no triangles, a degenerate
     *     triangle, an isolated vertex or a non-manifold edge
     */
    public static int requireManifold(TriangleMesh mesh, String name) {
        Objects.requireNonNull(mesh, "mesh");
        int n = mesh.vertexCount();
        int t = mesh.faceCount();
        if (t == 0) {
            throw new IllegalArgumentException("mesh " + name + " has no triangles");
        }
        double diag = mesh.boundingBoxDiagonal();
        double minArea = RELATIVE_AREA_TOLERANCE * diag * diag;
        int[] f = mesh.faces();
        boolean[] used = new boolean[n];
        long[] edges = new long[3 * t];
        for (int k = 0; k < t; k++) {
            int a = f[3 * k];
            int b = f[3 * k + 1];
            int c = f[3 * k + 2];
            if (a == b || b == c || a == c) {
                throw new IllegalArgumentException("mesh " + name + ": triangle " + k + " repeats a vertex: (" + a + ", " + b
                        + ", " + c + ")");
            }
            double area = mesh.faceArea(k);
            if (!(area > minArea)) {
                throw new IllegalArgumentException("mesh " + name + ": triangle " + k + " (" + a + ", " + b + ", " + c
                        + ") is degenerate: area " + area + " is not above " + minArea
                        + " (remove zero-area triangles, for example by collapsing their shortest edge)");
            }
            used[a] = true;
            used[b] = true;
            used[c] = true;
            edges[3 * k] = key(a, b);
            edges[3 * k + 1] = key(b, c);
            edges[3 * k + 2] = key(c, a);
        }
        for (int v = 0; v < n; v++) {
            if (!used[v]) {
                throw new IllegalArgumentException("mesh " + name + ": vertex " + v
                        + " is isolated (it belongs to no triangle); remove unreferenced vertices first");
            }
        }
        Arrays.sort(edges);
        int boundary = 0;
        for (int i = 0; i < edges.length;) {
            int j = i;
            while (j < edges.length && edges[j] == edges[i]) {
                j++;
            }
            if (j - i > 2) {
                throw new IllegalArgumentException("mesh " + name + ": edge (" + (edges[i] >>> 32) + ", "
                        + (edges[i] & 0xffffffffL) + ") is non-manifold: it is shared by " + (j - i) + " triangles");
            }
            if (j - i == 1) {
                boundary++;
            }
            i = j;
        }
        return boundary;
    }

    private static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }
}
