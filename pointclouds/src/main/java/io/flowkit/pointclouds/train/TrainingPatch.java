package io.flowkit.pointclouds.train;

import io.flowkit.pointclouds.prepare.PointArrays;
import java.util.Arrays;

/**
 * One stage-1 training pair of PUFM++ in its patch frame (unit sphere): the midpoint-interpolated
 * patch and the ground-truth patch of the same size, ordered so that truth point {@code i} is the
 * one matched to interpolated point {@code i} by the minimum-cost assignment (Earth Mover's
 * Distance). The flow then learns the straight path from each interpolated point to its match.
 *
 * @param interpolated the interpolated points, flat xyz
 * @param truth the matched ground-truth points, flat xyz, same count
 */
public record TrainingPatch(double[] interpolated, double[] truth) {

    /**
     * Validates the pair.
     *
     * @throws IllegalArgumentException if a patch is empty, not whole points, has a non-finite
     *     coordinate (named), or the sizes differ
     */
    public TrainingPatch {
        int n = PointArrays.count(interpolated, "interpolated patch");
        int m = PointArrays.count(truth, "truth patch");
        if (n != m) {
            throw new IllegalArgumentException("patch sizes do not match: " + n + " interpolated, " + m + " truth points");
        }
        interpolated = interpolated.clone();
        truth = truth.clone();
    }

    /** @return the number of points */
    public int points() {
        return interpolated.length / 3;
    }

    @Override
    public double[] interpolated() {
        return interpolated.clone();
    }

    @Override
    public double[] truth() {
        return truth.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingPatch p && Arrays.equals(interpolated, p.interpolated)
                && Arrays.equals(truth, p.truth);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(interpolated) + Arrays.hashCode(truth);
    }

    @Override
    public String toString() {
        return "TrainingPatch[" + points() + " points]";
    }
}
