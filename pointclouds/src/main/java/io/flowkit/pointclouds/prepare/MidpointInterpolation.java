package io.flowkit.pointclouds.prepare;

import io.flowkit.datasets.sampling.FarthestPointSampler;
import io.flowkit.datasets.spatial.NearestNeighbors;

/**
 * Midpoint interpolation, the input preparation of PUFM++ (Liu et al. 2025, "PUFM++: Point Cloud
 * Upsampling via Enhanced Flow Matching"; introduced by PUFM, Liu et al. 2024): a sparse cloud of N
 * points is turned into a coarse dense cloud of exactly {@code N · r} points, the start of the
 * flow.
 *
 * <ol>
 *   <li>For every point {@code p_i}, its {@code k = 2r} nearest neighbours, itself included (exact
 *       k-d tree search; ties by index).
 *   <li>For every neighbour {@code p_j}, the midpoint {@code (p_i + p_j) / 2}; the {@code j = i}
 *       midpoint is {@code p_i} itself.
 *   <li>Identical midpoints are kept once (the pairs {@code (i, j)} and {@code (j, i)} give the same
 *       point; so do duplicate input points), in order of first appearance.
 *   <li>Farthest-point sampling reduces them to {@code N · r} points, starting from the first
 *       candidate ({@code p_0}); the result is deterministic.
 * </ol>
 *
 * <p>Without duplicate points there are always at least {@code N (2r + 1) / 2 ≥ N r} distinct
 * midpoints unless many coincide by symmetry (a regular grid). Cost: the k-d tree search plus
 * farthest-point sampling ({@link FarthestPointSampler}) over {@code M ≤ 2 N r} candidates, about
 * 0.1–0.2 s for 2,048 → 8,192 points on two cores.
 */
public final class MidpointInterpolation {

    private MidpointInterpolation() {}

    /**
     * Interpolates a cloud to {@code ratio} times as many points.
     *
     * @param xyz interleaved coordinates of N points, N at least {@code 2 · ratio}
     * @param ratio the upsampling rate r, at least 2
     * @return {@code N · ratio} points, interleaved, in farthest-point order
     * @throws IllegalArgumentException for a ratio below 2, an empty or ragged cloud, a non-finite
     *     coordinate (naming the point), fewer points than the {@code 2 · ratio} neighbours needed, or
     *     fewer distinct midpoints than {@code N · ratio} (duplicate points)
     */
    public static double[] interpolate(double[] xyz, int ratio) {
        double[] candidates = candidates(xyz, ratio);
        int n = xyz.length / 3;
        int target = n * ratio;
        int m = candidates.length / 3;
        if (m < target) {
            int duplicates = PointArrays.duplicateCount(xyz);
            String why = duplicates > 0
                    ? "the cloud holds " + duplicates + " duplicate points (points equal to an earlier one); remove them first"
                    : "too many midpoints coincide (points on a regular grid?)";
            throw new IllegalArgumentException("midpoint interpolation of " + n + " points at ratio " + ratio + " gives only "
                    + m + " distinct midpoints, fewer than the " + target + " points wanted: " + why);
        }
        return PointArrays.gather(candidates, FarthestPointSampler.indices(candidates, target, 0));
    }

    /**
     * The distinct midpoints before farthest-point sampling (steps 1 to 3 above): every point's
     * midpoints with its {@code 2 · ratio} nearest neighbours, each distinct point once, in order of
     * first appearance (point 0's own midpoint, {@code p_0}, first).
     *
     * @param xyz interleaved coordinates of N points, N at least {@code 2 · ratio}
     * @param ratio the upsampling rate r, at least 2
     * @return the distinct midpoints, interleaved
     * @throws IllegalArgumentException as {@link #interpolate}, except the count of distinct midpoints
     */
    public static double[] candidates(double[] xyz, int ratio) {
        if (ratio < 2) {
            throw new IllegalArgumentException("ratio is less than 2: " + ratio);
        }
        int n = PointArrays.count(xyz, "cloud");
        if (n < 2L * ratio) {
            throw new IllegalArgumentException("cloud has " + n + " points, fewer than the " + 2L * ratio
                    + " neighbours (k = 2 × ratio) that midpoint interpolation takes at ratio " + ratio);
        }
        if (6L * n * ratio > Integer.MAX_VALUE) { // 2r midpoints of 3 coordinates per point
            throw new IllegalArgumentException("cloud of " + n + " points at ratio " + ratio + " is too large for one array");
        }
        int k = 2 * ratio;
        int[] knn = NearestNeighbors.of(xyz).kNearest(xyz, k);
        double[] mids = new double[3 * n * k];
        int m = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                int j = knn[i * k + a];
                if (j < i && listed(knn, j, k, i)) {
                    continue; // the pair (j, i) was emitted when j was visited
                }
                mids[3 * m] = 0.5 * (xyz[3 * i] + xyz[3 * j]);
                mids[3 * m + 1] = 0.5 * (xyz[3 * i + 1] + xyz[3 * j + 1]);
                mids[3 * m + 2] = 0.5 * (xyz[3 * i + 2] + xyz[3 * j + 2]);
                m++;
            }
        }
        double[] all = java.util.Arrays.copyOf(mids, 3 * m);
        return PointArrays.distinct(all);
    }

    private static boolean listed(int[] knn, int row, int k, int value) {
        for (int a = 0; a < k; a++) {
            if (knn[row * k + a] == value) {
                return true;
            }
        }
        return false;
    }
}
