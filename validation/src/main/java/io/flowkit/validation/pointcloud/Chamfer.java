package io.flowkit.validation.pointcloud;

import io.flowkit.datasets.pointcloud.PointCloud;

/**
 * The Chamfer distance between a predicted and a ground-truth point cloud in the two published
 * conventions of point-cloud upsampling. Nearest neighbours come from a k-d tree, not brute force.
 *
 * <ul>
 *   <li>{@link #puGan}: PU-GAN and PU-GCN (Li et al. 2019, "PU-GAN: a Point Cloud Upsampling
 *       Adversarial Network"; Qian et al. 2021, "PU-GCN"), as in their released
 *       {@code evaluate.py}: each cloud is normalised separately into the unit sphere
 *       ({@link UnitSphere}), then {@code CD = mean_a min_b |a − b|² + mean_b min_a |a − b|²}:
 *       squared distances, averaged per direction, the two directions summed. Papers report
 *       {@code CD × 10³} ({@link #REPORT_SCALE}).
 *   <li>{@link #pufm}: PUFM++ (Liu et al. 2025, "PUFM++: Point Cloud Upsampling via Enhanced Flow
 *       Matching"): the mean of the two directions, {@code (mean_a min_b |a − b|² + mean_b min_a
 *       |a − b|²) / 2}, on the clouds as given (they are already in the data set's unit-sphere
 *       frame).
 * </ul>
 *
 * <p>Use {@link CloudDistances} to get the Chamfer and Hausdorff distances from one search.
 */
public final class Chamfer {

    /** The factor by which PU-GAN, PU-GCN and PUFM++ tables multiply CD, HD and P2F (values × 10³). */
    public static final double REPORT_SCALE = 1e3;

    private Chamfer() {}

    /**
     * The PU-GAN / PU-GCN Chamfer distance (unit-sphere normalised, squared, directions summed).
     *
     * @param predicted predicted points, interleaved xyz
     * @param truth ground-truth points, interleaved xyz
     * @return the distance in unit-sphere units (multiply by {@link #REPORT_SCALE} to compare with
     *     published tables)
     * @throws IllegalArgumentException on empty, ragged or non-finite clouds
     */
    public static double puGan(double[] predicted, double[] truth) {
        return CloudDistances.normalised(predicted, truth).chamferSum();
    }

    /**
     * The PUFM++ Chamfer distance (squared, mean of the two directions, no normalisation).
     *
     * @param predicted predicted points, interleaved xyz
     * @param truth ground-truth points, interleaved xyz
     * @return the distance in squared units of the input
     * @throws IllegalArgumentException on empty, ragged or non-finite clouds
     */
    public static double pufm(double[] predicted, double[] truth) {
        return CloudDistances.between(predicted, truth).chamferMean();
    }

    /**
     * The sum of the two directional means of squared distances on the clouds as given, the form
     * used for parts and shapes in assembly benchmarks (for example Breaking Bad, Sellán et al.
     * 2022).
     *
     * @param a first cloud, interleaved xyz
     * @param b second cloud, interleaved xyz
     * @return {@code mean_a min_b |a − b|² + mean_b min_a |a − b|²}
     */
    public static double squaredSum(double[] a, double[] b) {
        return CloudDistances.between(a, b).chamferSum();
    }

    /**
     * As {@link #puGan(double[], double[])} on value types.
     *
     * @param predicted predicted cloud
     * @param truth ground-truth cloud
     * @return the PU-GAN Chamfer distance
     */
    public static double puGan(PointCloud predicted, PointCloud truth) {
        return puGan(predicted.positions(), truth.positions());
    }

    /**
     * As {@link #pufm(double[], double[])} on value types.
     *
     * @param predicted predicted cloud
     * @param truth ground-truth cloud
     * @return the PUFM++ Chamfer distance
     */
    public static double pufm(PointCloud predicted, PointCloud truth) {
        return pufm(predicted.positions(), truth.positions());
    }
}
