package io.flowkit.pointclouds.eval;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.sampling.FarthestPointSampler;
import io.flowkit.datasets.sampling.UniformSurfaceSampler;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.prepare.PointArrays;

/**
 * The reference methods an upsampler is compared with (PUFM++ issue 5):
 *
 * <ul>
 *   <li>{@link #midpoint}: midpoint interpolation of the whole input ({@link MidpointInterpolation},
 *       the start cloud of PUFM++'s flow): a method to beat.
 *   <li>{@link #oracle}: an evenly spread sample of the same size drawn from the true surface:
 *       farthest-point sampling of a dense area-uniform sample. It knows the surface, so it bounds
 *       what the metrics can show in practice: no upsampler that only sees the input can expect to
 *       do better.
 * </ul>
 */
public final class UpsamplingBaselines {

    /** Dense candidates per oracle point by default: 10. */
    public static final int ORACLE_OVERSAMPLING = 10;

    private UpsamplingBaselines() {}

    /**
     * Midpoint interpolation of the whole input.
     *
     * @param input the sparse input, interleaved xyz, at least {@code 2 · ratio} points
     * @param ratio upsampling rate, at least 2
     * @return {@code N · ratio} points
     * @throws IllegalArgumentException as {@link MidpointInterpolation#interpolate}
     */
    public static double[] midpoint(double[] input, int ratio) {
        return MidpointInterpolation.interpolate(input, ratio);
    }

    /**
     * The oracle with {@link #ORACLE_OVERSAMPLING} candidates per point: farthest-point sampling
     * (from the first candidate, {@link FarthestPointSampler}) of {@code 10 · count} points drawn uniformly by area on the mesh.
     *
     * @param mesh the true surface, with positive area
     * @param count number of points, at least 1
     * @param seed random seed of the dense sample
     * @return {@code count} points on the surface, interleaved xyz
     * @throws IllegalArgumentException on a count below 1 or a mesh without area
     */
    public static double[] oracle(TriangleMesh mesh, int count, long seed) {
        return oracle(mesh, count, seed, ORACLE_OVERSAMPLING);
    }

    /**
     * The oracle with a chosen density of candidates. The cost is that of farthest-point sampling
     * {@code count · oversampling} candidates ({@link FarthestPointSampler}): under a second for 8,192
     * points at 10× on two cores, a few seconds for 32,768.
     *
     * @param mesh the true surface, with positive area
     * @param count number of points, at least 1
     * @param seed random seed of the dense sample
     * @param oversampling dense candidates per point, at least 1
     * @return {@code count} points on the surface, interleaved xyz
     * @throws IllegalArgumentException on a count or oversampling below 1 or a mesh without area
     */
    public static double[] oracle(TriangleMesh mesh, int count, long seed, int oversampling) {
        if (oversampling < 1) {
            throw new IllegalArgumentException("oversampling is not positive: " + oversampling);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count is not positive: " + count);
        }
        double[] dense = UniformSurfaceSampler.sample(mesh, Math.multiplyExact(count, oversampling), seed).points().positions();
        return PointArrays.gather(dense, FarthestPointSampler.indices(dense, count, 0));
    }
}
