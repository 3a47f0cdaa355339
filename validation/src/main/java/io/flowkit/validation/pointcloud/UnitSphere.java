package io.flowkit.validation.pointcloud;

import io.flowkit.validation.internal.Checks;

/**
 * Normalisation of a point cloud into the unit sphere as PU-GAN's evaluation does it
 * ({@code normalize_point_cloud} in PU-GAN's {@code Common/ops.py}, Li et al. 2019): subtract the
 * centroid (the mean of the points), then divide by the largest distance of a point from it, so the
 * farthest point lies on the unit sphere.
 */
public final class UnitSphere {

    private UnitSphere() {}

    /**
     * Normalises a cloud into the unit sphere.
     *
     * @param xyz interleaved points
     * @return a new array: {@code (p − centroid) / max |p − centroid|}
     * @throws IllegalArgumentException on a bad cloud, or when all points coincide
     */
    public static double[] normalise(double[] xyz) {
        int n = Checks.points3(xyz, "points");
        double cx = 0;
        double cy = 0;
        double cz = 0;
        for (int i = 0; i < n; i++) {
            cx += xyz[3 * i];
            cy += xyz[3 * i + 1];
            cz += xyz[3 * i + 2];
        }
        cx /= n;
        cy /= n;
        cz /= n;
        double far = 0;
        double[] out = new double[xyz.length];
        for (int i = 0; i < n; i++) {
            out[3 * i] = xyz[3 * i] - cx;
            out[3 * i + 1] = xyz[3 * i + 1] - cy;
            out[3 * i + 2] = xyz[3 * i + 2] - cz;
            far = Math.max(far, Math.sqrt(out[3 * i] * out[3 * i] + out[3 * i + 1] * out[3 * i + 1]
                    + out[3 * i + 2] * out[3 * i + 2]));
        }
        if (!(far > 0)) {
            throw new IllegalArgumentException("cannot normalise into the unit sphere: all " + n + " points coincide");
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= far;
        }
        return out;
    }
}
