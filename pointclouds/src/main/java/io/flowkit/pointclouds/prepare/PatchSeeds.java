package io.flowkit.pointclouds.prepare;

import io.flowkit.datasets.sampling.FarthestPointSampler;
import io.flowkit.datasets.spatial.NearestNeighbors;

/**
 * Overlapping patches of a cloud around farthest-point seeds, as PU-GAN and PUFM++ cut a cloud
 * for training and inference (PUFM++, Liu et al. 2025: seeds by farthest-point sampling,
 * each patch the k nearest points of its seed, about 3× coverage).
 *
 * <p>With N points, patch size P and coverage c, there are
 * {@code m = max(1, ceil(c · N / P))} patches (at most N), so that on average every point falls
 * in about c patches. The seeds are chosen by farthest-point sampling from point 0; patch j is the
 * P nearest points of seed j, nearest first (so its first index is the seed, or a point that
 * coincides with it). A cloud of exactly P points gives one patch of all its points, whatever the
 * coverage; a cloud of fewer than P points is rejected (the caller decides how to handle small
 * clouds, for example by a smaller patch size).
 */
public final class PatchSeeds {

    private PatchSeeds() {}

    /**
     * Cuts a cloud into overlapping patches.
     *
     * @param xyz interleaved coordinates of N points, N at least {@code patchSize}
     * @param patchSize points per patch P, at least 1
     * @param coverage how many patches cover a point on average, positive and finite (3 in PUFM++)
     * @return m patches of P point indices each, nearest to the seed first; row j belongs to the
     *     j-th farthest-point seed
     * @throws IllegalArgumentException on a bad cloud, a patch size below 1, a coverage that is not
     *     positive, or fewer points than the patch size ("cloud has 100 points, fewer than the patch
     *     size 256")
     */
    public static int[][] patches(double[] xyz, int patchSize, double coverage) {
        int n = PointArrays.count(xyz, "cloud");
        int m = patchCount(n, patchSize, coverage);
        int[] seeds = FarthestPointSampler.indices(xyz, m, 0);
        NearestNeighbors index = NearestNeighbors.of(xyz);
        int[][] out = new int[m][];
        for (int j = 0; j < m; j++) {
            int s = seeds[j];
            out[j] = index.kNearest(xyz[3 * s], xyz[3 * s + 1], xyz[3 * s + 2], patchSize);
        }
        return out;
    }

    /**
     * The number of patches {@link #patches} cuts.
     *
     * @param points number of points N in the cloud
     * @param patchSize points per patch P, at least 1
     * @param coverage average number of patches per point, positive and finite
     * @return {@code 1} when N = P, else {@code min(N, max(1, ceil(coverage · N / P)))}
     * @throws IllegalArgumentException on a patch size below 1, a coverage that is not positive, or
     *     fewer points than the patch size
     */
    public static int patchCount(int points, int patchSize, double coverage) {
        if (patchSize < 1) {
            throw new IllegalArgumentException("patch size is not positive: " + patchSize);
        }
        if (!(coverage > 0) || Double.isInfinite(coverage)) {
            throw new IllegalArgumentException("coverage is not positive: " + coverage);
        }
        if (points < patchSize) {
            throw new IllegalArgumentException("cloud has " + points + " points, fewer than the patch size " + patchSize);
        }
        if (points == patchSize) {
            return 1;
        }
        double m = Math.ceil(coverage * points / patchSize);
        return (int) Math.max(1, Math.min(points, m));
    }
}
