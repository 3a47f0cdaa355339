package io.flowkit.pointclouds.data;

import io.flowkit.pointclouds.prepare.PatchNormalisation;
import io.flowkit.pointclouds.prepare.PointArrays;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stage-1 training pair of PUFM++ (Liu et al. 2025), in the patch's normalised frame:
 * the sparse input patch, its midpoint interpolation (the flow's start, before noise) and the
 * ground-truth patch reordered so that truth point i is the Earth Mover's partner of interpolated
 * point i. {@link #normalisation} maps the three back to the shape's frame.
 *
 * @param sparse the sparse patch, n points (256 in PUFM++), interleaved xyz in the unit sphere (copied)
 * @param interpolated the midpoint interpolation of {@code sparse}, {@code n · r} points (copied)
 * @param truth the ground-truth patch, {@code n · r} points matched point by point to {@code interpolated} (copied)
 * @param normalisation the normalisation of the sparse patch, applied to all three
 */
public record UpsamplingPatch(double[] sparse, double[] interpolated, double[] truth, PatchNormalisation normalisation) {

    /**
     * Validates sizes and copies.
     *
     * @param sparse n points
     * @param interpolated a multiple of n points
     * @param truth as many points as {@code interpolated}
     * @param normalisation non-null
     * @throws IllegalArgumentException on bad clouds or sizes that do not fit
     */
    public UpsamplingPatch {
        int n = PointArrays.count(sparse, "sparse");
        int m = PointArrays.count(interpolated, "interpolated");
        int t = PointArrays.count(truth, "truth");
        Objects.requireNonNull(normalisation, "normalisation");
        if (m % n != 0) {
            throw new IllegalArgumentException("interpolated has " + m + " points, not a multiple of the " + n + " sparse points");
        }
        if (t != m) {
            throw new IllegalArgumentException("truth has " + t + " points but interpolated has " + m);
        }
        sparse = sparse.clone();
        interpolated = interpolated.clone();
        truth = truth.clone();
    }

    /** @return a copy of the sparse patch */
    @Override
    public double[] sparse() {
        return sparse.clone();
    }

    /** @return a copy of the interpolated patch */
    @Override
    public double[] interpolated() {
        return interpolated.clone();
    }

    /** @return a copy of the matched ground-truth patch */
    @Override
    public double[] truth() {
        return truth.clone();
    }

    /** @return the upsampling rate r: interpolated points per sparse point */
    public int ratio() {
        return interpolated.length / sparse.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpsamplingPatch p && Arrays.equals(sparse, p.sparse) && Arrays.equals(interpolated, p.interpolated)
                && Arrays.equals(truth, p.truth) && normalisation.equals(p.normalisation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(sparse), Arrays.hashCode(interpolated), Arrays.hashCode(truth), normalisation);
    }

    @Override
    public String toString() {
        return "UpsamplingPatch[" + sparse.length / 3 + " -> " + truth.length / 3 + " points, " + normalisation + "]";
    }
}
