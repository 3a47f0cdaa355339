package io.flowkit.validation.pointcloud;

import io.flowkit.datasets.pointcloud.PointCloud;

/**
 * The Hausdorff distance between a predicted and a ground-truth point cloud in two conventions.
 * Nearest neighbours come from a k-d tree.
 *
 * <ul>
 *   <li>{@link #puGan}: PU-GAN's released {@code evaluate.py} (Li et al. 2019), also used by PU-GCN
 *       tables: each cloud normalised into the unit sphere, then
 *       {@code HD = max_a min_b |a − b|² + max_b min_a |a − b|²}, the sum of the two directional
 *       maxima of squared distances. Reported × 10³. (Some later forks take the larger of the two
 *       maxima instead; that is {@code max(d_f², d_b²)}, between half and all of this value.)
 *   <li>{@link #symmetric}: the classical symmetric Hausdorff distance
 *       {@code max(max_a min_b |a − b|, max_b min_a |a − b|)}, Euclidean, on the clouds as given;
 *       the form used for clouds already in a common frame (PUFM++ reports HD for clouds in the data
 *       set's unit-sphere frame; we could not check its evaluation code, so this is the classical
 *       definition rather than a copy of theirs).
 * </ul>
 */
public final class Hausdorff {

    private Hausdorff() {}

    /**
     * The PU-GAN Hausdorff distance (unit-sphere normalised, squared, directional maxima summed).
     *
     * @param predicted predicted points, interleaved xyz
     * @param truth ground-truth points, interleaved xyz
     * @return the distance in squared unit-sphere units (× {@link Chamfer#REPORT_SCALE} for tables)
     * @throws IllegalArgumentException on empty, ragged or non-finite clouds
     */
    public static double puGan(double[] predicted, double[] truth) {
        return CloudDistances.normalised(predicted, truth).hausdorffSquaredSum();
    }

    /**
     * The classical symmetric Hausdorff distance, Euclidean, no normalisation.
     *
     * @param a first cloud, interleaved xyz
     * @param b second cloud, interleaved xyz
     * @return {@code max(max_a min_b |a − b|, max_b min_a |a − b|)} in the units of the input
     * @throws IllegalArgumentException on empty, ragged or non-finite clouds
     */
    public static double symmetric(double[] a, double[] b) {
        return CloudDistances.between(a, b).hausdorff();
    }

    /**
     * The directed Hausdorff distance {@code max_a min_b |a − b|}.
     *
     * @param from the cloud whose worst point is measured
     * @param to the cloud measured against
     * @return the largest nearest-neighbour distance from {@code from} to {@code to}
     */
    public static double directed(double[] from, double[] to) {
        double m = 0;
        for (double d : NearestDistances.of(from, to)) {
            m = Math.max(m, d);
        }
        return m;
    }

    /**
     * As {@link #puGan(double[], double[])} on value types.
     *
     * @param predicted predicted cloud
     * @param truth ground-truth cloud
     * @return the PU-GAN Hausdorff distance
     */
    public static double puGan(PointCloud predicted, PointCloud truth) {
        return puGan(predicted.positions(), truth.positions());
    }

    /**
     * As {@link #symmetric(double[], double[])} on value types.
     *
     * @param a first cloud
     * @param b second cloud
     * @return the symmetric Hausdorff distance
     */
    public static double symmetric(PointCloud a, PointCloud b) {
        return symmetric(a.positions(), b.positions());
    }
}
