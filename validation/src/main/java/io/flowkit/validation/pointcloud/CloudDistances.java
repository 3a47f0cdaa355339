package io.flowkit.validation.pointcloud;

import io.flowkit.datasets.pointcloud.PointCloud;

/**
 * The nearest-neighbour distances between two clouds in both directions, from which the Chamfer
 * and Hausdorff distances of each published convention follow without searching twice. With
 * {@code d_f(a) = min_b |a − b|} for each predicted point a and {@code d_b(b) = min_a |a − b|} for
 * each ground-truth point b (Euclidean, found through a k-d tree):
 *
 * <ul>
 *   <li>{@link #chamferSum()} {@code = mean_a d_f² + mean_b d_b²} (PU-GAN, PU-GCN; Li et al. 2019,
 *       Qian et al. 2021), on unit-sphere-normalised clouds when built by {@link #normalised};
 *   <li>{@link #chamferMean()} {@code = (mean_a d_f² + mean_b d_b²) / 2} (PUFM++, Liu et al. 2025);
 *   <li>{@link #hausdorffSquaredSum()} {@code = max_a d_f² + max_b d_b²} (PU-GAN's released
 *       {@code evaluate.py});
 *   <li>{@link #hausdorff()} {@code = max(max_a d_f, max_b d_b)}, the classical symmetric Hausdorff
 *       distance.
 * </ul>
 */
public final class CloudDistances {

    private final double[] forward;
    private final double[] backward;

    private CloudDistances(double[] forward, double[] backward) {
        this.forward = forward;
        this.backward = backward;
    }

    /**
     * Distances between two clouds as given (no normalisation).
     *
     * @param predicted predicted points, interleaved xyz
     * @param truth ground-truth points, interleaved xyz
     * @return the distances in both directions
     * @throws IllegalArgumentException if a cloud is empty, not a multiple of 3 long or not finite
     */
    public static CloudDistances between(double[] predicted, double[] truth) {
        io.flowkit.validation.internal.Checks.points3(predicted, "predicted");
        io.flowkit.validation.internal.Checks.points3(truth, "truth");
        return new CloudDistances(NearestDistances.of(predicted, truth), NearestDistances.of(truth, predicted));
    }

    /**
     * Distances after normalising each cloud separately into the unit sphere, as PU-GAN's
     * evaluation does ({@link UnitSphere}).
     *
     * @param predicted predicted points, interleaved xyz
     * @param truth ground-truth points, interleaved xyz
     * @return the distances in both directions, in unit-sphere units
     * @throws IllegalArgumentException on bad clouds or a cloud whose points all coincide
     */
    public static CloudDistances normalised(double[] predicted, double[] truth) {
        io.flowkit.validation.internal.Checks.points3(predicted, "predicted");
        io.flowkit.validation.internal.Checks.points3(truth, "truth");
        return between(UnitSphere.normalise(predicted), UnitSphere.normalise(truth));
    }

    /**
     * As {@link #between(double[], double[])} on value types.
     *
     * @param predicted predicted cloud
     * @param truth ground-truth cloud
     * @return the distances in both directions
     */
    public static CloudDistances between(PointCloud predicted, PointCloud truth) {
        return between(predicted.positions(), truth.positions());
    }

    /**
     * As {@link #normalised(double[], double[])} on value types.
     *
     * @param predicted predicted cloud
     * @param truth ground-truth cloud
     * @return the distances in both directions, in unit-sphere units
     */
    public static CloudDistances normalised(PointCloud predicted, PointCloud truth) {
        return normalised(predicted.positions(), truth.positions());
    }

    /** @return a copy of {@code d_f}: for each predicted point, the distance to the nearest true point */
    public double[] forward() {
        return forward.clone();
    }

    /** @return a copy of {@code d_b}: for each true point, the distance to the nearest predicted point */
    public double[] backward() {
        return backward.clone();
    }

    /** @return {@code mean d_f² + mean d_b²} (PU-GAN / PU-GCN Chamfer distance) */
    public double chamferSum() {
        return meanSquare(forward) + meanSquare(backward);
    }

    /** @return {@code (mean d_f² + mean d_b²) / 2} (PUFM++ Chamfer distance) */
    public double chamferMean() {
        return chamferSum() / 2;
    }

    /** @return {@code max d_f² + max d_b²} (PU-GAN evaluate.py Hausdorff distance) */
    public double hausdorffSquaredSum() {
        double f = max(forward);
        double b = max(backward);
        return f * f + b * b;
    }

    /** @return {@code max(max d_f, max d_b)}, the classical symmetric Hausdorff distance */
    public double hausdorff() {
        return Math.max(max(forward), max(backward));
    }

    private static double meanSquare(double[] d) {
        double s = 0;
        for (double x : d) {
            s += x * x;
        }
        return s / d.length;
    }

    private static double max(double[] d) {
        double m = 0;
        for (double x : d) {
            m = Math.max(m, x);
        }
        return m;
    }
}
