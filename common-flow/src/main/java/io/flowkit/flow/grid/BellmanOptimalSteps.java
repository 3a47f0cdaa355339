package io.flowkit.flow.grid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.solve.VelocityFunction;

/**
 * Bellman-optimal step sizes for Euler sampling (BOSS: Nguyen et al. 2024, "Bellman Optimal
 * Stepsize Straightening of Flow-Matching Models", section 3): run a fine Euler reference
 * trajectory {@code x_0 … x_N} on a uniform grid, score a jump from fine time {@code i} to
 * {@code j > i} by {@code c[i][j] = mean ‖x_j − (x_i + (t_j − t_i) v_i)‖²}, and choose by dynamic
 * programming the {@code K} jumps from {@code t = 0} to {@code t = 1} of least total cost.
 */
public final class BellmanOptimalSteps {

    private BellmanOptimalSteps() {}

    /**
     * Computes a Bellman-optimal grid.
     *
     * @param field the velocity field ({@code t = 0} source, {@code t = 1} data)
     * @param x0 a batch of source samples to estimate the cost on (a few hundred is plenty); not
     *     modified
     * @param fineSteps {@code N}, the number of steps of the reference trajectory, at least {@code steps}
     * @param steps {@code K}, the number of steps of the returned grid, positive
     * @return the grid, a subset of the fine uniform grid including 0 and 1
     * @throws IllegalArgumentException if the counts are out of range
     */
    public static TimeGrid compute(VelocityFunction field, NDArray x0, int fineSteps, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("number of steps is not positive: " + steps);
        }
        if (fineSteps < steps) {
            throw new IllegalArgumentException(
                    "reference steps " + fineSteps + " are fewer than the requested steps " + steps);
        }
        double[][] cost = costs(field, x0, fineSteps);
        return fromCosts(cost, steps);
    }

    /**
     * The pairwise jump costs {@code c[i][j]} (for {@code i < j}) on a fine uniform grid.
     *
     * @param field the velocity field
     * @param x0 source samples
     * @param fineSteps the number of reference steps {@code N}
     * @return an {@code (N+1) × (N+1)} matrix, upper triangle filled
     */
    public static double[][] costs(VelocityFunction field, NDArray x0, int fineSteps) {
        int n = fineSteps;
        float[][] states = new float[n + 1][];
        float[][] velocities = new float[n + 1][];
        double h = 1.0 / n;
        try (FlowEngine.GradientMode ignored = FlowEngine.noGradient();
                NDManager scope = x0.getManager().newSubManager()) {
            NDArray x = x0.duplicate();
            x.attach(scope);
            for (int i = 0; i <= n; i++) {
                try (NDManager stepScope = scope.newSubManager()) {
                    x.tempAttach(stepScope);
                    NDArray v = field.evaluate(x, i * h);
                    states[i] = x.toFloatArray();
                    velocities[i] = v.toFloatArray();
                    if (i < n) {
                        NDArray next = x.add(v.mul(h));
                        next.attach(scope);
                        x = next;
                    }
                }
            }
        }
        int m = states[0].length;
        double[][] cost = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            float[] xi = states[i];
            float[] vi = velocities[i];
            for (int j = i + 1; j <= n; j++) {
                float[] xj = states[j];
                double dt = (j - i) * h;
                double s = 0;
                for (int k = 0; k < m; k++) {
                    double d = xj[k] - (xi[k] + dt * vi[k]);
                    s += d * d;
                }
                cost[i][j] = s / m;
            }
        }
        return cost;
    }

    /**
     * Chooses {@code K} jumps of least total cost from fine time 0 to fine time {@code N}.
     *
     * @param cost the jump costs from {@link #costs}
     * @param steps {@code K}
     * @return the grid of the chosen fine times divided by {@code N}
     */
    public static TimeGrid fromCosts(double[][] cost, int steps) {
        int n = cost.length - 1;
        if (steps < 1 || steps > n) {
            throw new IllegalArgumentException("steps must be in [1, " + n + "]: " + steps);
        }
        double[][] best = new double[steps + 1][n + 1];
        int[][] from = new int[steps + 1][n + 1];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int k = 1; k <= steps; k++) {
            for (int j = k; j <= n; j++) {
                for (int i = k - 1; i < j; i++) {
                    double candidate = best[k - 1][i] + cost[i][j];
                    if (candidate < best[k][j]) {
                        best[k][j] = candidate;
                        from[k][j] = i;
                    }
                }
            }
        }
        double[] times = new double[steps + 1];
        int j = n;
        for (int k = steps; k >= 0; k--) {
            times[k] = (double) j / n;
            j = from[k][j];
        }
        times[0] = 0;
        times[steps] = 1;
        return TimeGrid.of(times);
    }
}
