package io.flowkit.pointclouds.data;

import io.flowkit.core.math.LinearAssignment;
import io.flowkit.pointclouds.prepare.PointArrays;

/**
 * The exact Earth Mover's matching between two clouds of equal size: the one-to-one assignment
 * that minimises the summed squared distance {@code Σ_i |a_i − b_σ(i)|²}. PUFM++ (Liu et al. 2025,
 * stage 1) permutes each ground-truth patch by this matching to the start cloud so that the flow's
 * paths are short and do not cross. Solved exactly by {@link LinearAssignment} (Jonker–Volgenant)
 * on the dense {@code n × n} cost matrix: O(n²) memory (8 MB at n = 1,024) and O(n³) time in the
 * worst case.
 */
public final class PointMatching {

    private PointMatching() {}

    /**
     * The minimum-cost assignment between two clouds on squared Euclidean distances.
     *
     * @param from interleaved xyz of n points
     * @param to interleaved xyz of the same number of points
     * @return {@code σ}: for each point i of {@code from}, the index of its point in {@code to}, all distinct
     * @throws IllegalArgumentException on bad clouds or different sizes
     */
    public static int[] assignment(double[] from, double[] to) {
        int n = PointArrays.count(from, "from");
        int m = PointArrays.count(to, "to");
        if (n != m) {
            throw new IllegalArgumentException("clouds differ in size: " + n + " and " + m + " points");
        }
        double[] cost = new double[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            double x = from[3 * i];
            double y = from[3 * i + 1];
            double z = from[3 * i + 2];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double dx = x - to[3 * j];
                double dy = y - to[3 * j + 1];
                double dz = z - to[3 * j + 2];
                cost[row + j] = dx * dx + dy * dy + dz * dz;
            }
        }
        return LinearAssignment.minimize(cost, n, n);
    }

    /**
     * {@code to} reordered so that its point i is matched to point i of {@code from}.
     *
     * @param from interleaved xyz of n points
     * @param to interleaved xyz of the same number of points
     * @return a permutation of {@code to}'s points: point i is {@code to[σ(i)]}
     * @throws IllegalArgumentException on bad clouds or different sizes
     */
    public static double[] matched(double[] from, double[] to) {
        return PointArrays.gather(to, assignment(from, to));
    }

    /**
     * The mean squared distance between corresponding points, the Earth Mover's distance of two
     * clouds once {@code to} is {@link #matched} to {@code from}.
     *
     * @param a interleaved xyz of n points
     * @param b interleaved xyz of n points, point i paired with point i of {@code a}
     * @return {@code (1/n) Σ_i |a_i − b_i|²}
     * @throws IllegalArgumentException on bad clouds or different sizes
     */
    public static double meanSquaredDistance(double[] a, double[] b) {
        int n = PointArrays.count(a, "a");
        if (PointArrays.count(b, "b") != n) {
            throw new IllegalArgumentException("clouds differ in size: " + n + " and " + b.length / 3 + " points");
        }
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return s / n;
    }
}
