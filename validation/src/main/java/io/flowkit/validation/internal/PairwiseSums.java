package io.flowkit.validation.internal;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * Sums of a function of squared Euclidean distances over all pairs of two sample sets, the kernel
 * of MMD and energy distance. Rows are processed in parallel for large sets; the row sums are then
 * added in row order, so the result does not depend on the thread count.
 */
public final class PairwiseSums {

    /** Below this many pairs the sum runs on the calling thread. */
    private static final long PARALLEL_PAIRS = 1_000_000L;

    private PairwiseSums() {}

    /**
     * {@code Σ_i Σ_j f(|a_i − b_j|²)}, skipping {@code i == j} when {@code skipDiagonal} (for a set
     * against itself).
     *
     * @param a first set, rows of equal dimension
     * @param b second set, same dimension
     * @param f function of the squared distance
     * @param skipDiagonal whether to leave out the pairs {@code i == j}
     * @return the sum
     */
    public static double sum(double[][] a, double[][] b, DoubleUnaryOperator f, boolean skipDiagonal) {
        double[] rows = new double[a.length];
        IntStream range = IntStream.range(0, a.length);
        if ((long) a.length * b.length >= PARALLEL_PAIRS) {
            range = range.parallel();
        }
        range.forEach(i -> {
            double[] x = a[i];
            double s = 0;
            for (int j = 0; j < b.length; j++) {
                if (skipDiagonal && i == j) {
                    continue;
                }
                s += f.applyAsDouble(squaredDistance(x, b[j]));
            }
            rows[i] = s;
        });
        double total = 0;
        for (double r : rows) {
            total += r;
        }
        return total;
    }

    /**
     * The squared Euclidean distance of two vectors of equal length.
     *
     * @param x first vector
     * @param y second vector
     * @return {@code |x − y|²}
     */
    public static double squaredDistance(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double d = x[k] - y[k];
            s += d * d;
        }
        return s;
    }
}
