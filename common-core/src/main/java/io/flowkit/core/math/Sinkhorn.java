package io.flowkit.core.math;

/**
 * Entropy-regularised optimal transport between two uniform discrete measures by Sinkhorn's
 * matrix scaling (Cuturi 2013, "Sinkhorn Distances: Lightspeed Computation of Optimal
 * Transport").
 *
 * <p>The cost is divided by its largest entry before scaling, so {@code epsilon} is relative to the
 * largest cost (the convention of POT as used by torchcfm's minibatch OT sampler).
 */
public final class Sinkhorn {

    private final double epsilon;
    private final int maxIterations;
    private final double tolerance;

    private Sinkhorn(double epsilon, int maxIterations, double tolerance) {
        this.epsilon = epsilon;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    /**
     * A solver with the given regularisation.
     *
     * @param epsilon entropic regularisation relative to the largest cost, in (0, ∞); values below
     *     about 0.01 underflow
     * @param maxIterations most scaling iterations, at least 1
     * @param tolerance stop when the row marginals are within this L1 distance of uniform
     * @return the solver
     * @throws IllegalArgumentException on a value out of range
     */
    public static Sinkhorn of(double epsilon, int maxIterations, double tolerance) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon is not positive and finite: " + epsilon);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations is not positive: " + maxIterations);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance is negative: " + tolerance);
        }
        return new Sinkhorn(epsilon, maxIterations, tolerance);
    }

    /** @return the relative entropic regularisation */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Computes the transport plan between {@code n} uniform source and {@code m} uniform target
     * points.
     *
     * @param cost row-major {@code n × m} non-negative finite costs
     * @param n number of source points
     * @param m number of target points
     * @return the row-major plan; its rows sum to {@code 1/n} and its columns to {@code 1/m}
     *     (within the tolerance)
     * @throws IllegalArgumentException on bad sizes, a negative or non-finite cost
     * @throws ArithmeticException if the kernel underflows (epsilon too small for this cost)
     */
    public double[] plan(double[] cost, int n, int m) {
        if (n < 1 || m < 1 || cost.length != (long) n * m) {
            throw new IllegalArgumentException(
                    "cost array length " + cost.length + " does not match " + n + " x " + m);
        }
        double max = 0;
        for (int k = 0; k < cost.length; k++) {
            double c = cost[k];
            if (!Double.isFinite(c) || c < 0) {
                throw new IllegalArgumentException(
                        "cost[" + k / m + "][" + k % m + "] is not finite and non-negative: " + c);
            }
            max = Math.max(max, c);
        }
        double scale = max > 0 ? 1.0 / (max * epsilon) : 0;
        double[] kernel = new double[cost.length];
        for (int k = 0; k < cost.length; k++) {
            kernel[k] = Math.exp(-cost[k] * scale);
        }
        double[] a = new double[n];
        double[] b = new double[m];
        java.util.Arrays.fill(b, 1.0);
        double rowMass = 1.0 / n;
        double colMass = 1.0 / m;
        double[] kta = new double[m];
        for (int iter = 0; iter < maxIterations; iter++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                int row = i * m;
                for (int j = 0; j < m; j++) {
                    s += kernel[row + j] * b[j];
                }
                if (!(s > 0)) {
                    throw new ArithmeticException(
                            "Sinkhorn kernel underflowed in row " + i + ": epsilon " + epsilon + " is too small");
                }
                a[i] = rowMass / s;
            }
            java.util.Arrays.fill(kta, 0);
            for (int i = 0; i < n; i++) {
                int row = i * m;
                double ai = a[i];
                for (int j = 0; j < m; j++) {
                    kta[j] += kernel[row + j] * ai;
                }
            }
            for (int j = 0; j < m; j++) {
                if (!(kta[j] > 0)) {
                    throw new ArithmeticException(
                            "Sinkhorn kernel underflowed in column " + j + ": epsilon " + epsilon + " is too small");
                }
                b[j] = colMass / kta[j];
            }
            // After the column update the columns are exact; measure the row error.
            double err = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                int row = i * m;
                for (int j = 0; j < m; j++) {
                    s += kernel[row + j] * b[j];
                }
                err += Math.abs(a[i] * s - rowMass);
            }
            if (err <= tolerance) {
                break;
            }
        }
        double[] plan = new double[cost.length];
        for (int i = 0; i < n; i++) {
            int row = i * m;
            for (int j = 0; j < m; j++) {
                plan[row + j] = a[i] * kernel[row + j] * b[j];
            }
        }
        return plan;
    }
}
