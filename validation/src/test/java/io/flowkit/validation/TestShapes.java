package io.flowkit.validation;

import java.util.Random;

/** Seeded random clouds and simple meshes shared by the tests. */
public final class TestShapes {

    private TestShapes() {}

    /** @return n points from an isotropic Gaussian of the given scale, shifted along x */
    public static double[] gaussian(Random r, int n, double scale, double shiftX) {
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
            p[3 * i] = scale * r.nextGaussian() + shiftX;
            p[3 * i + 1] = scale * r.nextGaussian();
            p[3 * i + 2] = scale * r.nextGaussian();
        }
        return p;
    }

    /** @return {vertices (double[]), faces (int[])} of a unit icosphere: the icosahedron subdivided {@code levels} times */
    public static Object[] icosphere(int levels) {
        double t = (1 + Math.sqrt(5)) / 2;
        java.util.List<double[]> v = new java.util.ArrayList<>(java.util.List.of(
                new double[] {-1, t, 0}, new double[] {1, t, 0}, new double[] {-1, -t, 0}, new double[] {1, -t, 0},
                new double[] {0, -1, t}, new double[] {0, 1, t}, new double[] {0, -1, -t}, new double[] {0, 1, -t},
                new double[] {t, 0, -1}, new double[] {t, 0, 1}, new double[] {-t, 0, -1}, new double[] {-t, 0, 1}));
        int[] f = {0, 11, 5, 0, 5, 1, 0, 1, 7, 0, 7, 10, 0, 10, 11, 1, 5, 9, 5, 11, 4, 11, 10, 2, 10, 7, 6, 7, 1, 8,
            3, 9, 4, 3, 4, 2, 3, 2, 6, 3, 6, 8, 3, 8, 9, 4, 9, 5, 2, 4, 11, 6, 2, 10, 8, 6, 7, 9, 8, 1};
        for (double[] p : v) {
            normalise(p);
        }
        for (int l = 0; l < levels; l++) {
            java.util.Map<Long, Integer> mid = new java.util.HashMap<>();
            int[] next = new int[f.length * 4];
            int k = 0;
            for (int i = 0; i < f.length; i += 3) {
                int a = f[i];
                int b = f[i + 1];
                int c = f[i + 2];
                int ab = midpoint(v, mid, a, b);
                int bc = midpoint(v, mid, b, c);
                int ca = midpoint(v, mid, c, a);
                int[] tris = {a, ab, ca, b, bc, ab, c, ca, bc, ab, bc, ca};
                System.arraycopy(tris, 0, next, k, 12);
                k += 12;
            }
            f = next;
        }
        double[] xyz = new double[3 * v.size()];
        for (int i = 0; i < v.size(); i++) {
            System.arraycopy(v.get(i), 0, xyz, 3 * i, 3);
        }
        return new Object[] {xyz, f};
    }

    private static int midpoint(java.util.List<double[]> v, java.util.Map<Long, Integer> cache, int a, int b) {
        long key = Math.min(a, b) * 1_000_000L + Math.max(a, b);
        Integer found = cache.get(key);
        if (found != null) {
            return found;
        }
        double[] p = v.get(a);
        double[] q = v.get(b);
        double[] m = {(p[0] + q[0]) / 2, (p[1] + q[1]) / 2, (p[2] + q[2]) / 2};
        normalise(m);
        v.add(m);
        cache.put(key, v.size() - 1);
        return v.size() - 1;
    }

    private static void normalise(double[] p) {
        double n = Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
        p[0] /= n;
        p[1] /= n;
        p[2] /= n;
    }
}
