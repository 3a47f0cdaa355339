package io.flowkit.pointclouds.prepare;

import java.util.Arrays;

/**
 * The similarity that maps a patch into the unit sphere, as PU-GAN and PUFM++ normalise training
 * and inference patches: subtract the centroid, divide by the largest distance of a point from it
 * ({@code normalize_point_cloud} of PU-GAN, Li et al. 2019). {@link #apply} maps any points into
 * the patch frame, {@link #invert} maps them back; both keep the units of the input (a scale of 2.5
 * means 2.5 input units per unit-sphere unit).
 *
 * @param centre the centroid of the patch, {x, y, z} (copied)
 * @param scale the largest distance of a patch point from the centroid, positive and finite
 */
public record PatchNormalisation(double[] centre, double scale) {

    /**
     * Validates and copies.
     *
     * @param centre three finite coordinates
     * @param scale a positive finite scale
     * @throws IllegalArgumentException "scale is not positive: 0.0" and the like
     */
    public PatchNormalisation {
        if (centre == null || centre.length != 3) {
            throw new IllegalArgumentException("centre does not have 3 coordinates: "
                    + (centre == null ? "null" : centre.length));
        }
        for (int k = 0; k < 3; k++) {
            if (!Double.isFinite(centre[k])) {
                throw new IllegalArgumentException("centre coordinate " + k + " is not finite: " + centre[k]);
            }
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale is not positive: " + scale);
        }
        centre = centre.clone();
    }

    /**
     * The normalisation of a patch: centroid and largest distance from it, so the normalised patch
     * fits the unit sphere with its farthest point on it.
     *
     * @param xyz interleaved coordinates of at least one point
     * @return the normalisation
     * @throws IllegalArgumentException on a bad cloud, or when all its points coincide (scale 0)
     */
    public static PatchNormalisation of(double[] xyz) {
        int n = PointArrays.count(xyz, "patch");
        double[] c = PointArrays.centroid(xyz);
        double far2 = 0;
        for (int i = 0; i < n; i++) {
            double dx = xyz[3 * i] - c[0];
            double dy = xyz[3 * i + 1] - c[1];
            double dz = xyz[3 * i + 2] - c[2];
            far2 = Math.max(far2, dx * dx + dy * dy + dz * dz);
        }
        if (!(far2 > 0)) {
            throw new IllegalArgumentException("cannot normalise a patch whose " + n + " points all coincide (scale 0)");
        }
        return new PatchNormalisation(c, Math.sqrt(far2));
    }

    /** @return a copy of the centre */
    @Override
    public double[] centre() {
        return centre.clone();
    }

    /**
     * Maps points into the patch frame: {@code (p − centre) / scale}.
     *
     * @param xyz interleaved coordinates in input units
     * @return a new array in the normalised frame
     * @throws IllegalArgumentException on a bad cloud
     */
    public double[] apply(double[] xyz) {
        PointArrays.count(xyz, "points");
        double[] out = new double[xyz.length];
        for (int k = 0; k < xyz.length; k++) {
            out[k] = (xyz[k] - centre[k % 3]) / scale;
        }
        return out;
    }

    /**
     * Maps points from the patch frame back: {@code p · scale + centre}.
     *
     * @param xyz interleaved coordinates in the normalised frame
     * @return a new array in input units
     * @throws IllegalArgumentException on a bad cloud
     */
    public double[] invert(double[] xyz) {
        PointArrays.count(xyz, "points");
        double[] out = new double[xyz.length];
        for (int k = 0; k < xyz.length; k++) {
            out[k] = xyz[k] * scale + centre[k % 3];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatchNormalisation p && Arrays.equals(centre, p.centre)
                && Double.compare(scale, p.scale) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(centre) + Double.hashCode(scale);
    }

    @Override
    public String toString() {
        return "PatchNormalisation[centre=" + Arrays.toString(centre) + ", scale=" + scale + "]";
    }
}
