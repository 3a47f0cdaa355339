package io.flowkit.pointclouds.data;

import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.sampling.FarthestPointSampler;
import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.prepare.PatchNormalisation;
import io.flowkit.pointclouds.prepare.PointArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Stage-1 training pairs of PUFM++ (Liu et al. 2025, "PUFM++: Point Cloud Upsampling via Enhanced
 * Flow Matching", stage 1): patches of {@code P} sparse points (256) and {@code P · r} ground-truth
 * points (1,024 for x4), each normalised into the unit sphere, with the midpoint interpolation of
 * the sparse patch and the ground truth matched to it by the exact Earth Mover's assignment.
 *
 * <p>For each patch:
 * <ol>
 *   <li>a seed point of the sparse input (see below);
 *   <li>the sparse patch is the {@code P} input points nearest the seed, the truth patch the
 *       {@code P · r} ground-truth points nearest the same seed;
 *   <li>the normalisation of the sparse patch (centroid, largest radius:
 *       {@link PatchNormalisation#of}) is applied to both;
 *   <li>the sparse patch is midpoint-interpolated to {@code P · r} points
 *       ({@link MidpointInterpolation#interpolateLocal}: midpoints that would bridge a gap of the
 *       patch, as between two strands of a knot, are left out, exactly as the upsampler does);
 *   <li>the truth patch is permuted by the minimum-cost assignment on squared distances to the
 *       interpolated patch ({@link PointMatching}).
 * </ol>
 *
 * <p><b>Seeds.</b> Farthest-point sampling over the sparse input, started at a point drawn with the
 * seed: the patches of one call are spread evenly over the shape (no region sampled twice while
 * another is missed, as independent random seeds would), and another seed gives other patches, so
 * epochs differ. The result depends only on the arguments.
 */
public final class PatchPairs {

    private PatchPairs() {}

    /**
     * Training pairs from a shape sampled by the PU-GAN protocol ({@link PuProtocol}).
     *
     * @param shape input and ground truth of one shape, in one frame
     * @param patchSize sparse points per patch P (256 in PUFM++), at least {@code 2 · ratio}
     * @param ratio upsampling rate r (4 in PUFM++), at least 2; the shape's truth must hold at least {@code P · r} points
     * @param patches number of patches, 1 to the number of input points
     * @param seed random seed of the first patch seed
     * @return the patches, in farthest-point order of their seeds
     * @throws IllegalArgumentException when the sizes do not fit, naming the shape
     */
    public static List<UpsamplingPatch> build(ShapeSample shape, int patchSize, int ratio, int patches, long seed) {
        Objects.requireNonNull(shape, "shape");
        return fromPair(shape.name(), shape.input(), shape.truth(), patchSize, ratio, patches, seed);
    }

    /**
     * Training pairs from a dense cloud alone, for the PU-Net clouds of {@code punet-mc5k} (5,000
     * points with normals; normals are ignored). The sparse input is the dense cloud reduced to
     * {@code N / r} points (1,250 for x4) by farthest-point sampling from a seeded start
     * ({@link #sparseFromCloud}), an even spread like the Poisson-disk inputs of the PU-GAN
     * protocol; the ground truth is the full cloud. Unlike the mesh protocol, the sparse points are
     * a subset of the ground truth.
     *
     * @param name the cloud's name, for messages
     * @param cloud the dense cloud
     * @param patchSize sparse points per patch P, at least {@code 2 · ratio}
     * @param ratio upsampling rate r, at least 2
     * @param patches number of patches, 1 to {@code N / r}
     * @param seed random seed of the sparse input and the patch seeds
     * @return the patches
     * @throws IllegalArgumentException when the sizes do not fit, naming the cloud
     */
    public static List<UpsamplingPatch> fromCloud(String name, PointCloud cloud, int patchSize, int ratio, int patches,
            long seed) {
        double[] truth = cloud.positions();
        SplittableRandom seeds = new SplittableRandom(seed);
        double[] sparse = sparseFromCloud(truth, ratio, seeds.nextLong());
        return fromPair(name, sparse, truth, patchSize, ratio, patches, seeds.nextLong());
    }

    /**
     * A sparse input made from a dense cloud: {@code floor(N / ratio)} of its points by
     * farthest-point sampling, started at a point drawn with the seed.
     *
     * @param xyz interleaved coordinates of N points, N at least {@code ratio}
     * @param ratio the reduction rate, at least 2
     * @param seed random seed of the first point
     * @return the chosen points, interleaved, in farthest-point order
     * @throws IllegalArgumentException on a bad cloud, a ratio below 2 or fewer points than the ratio
     */
    public static double[] sparseFromCloud(double[] xyz, int ratio, long seed) {
        int n = PointArrays.count(xyz, "cloud");
        if (ratio < 2) {
            throw new IllegalArgumentException("ratio is less than 2: " + ratio);
        }
        if (n < ratio) {
            throw new IllegalArgumentException("cloud has " + n + " points, fewer than the ratio " + ratio);
        }
        int start = new SplittableRandom(seed).nextInt(n);
        return PointArrays.gather(xyz, FarthestPointSampler.indices(xyz, n / ratio, start));
    }

    /**
     * Training pairs from any sparse input and dense ground truth in one frame.
     *
     * @param name the shape's name, for messages
     * @param input sparse points, interleaved, at least {@code patchSize}
     * @param truth dense points, interleaved, at least {@code patchSize · ratio}
     * @param patchSize sparse points per patch P, at least {@code 2 · ratio}
     * @param ratio upsampling rate r, at least 2
     * @param patches number of patches, 1 to the number of input points
     * @param seed random seed of the first patch seed
     * @return the patches, in farthest-point order of their seeds
     * @throws IllegalArgumentException when the sizes do not fit, naming the shape
     */
    public static List<UpsamplingPatch> fromPair(String name, double[] input, double[] truth, int patchSize, int ratio,
            int patches, long seed) {
        int n = PointArrays.count(input, name + " input");
        checkSizes(name, n, PointArrays.count(truth, name + " truth"), patchSize, ratio);
        if (patches < 1 || patches > n) {
            throw new IllegalArgumentException(name + ": number of patches is not in 1.." + n + ": " + patches);
        }
        int start = new SplittableRandom(seed).nextInt(n);
        int[] seeds = FarthestPointSampler.indices(input, patches, start);
        NearestNeighbors inputIndex = NearestNeighbors.of(input);
        NearestNeighbors truthIndex = NearestNeighbors.of(truth);
        List<UpsamplingPatch> out = new ArrayList<>(patches);
        for (int s : seeds) {
            out.add(patch(input, truth, inputIndex, truthIndex, s, patchSize, ratio));
        }
        return out;
    }

    /**
     * One training pair around a given input point (steps 2 to 5 above), for callers that choose
     * their own seeds or build patches in parallel.
     *
     * @param input sparse points, interleaved, at least {@code patchSize}
     * @param truth dense points, interleaved, at least {@code patchSize · ratio}
     * @param seedPoint index of the input point at the patch's centre
     * @param patchSize sparse points per patch P, at least {@code 2 · ratio}
     * @param ratio upsampling rate r, at least 2
     * @return the pair
     * @throws IllegalArgumentException when the sizes do not fit
     * @throws IndexOutOfBoundsException for a seed point outside the input
     */
    public static UpsamplingPatch patch(double[] input, double[] truth, int seedPoint, int patchSize, int ratio) {
        int n = PointArrays.count(input, "input");
        checkSizes("patch", n, PointArrays.count(truth, "truth"), patchSize, ratio);
        java.util.Objects.checkIndex(seedPoint, n);
        return patch(input, truth, NearestNeighbors.of(input), NearestNeighbors.of(truth), seedPoint, patchSize, ratio);
    }

    private static UpsamplingPatch patch(double[] input, double[] truth, NearestNeighbors inputIndex,
            NearestNeighbors truthIndex, int s, int patchSize, int ratio) {
        double x = input[3 * s];
        double y = input[3 * s + 1];
        double z = input[3 * s + 2];
        double[] sparse = PointArrays.gather(input, inputIndex.kNearest(x, y, z, patchSize));
        double[] dense = PointArrays.gather(truth, truthIndex.kNearest(x, y, z, patchSize * ratio));
        PatchNormalisation norm = PatchNormalisation.of(sparse);
        double[] sparseN = norm.apply(sparse);
        double[] denseN = norm.apply(dense);
        double[] interpolated = MidpointInterpolation.interpolateLocal(sparseN, ratio);
        return new UpsamplingPatch(sparseN, interpolated, PointMatching.matched(interpolated, denseN), norm);
    }

    private static void checkSizes(String name, int inputPoints, int truthPoints, int patchSize, int ratio) {
        if (ratio < 2) {
            throw new IllegalArgumentException("ratio is less than 2: " + ratio);
        }
        if (patchSize < 2L * ratio) {
            throw new IllegalArgumentException("patch size " + patchSize + " is less than the " + 2L * ratio
                    + " neighbours that midpoint interpolation takes at ratio " + ratio);
        }
        if (inputPoints < patchSize) {
            throw new IllegalArgumentException(name + ": input has " + inputPoints + " points, fewer than the patch size "
                    + patchSize);
        }
        long dense = (long) patchSize * ratio;
        if (truthPoints < dense) {
            throw new IllegalArgumentException(name + ": ground truth has " + truthPoints + " points, fewer than the "
                    + dense + " of a truth patch (patch size " + patchSize + " × ratio " + ratio + ")");
        }
    }
}
