package io.flowkit.pointclouds.eval;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.prepare.PointArrays;
import io.flowkit.validation.pointcloud.Chamfer;
import io.flowkit.validation.pointcloud.CloudDistances;
import io.flowkit.validation.pointcloud.PointToSurface;
import io.flowkit.validation.pointcloud.Surface;
import io.flowkit.validation.pointcloud.Uniformity;
import java.util.Arrays;
import java.util.Objects;

/**
 * The metrics of an upsampled cloud against its test shape, as PU-GAN (Li et al. 2019), PU-GCN and
 * PUFM++ (Liu et al. 2025) report them. All values are raw, in unit-sphere units; tables multiply
 * them by {@link Chamfer#REPORT_SCALE} (× 10³).
 *
 * <ul>
 *   <li>{@code chamfer}: PU-GAN's Chamfer distance ({@link Chamfer#puGan}): both clouds normalised
 *       into the unit sphere separately, then the sum of the two mean squared nearest-neighbour
 *       distances.
 *   <li>{@code hausdorff}: PU-GAN's Hausdorff distance (PU-GAN {@code evaluate.py}, same
 *       normalisation): the sum of the two directional maxima of squared distances.
 *   <li>{@code p2fMean}, {@code p2fStd}: mean and population standard deviation of the exact
 *       distance of each predicted point to the mesh surface ({@link PointToSurface}), on the points
 *       as given: the PU-GAN meshes and clouds share the unit-sphere frame (every mesh of
 *       {@code pugan-meshes} and {@code pugan-official} has its vertex centroid at the origin and its
 *       farthest vertex at distance 1).
 *   <li>{@code uniformity}: PU-GAN's uniformity ({@link Uniformity}) at the disk area shares
 *       {@link Uniformity#PU_GAN_PERCENTAGES} (0.4% to 1.2%), 1,000 disks placed with the given seed.
 * </ul>
 *
 * @param chamfer PU-GAN Chamfer distance, squared unit-sphere units
 * @param hausdorff PU-GAN Hausdorff distance, squared unit-sphere units
 * @param p2fMean mean point-to-surface distance, unit-sphere units
 * @param p2fStd standard deviation of the point-to-surface distance, unit-sphere units
 * @param uniformity uniformity per percentage of {@link Uniformity#PU_GAN_PERCENTAGES} (copied; NaN
 *     where no disk held 5 points)
 */
public record UpsamplingMetrics(double chamfer, double hausdorff, double p2fMean, double p2fStd, double[] uniformity) {

    /**
     * Copies the uniformity values.
     *
     * @param chamfer Chamfer distance
     * @param hausdorff Hausdorff distance
     * @param p2fMean mean point-to-surface distance
     * @param p2fStd its standard deviation
     * @param uniformity one value per PU-GAN percentage
     * @throws IllegalArgumentException when the uniformity does not hold one value per percentage
     */
    public UpsamplingMetrics {
        Objects.requireNonNull(uniformity, "uniformity");
        if (uniformity.length != Uniformity.PU_GAN_PERCENTAGES.length) {
            throw new IllegalArgumentException("uniformity holds " + uniformity.length + " values, expected "
                    + Uniformity.PU_GAN_PERCENTAGES.length + " (one per PU-GAN percentage)");
        }
        uniformity = uniformity.clone();
    }

    /**
     * Evaluates a predicted cloud against a test shape's ground truth and mesh.
     *
     * @param predicted the upsampled points, interleaved xyz, in the shape's frame
     * @param shape the test shape
     * @param seed seed of the uniformity disks (use one seed for every method compared)
     * @return the metrics
     * @throws IllegalArgumentException on a bad cloud
     */
    public static UpsamplingMetrics of(double[] predicted, ShapeSample shape, long seed) {
        return of(predicted, shape.truth(), Surface.of(shape.mesh()), seed);
    }

    /**
     * Evaluates a predicted cloud against a ground-truth cloud and mesh.
     *
     * @param predicted the upsampled points, interleaved xyz
     * @param truth the ground-truth points, interleaved xyz
     * @param mesh the true surface
     * @param seed seed of the uniformity disks
     * @return the metrics
     * @throws IllegalArgumentException on a bad cloud or a mesh without triangles
     */
    public static UpsamplingMetrics of(double[] predicted, double[] truth, TriangleMesh mesh, long seed) {
        return of(predicted, truth, Surface.of(mesh), seed);
    }

    /**
     * Evaluates a predicted cloud against a ground-truth cloud and a prepared surface (reuse the
     * surface across the methods evaluated on one mesh).
     *
     * @param predicted the upsampled points, interleaved xyz
     * @param truth the ground-truth points, interleaved xyz
     * @param surface the true surface
     * @param seed seed of the uniformity disks
     * @return the metrics
     * @throws IllegalArgumentException on a bad cloud
     */
    public static UpsamplingMetrics of(double[] predicted, double[] truth, Surface surface, long seed) {
        PointArrays.count(predicted, "predicted");
        PointArrays.count(truth, "truth");
        CloudDistances d = CloudDistances.normalised(predicted, truth);
        PointToSurface.Result p2f = PointToSurface.of(predicted, surface);
        Uniformity.Result u = Uniformity.builder().optRandomSeed(seed).build().compute(predicted, surface);
        return new UpsamplingMetrics(d.chamferSum(), d.hausdorffSquaredSum(), p2f.mean(), p2f.std(), u.values());
    }

    /** @return a copy of the uniformity per PU-GAN percentage */
    @Override
    public double[] uniformity() {
        return uniformity.clone();
    }

    /** @return the mean of the uniformity over the PU-GAN percentages (NaN if one is NaN) */
    public double uniformityMean() {
        double s = 0;
        for (double u : uniformity) {
            s += u;
        }
        return s / uniformity.length;
    }

    /**
     * The element-wise mean of several results (a method's average over test meshes).
     *
     * @param results at least one result
     * @return the mean of every field
     * @throws IllegalArgumentException when there is no result
     */
    public static UpsamplingMetrics mean(java.util.List<UpsamplingMetrics> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results to average");
        }
        double c = 0;
        double h = 0;
        double pm = 0;
        double ps = 0;
        double[] u = new double[Uniformity.PU_GAN_PERCENTAGES.length];
        for (UpsamplingMetrics r : results) {
            c += r.chamfer;
            h += r.hausdorff;
            pm += r.p2fMean;
            ps += r.p2fStd;
            for (int k = 0; k < u.length; k++) {
                u[k] += r.uniformity[k];
            }
        }
        int n = results.size();
        for (int k = 0; k < u.length; k++) {
            u[k] /= n;
        }
        return new UpsamplingMetrics(c / n, h / n, pm / n, ps / n, u);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpsamplingMetrics m && Double.compare(chamfer, m.chamfer) == 0
                && Double.compare(hausdorff, m.hausdorff) == 0 && Double.compare(p2fMean, m.p2fMean) == 0
                && Double.compare(p2fStd, m.p2fStd) == 0 && Arrays.equals(uniformity, m.uniformity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chamfer, hausdorff, p2fMean, p2fStd, Arrays.hashCode(uniformity));
    }

    @Override
    public String toString() {
        double s = Chamfer.REPORT_SCALE;
        return String.format(java.util.Locale.ROOT, "UpsamplingMetrics[CD=%.4f, HD=%.4f, P2F=%.4f±%.4f, U=%s (×10⁻³)]",
                chamfer * s, hausdorff * s, p2fMean * s, p2fStd * s, Arrays.toString(Arrays.stream(uniformity)
                        .map(v -> Math.round(v * s * 1e4) / 1e4).toArray()));
    }
}
