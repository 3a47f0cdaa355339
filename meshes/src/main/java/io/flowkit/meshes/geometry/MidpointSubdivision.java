package io.flowkit.meshes.geometry;

import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.HashMap;
import java.util.Map;

/**
 * Midpoint (1-to-4) subdivision: every edge gets a vertex at its midpoint, shared by the triangles
 * on both sides, and every triangle becomes four. The surface is unchanged (no smoothing), so a
 * subdivided mesh is another triangulation of the same surface with four times the triangles.
 * Signals are not carried over.
 */
public final class MidpointSubdivision {

    private MidpointSubdivision() {}

    /**
     * Subdivides a mesh a number of times.
     *
     * @param mesh the mesh
     * @param levels how many times, at least 0 (each multiplies the triangle count by 4)
     * @return the subdivided mesh
     * @throws IllegalArgumentException if levels is negative or the result would exceed int indices
     */
    public static TriangleMesh subdivide(TriangleMesh mesh, int levels) {
        if (levels < 0) {
            throw new IllegalArgumentException("levels is negative: " + levels);
        }
        TriangleMesh m = mesh;
        for (int l = 0; l < levels; l++) {
            m = once(m);
        }
        return m;
    }

    private static TriangleMesh once(TriangleMesh mesh) {
        int n = mesh.vertexCount();
        int t = mesh.faceCount();
        if ((long) t * 12 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("subdivision of " + t + " triangles would exceed int indices");
        }
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        double[] out = java.util.Arrays.copyOf(v, 3 * (n + 3 * t));
        Map<Long, Integer> mid = new HashMap<>(4 * t);
        int[] next = {n};
        int[] g = new int[12 * t];
        for (int k = 0; k < t; k++) {
            int a = f[3 * k];
            int b = f[3 * k + 1];
            int c = f[3 * k + 2];
            int ab = midpoint(a, b, v, out, mid, next);
            int bc = midpoint(b, c, v, out, mid, next);
            int ca = midpoint(c, a, v, out, mid, next);
            int[] tri = {a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca};
            System.arraycopy(tri, 0, g, 12 * k, 12);
        }
        return TriangleMesh.of(java.util.Arrays.copyOf(out, 3 * next[0]), g);
    }

    private static int midpoint(int a, int b, double[] v, double[] out, Map<Long, Integer> mid, int[] next) {
        long key = a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
        Integer m = mid.get(key);
        if (m != null) {
            return m;
        }
        int i = next[0]++;
        for (int d = 0; d < 3; d++) {
            out[3 * i + d] = 0.5 * (v[3 * a + d] + v[3 * b + d]);
        }
        mid.put(key, i);
        return i;
    }
}
