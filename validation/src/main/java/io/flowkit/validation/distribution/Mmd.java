package io.flowkit.validation.distribution;

import io.flowkit.validation.internal.Checks;
import io.flowkit.validation.internal.PairwiseSums;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Maximum mean discrepancy with a Gaussian RBF kernel (Gretton et al. 2012, "A Kernel Two-Sample
 * Test", JMLR 13).
 *
 * <p>The kernel is the mean of Gaussian kernels over the stated bandwidths {@code h_1..h_K}:
 * {@code k(x, y) = (1/K) Σ_k exp(−|x − y|² / (2 h_k²))}. The unbiased estimator (Gretton et al.,
 * Lemma 6) is
 *
 * <pre>
 *   MMD²_u = 1/(m(m−1)) Σ_{i≠j} k(a_i, a_j) + 1/(n(n−1)) Σ_{i≠j} k(b_i, b_j) − 2/(mn) Σ_{i,j} k(a_i, b_j)
 * </pre>
 *
 * <p>and the biased one (V-statistic, Eq. 5) includes the diagonal terms and divides by m² and n².
 * The unbiased value is near zero (and may be negative) when both sets come from one distribution
 * and grows as they separate. Costs O((m + n)² d).
 *
 * <p>The common case is one line, {@code Mmd.squaredGaussian(a, b, 0.5)}; a configured object
 * handles several bandwidths, the median heuristic and the biased estimator:
 *
 * <pre>{@code
 * Mmd mmd = Mmd.builder().optBandwidths(0.1, 0.5, 2.0).build();
 * Mmd.Result r = mmd.compute(generated, heldOut);
 * }</pre>
 */
public final class Mmd {

    /** Which estimator of MMD² to use. */
    public enum Estimator {
        /** The U-statistic, unbiased, may be negative (Gretton et al. 2012, Lemma 6). */
        UNBIASED,
        /** The V-statistic, biased upwards, never negative (Gretton et al. 2012, Eq. 5). */
        BIASED
    }

    /** Most samples of the pooled set used for the median heuristic. */
    static final int MEDIAN_HEURISTIC_SAMPLES = 1000;

    private final double[] bandwidths;
    private final double[] medianMultipliers;
    private final Estimator estimator;

    private Mmd(double[] bandwidths, double[] medianMultipliers, Estimator estimator) {
        this.bandwidths = bandwidths;
        this.medianMultipliers = medianMultipliers;
        this.estimator = estimator;
    }

    /**
     * The unbiased MMD² with one Gaussian kernel {@code exp(−|x − y|² / (2 h²))}.
     *
     * @param a first sample set (at least 2 samples)
     * @param b second sample set (at least 2 samples, same dimension)
     * @param bandwidth the kernel bandwidth {@code h}, positive
     * @return the unbiased MMD² estimate
     * @throws IllegalArgumentException on bad sets or bandwidth
     */
    public static double squaredGaussian(double[][] a, double[][] b, double bandwidth) {
        return builder().optBandwidths(bandwidth).build().compute(a, b).squared();
    }

    /** @return a builder; without settings it uses the median heuristic and the unbiased estimator */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The median heuristic bandwidth: the median Euclidean distance between distinct samples of the
     * pooled set (Gretton et al. 2012, section 8). Sets larger than 1,000 samples in all are
     * thinned deterministically to every k-th sample first.
     *
     * @param a first sample set
     * @param b second sample set
     * @return the median pairwise distance, positive
     * @throws IllegalArgumentException on bad sets, or if all pooled samples coincide
     */
    public static double medianHeuristic(double[][] a, double[][] b) {
        Checks.samePairDimension(a, "a", b, "b");
        int total = a.length + b.length;
        int stride = Math.max(1, (int) Math.ceil(total / (double) MEDIAN_HEURISTIC_SAMPLES));
        int count = (total + stride - 1) / stride;
        double[][] pooled = new double[count][];
        for (int k = 0, idx = 0; idx < total; k++, idx += stride) {
            pooled[k] = idx < a.length ? a[idx] : b[idx - a.length];
        }
        double[] d = new double[count * (count - 1) / 2];
        int p = 0;
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                d[p++] = Math.sqrt(PairwiseSums.squaredDistance(pooled[i], pooled[j]));
            }
        }
        if (d.length == 0) {
            throw new IllegalArgumentException("median heuristic needs at least 2 samples in all");
        }
        Arrays.sort(d);
        double median = d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
        if (!(median > 0)) {
            throw new IllegalArgumentException("median heuristic is zero: more than half the pooled samples coincide");
        }
        return median;
    }

    /**
     * Computes MMD² between two sample sets.
     *
     * @param a first sample set (at least 2 samples for the unbiased estimator)
     * @param b second sample set (same dimension)
     * @return the estimate with the bandwidths used
     * @throws IllegalArgumentException on bad sets
     */
    public Result compute(double[][] a, double[][] b) {
        Checks.samePairDimension(a, "a", b, "b");
        boolean unbiased = estimator == Estimator.UNBIASED;
        if (unbiased) {
            Checks.atLeast(a.length, 2, "size of a");
            Checks.atLeast(b.length, 2, "size of b");
        }
        double[] h = bandwidths;
        if (h == null) {
            double median = medianHeuristic(a, b);
            h = new double[medianMultipliers.length];
            for (int k = 0; k < h.length; k++) {
                h[k] = median * medianMultipliers[k];
            }
        }
        double[] gamma = new double[h.length];
        for (int k = 0; k < h.length; k++) {
            gamma[k] = 1.0 / (2 * h[k] * h[k]);
        }
        double inv = 1.0 / h.length;
        DoubleUnaryOperator kernel = d2 -> {
            double s = 0;
            for (double g : gamma) {
                s += Math.exp(-g * d2);
            }
            return s * inv;
        };
        double m = a.length;
        double n = b.length;
        double kaa = PairwiseSums.sum(a, a, kernel, true);
        double kbb = PairwiseSums.sum(b, b, kernel, true);
        double kab = PairwiseSums.sum(a, b, kernel, false);
        double value;
        if (unbiased) {
            value = kaa / (m * (m - 1)) + kbb / (n * (n - 1)) - 2 * kab / (m * n);
        } else {
            // The diagonal contributes k(x, x) = 1 per sample.
            value = (kaa + m) / (m * m) + (kbb + n) / (n * n) - 2 * kab / (m * n);
        }
        return new Result(value, h, estimator);
    }

    /**
     * The value of an MMD computation.
     *
     * @param squared the MMD² estimate
     * @param bandwidths the Gaussian bandwidths used
     * @param estimator the estimator used
     */
    public record Result(double squared, double[] bandwidths, Estimator estimator) {

        /** Copies the bandwidths. */
        public Result {
            bandwidths = bandwidths.clone();
        }

        /** @return a copy of the bandwidths */
        @Override
        public double[] bandwidths() {
            return bandwidths.clone();
        }

        /** @return {@code sqrt(max(0, MMD²))}, the MMD itself */
        public double distance() {
            return Math.sqrt(Math.max(0, squared));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && Double.compare(squared, r.squared) == 0
                    && Arrays.equals(bandwidths, r.bandwidths) && estimator == r.estimator;
        }

        @Override
        public int hashCode() {
            return 31 * Double.hashCode(squared) + Arrays.hashCode(bandwidths) + estimator.hashCode();
        }

        @Override
        public String toString() {
            return "Mmd.Result[squared=" + squared + ", bandwidths=" + Arrays.toString(bandwidths)
                    + ", estimator=" + estimator + "]";
        }
    }

    /** Configures an {@link Mmd}; all settings are optional. */
    public static final class Builder {
        private double[] bandwidths;
        private double[] medianMultipliers = {1.0};
        private Estimator estimator = Estimator.UNBIASED;

        private Builder() {}

        /**
         * Fixed Gaussian bandwidths; the kernel is the mean of one Gaussian per bandwidth.
         *
         * @param values positive finite bandwidths, at least one
         * @return this builder
         */
        public Builder optBandwidths(double... values) {
            this.bandwidths = values == null ? null : values.clone();
            return this;
        }

        /**
         * Bandwidths from the median heuristic times the given multipliers (the default is one
         * multiplier of 1); clears fixed bandwidths.
         *
         * @param multipliers positive finite factors, at least one
         * @return this builder
         */
        public Builder optMedianHeuristic(double... multipliers) {
            this.bandwidths = null;
            this.medianMultipliers = multipliers == null ? null : multipliers.clone();
            return this;
        }

        /**
         * The estimator (default {@link Estimator#UNBIASED}).
         *
         * @param value the estimator
         * @return this builder
         */
        public Builder optEstimator(Estimator value) {
            this.estimator = value;
            return this;
        }

        /**
         * Validates the settings.
         *
         * @return the configured MMD
         * @throws IllegalArgumentException on an empty or non-positive bandwidth list, or a null
         *     estimator
         */
        public Mmd build() {
            if (estimator == null) {
                throw new IllegalArgumentException("estimator is null");
            }
            double[] list = bandwidths != null ? bandwidths : medianMultipliers;
            String name = bandwidths != null ? "bandwidth" : "median multiplier";
            if (list == null || list.length == 0) {
                throw new IllegalArgumentException(name + " list is empty");
            }
            for (double v : list) {
                Checks.positive(v, name);
            }
            return new Mmd(bandwidths, medianMultipliers == null ? null : medianMultipliers.clone(), estimator);
        }
    }
}
