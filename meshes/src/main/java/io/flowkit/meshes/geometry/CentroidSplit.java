package io.flowkit.meshes.geometry;

import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Splits a random share of the triangles 1-to-3 at their centroids. The surface is unchanged (the
 * new vertices lie in the old triangles), the old vertices keep their indices, and the result is an
 * irregular triangulation with a mix of small, elongated and original triangles: a harder second
 * triangulation than uniform subdivision for testing that a method does not depend on the mesh.
 */
public final class CentroidSplit {

    private CentroidSplit() {}

    /**
     * Splits triangles.
     *
     * @param mesh the mesh
     * @param share the probability that a triangle is split, in [0, 1]
     * @param seed the seed of the choice
     * @return the new mesh: the old vertices first, then one centroid per split triangle
     * @throws IllegalArgumentException if the share is not in [0, 1]
     */
    public static TriangleMesh split(TriangleMesh mesh, double share, long seed) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share is not in [0, 1]: " + share);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = mesh.vertexCount();
        int t = mesh.faceCount();
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        double[] out = Arrays.copyOf(v, 3 * (n + t));
        int[] g = new int[9 * t];
        int vertices = n;
        int faces = 0;
        for (int k = 0; k < t; k++) {
            int a = f[3 * k];
            int b = f[3 * k + 1];
            int c = f[3 * k + 2];
            if (random.nextDouble() < share) {
                int m = vertices++;
                for (int d = 0; d < 3; d++) {
                    out[3 * m + d] = (v[3 * a + d] + v[3 * b + d] + v[3 * c + d]) / 3;
                }
                int[] tri = {a, b, m, b, c, m, c, a, m};
                System.arraycopy(tri, 0, g, 3 * faces, 9);
                faces += 3;
            } else {
                g[3 * faces] = a;
                g[3 * faces + 1] = b;
                g[3 * faces + 2] = c;
                faces++;
            }
        }
        return TriangleMesh.of(Arrays.copyOf(out, 3 * vertices), Arrays.copyOf(g, 3 * faces));
    }
}
