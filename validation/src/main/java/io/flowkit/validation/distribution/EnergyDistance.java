package io.flowkit.validation.distribution;

import io.flowkit.validation.internal.Checks;
import io.flowkit.validation.internal.PairwiseSums;

/**
 * The energy distance between two samples (Székely and Rizzo 2013, "Energy statistics: A class of
 * statistics based on distances"):
 *
 * <pre>
 *   E(X, Y) = 2 E|X − Y| − E|X − X'| − E|Y − Y'|
 * </pre>
 *
 * <p>with Euclidean norms. It is zero exactly when the two distributions are equal, and its square
 * root is a metric on distributions with finite first moment. {@link #between} is the V-statistic
 * (all pairs, including each point with itself, which contributes zero), always non-negative;
 * {@link #unbiased} is the U-statistic (within-set means over {@code i ≠ j}), unbiased for
 * {@code E(X, Y)} and possibly slightly negative for equal distributions. Costs O((m + n)² d).
 */
public final class EnergyDistance {

    private EnergyDistance() {}

    /**
     * The energy distance (V-statistic) between two sample sets:
     * {@code 2/(mn) Σ|a_i − b_j| − 1/m² Σ|a_i − a_k| − 1/n² Σ|b_j − b_l|}.
     *
     * @param a first sample set, one row per sample
     * @param b second sample set, same dimension
     * @return the energy distance, ≥ 0 (up to rounding)
     * @throws IllegalArgumentException if a set is empty, ragged, non-finite or the dimensions differ
     */
    public static double between(double[][] a, double[][] b) {
        Checks.samePairDimension(a, "a", b, "b");
        double m = a.length;
        double n = b.length;
        double ab = PairwiseSums.sum(a, b, Math::sqrt, false) / (m * n);
        double aa = PairwiseSums.sum(a, a, Math::sqrt, true) / (m * m);
        double bb = PairwiseSums.sum(b, b, Math::sqrt, true) / (n * n);
        return 2 * ab - aa - bb;
    }

    /**
     * The unbiased energy distance (U-statistic): within-set means over distinct pairs,
     * {@code 2/(mn) Σ|a_i − b_j| − 1/(m(m−1)) Σ_{i≠k}|a_i − a_k| − 1/(n(n−1)) Σ_{j≠l}|b_j − b_l|}.
     *
     * @param a first sample set, at least 2 samples
     * @param b second sample set, at least 2 samples, same dimension
     * @return the unbiased estimate; may be slightly negative when the distributions agree
     * @throws IllegalArgumentException on bad sets or fewer than 2 samples in either
     */
    public static double unbiased(double[][] a, double[][] b) {
        Checks.samePairDimension(a, "a", b, "b");
        Checks.atLeast(a.length, 2, "size of a");
        Checks.atLeast(b.length, 2, "size of b");
        double m = a.length;
        double n = b.length;
        double ab = PairwiseSums.sum(a, b, Math::sqrt, false) / (m * n);
        double aa = PairwiseSums.sum(a, a, Math::sqrt, true) / (m * (m - 1));
        double bb = PairwiseSums.sum(b, b, Math::sqrt, true) / (n * (n - 1));
        return 2 * ab - aa - bb;
    }
}
