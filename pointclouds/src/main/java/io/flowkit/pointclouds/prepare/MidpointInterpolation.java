package io.flowkit.pointclouds.prepare;

import io.flowkit.datasets.sampling.FarthestPointSampler;
import io.flowkit.datasets.spatial.NearestNeighbors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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

    /**
     * The longest pair {@link #interpolateLocal} joins, in units of the smaller of the two points'
     * local spacings (each point's distance to its {@code r}-th nearest neighbour).
     */
    public static final double GAP_FACTOR = 2.0;

    private MidpointInterpolation() {}

    /**
     * Midpoint interpolation that does not bridge gaps: as {@link #interpolate}, but a pair
     * {@code (p_i, p_j)} longer than {@link #GAP_FACTOR} times the smaller of the two points' local
     * spacings (the distance of each to its {@code r}-th nearest neighbour) gives no midpoint, unless
     * fewer than {@code N · r} midpoints would remain (then the shortest such pairs are used).
     *
     * <p>Why: in a patch cut from a cloud (the {@code P} points nearest a seed), a point on the
     * patch's border has its neighbours on one side only, and where the patch holds two sheets of
     * surface (the two sides of a thin tube, two strands of a knot, two legs) its nearest points in
     * the patch may lie on the other sheet. Their midpoints float in the air between the sheets,
     * several spacings from every input point, and farthest-point sampling picks such isolated
     * candidates first. With the shipped model, these starting points were the stray points of the
     * upsampler on a knot (the flow moved them by a fraction of a spacing; it did not create them).
     *
     * @param xyz interleaved coordinates of N points, N at least {@code 2 · ratio}
     * @param ratio the upsampling rate r, at least 2
     * @return {@code N · ratio} points, interleaved, in farthest-point order
     * @throws IllegalArgumentException as {@link #interpolate}
     */
    public static double[] interpolateLocal(double[] xyz, int ratio) {
        Pairs pairs = pairs(xyz, ratio);
        int n = xyz.length / 3;
        int target = n * ratio;
        double[] kept = new double[pairs.count * 3];
        int keptCount = 0;
        List<Integer> bridging = new ArrayList<>();
        for (int c = 0; c < pairs.count; c++) {
            if (pairs.length[c] <= GAP_FACTOR * pairs.spacing[c]) {
                System.arraycopy(pairs.mids, 3 * c, kept, 3 * keptCount, 3);
                keptCount++;
            } else {
                bridging.add(c);
            }
        }
        double[] candidates = PointArrays.distinct(Arrays.copyOf(kept, 3 * keptCount));
        if (candidates.length / 3 < target && !bridging.isEmpty()) {
            bridging.sort(Comparator.comparingDouble((Integer c) -> pairs.length[c]));
            double[] all = Arrays.copyOf(kept, 3 * pairs.count);
            int count = keptCount;
            for (int c : bridging) {
                System.arraycopy(pairs.mids, 3 * c, all, 3 * count, 3);
                count++;
            }
            double[] distinct = PointArrays.distinct(all);
            // the kept midpoints come first, then the shortest bridging ones up to the target
            candidates = Arrays.copyOf(distinct, 3 * Math.min(distinct.length / 3, target));
        }
        return reduce(xyz, candidates, ratio);
    }

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
        return reduce(xyz, candidates(xyz, ratio), ratio);
    }

    /** Farthest-point reduction of distinct candidates to {@code N · ratio}, or a message why there are too few. */
    private static double[] reduce(double[] xyz, double[] candidates, int ratio) {
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
        Pairs pairs = pairs(xyz, ratio);
        return PointArrays.distinct(Arrays.copyOf(pairs.mids, 3 * pairs.count));
    }

    /**
     * The midpoints of each point with its {@code 2r} nearest neighbours (each unordered pair once),
     * with the pair's length and the smaller local spacing of its two points.
     */
    private record Pairs(double[] mids, double[] length, double[] spacing, int count) {}

    private static Pairs pairs(double[] xyz, int ratio) {
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
        double[] local = new double[n];
        for (int i = 0; i < n; i++) {
            local[i] = Math.sqrt(distanceSquared(xyz, i, knn[i * k + ratio]));
        }
        double[] mids = new double[3 * n * k];
        double[] length = new double[n * k];
        double[] spacing = new double[n * k];
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
                length[m] = Math.sqrt(distanceSquared(xyz, i, j));
                spacing[m] = Math.min(local[i], local[j]);
                m++;
            }
        }
        return new Pairs(mids, length, spacing, m);
    }

    private static double distanceSquared(double[] xyz, int i, int j) {
        double dx = xyz[3 * i] - xyz[3 * j];
        double dy = xyz[3 * i + 1] - xyz[3 * j + 1];
        double dz = xyz[3 * i + 2] - xyz[3 * j + 2];
        return dx * dx + dy * dy + dz * dz;
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
