package io.flowkit.flow.time;

import java.util.Arrays;

/**
 * A distribution on [0, 1] whose density is piecewise linear through measured values on a grid,
 * for example a loss profile {@code L(t)}: its CDF is the normalised integral of the density
 * (PUFM++, Liu et al. 2025, stage 3 "adaptive time schedule"), inverted exactly on each piece.
 */
public final class PiecewiseLinearCdf {

    private final double[] grid;
    private final double[] density;
    private final double[] cumulative;

    private PiecewiseLinearCdf(double[] grid, double[] density, double[] cumulative) {
        this.grid = grid;
        this.density = density;
        this.cumulative = cumulative;
    }

    /**
     * A distribution from density values on a grid covering [0, 1].
     *
     * @param grid strictly increasing times from 0 to 1
     * @param values non-negative density values (e.g. losses) at the grid times, not all zero; need
     *     not be normalised
     * @return the distribution
     * @throws IllegalArgumentException if the grid does not run from 0 to 1 strictly increasing, the
     *     lengths differ, or a value is negative or not finite
     */
    public static PiecewiseLinearCdf of(double[] grid, double[] values) {
        if (grid.length < 2 || grid.length != values.length) {
            throw new IllegalArgumentException("grid and values need the same length of at least 2: "
                    + grid.length + " and " + values.length);
        }
        if (grid[0] != 0 || grid[grid.length - 1] != 1) {
            throw new IllegalArgumentException(
                    "grid does not run from 0 to 1: " + grid[0] + " .. " + grid[grid.length - 1]);
        }
        for (int i = 0; i < grid.length; i++) {
            if (i > 0 && !(grid[i] > grid[i - 1])) {
                throw new IllegalArgumentException("grid is not strictly increasing at index " + i + ": " + grid[i]);
            }
            if (!(values[i] >= 0) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is negative or not finite: " + values[i]);
            }
        }
        double[] cumulative = new double[grid.length];
        for (int i = 1; i < grid.length; i++) {
            cumulative[i] = cumulative[i - 1] + 0.5 * (values[i] + values[i - 1]) * (grid[i] - grid[i - 1]);
        }
        double total = cumulative[grid.length - 1];
        if (!(total > 0)) {
            throw new IllegalArgumentException("values integrate to zero");
        }
        double[] density = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            cumulative[i] /= total;
            density[i] = values[i] / total;
        }
        cumulative[grid.length - 1] = 1;
        return new PiecewiseLinearCdf(grid.clone(), density, cumulative);
    }

    /**
     * The CDF.
     *
     * @param t time in [0, 1]
     * @return {@code F(t)}
     */
    public double cdf(double t) {
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        int i = segment(t);
        double h = t - grid[i];
        double slope = (density[i + 1] - density[i]) / (grid[i + 1] - grid[i]);
        return cumulative[i] + density[i] * h + 0.5 * slope * h * h;
    }

    /**
     * The inverse CDF (quantile function).
     *
     * @param u probability in [0, 1]
     * @return the time {@code t} with {@code F(t) = u}
     */
    public double inverse(double u) {
        if (u <= 0) {
            return 0;
        }
        if (u >= 1) {
            return 1;
        }
        int i = Arrays.binarySearch(cumulative, u);
        if (i >= 0) {
            return grid[i];
        }
        i = Math.max(0, -i - 2);
        double width = grid[i + 1] - grid[i];
        double slope = (density[i + 1] - density[i]) / width;
        double rest = u - cumulative[i];
        // density[i]·h + slope·h²/2 = rest; the root in [0, width] in its cancellation-free form
        double root = Math.sqrt(Math.max(0, density[i] * density[i] + 2 * slope * rest));
        double denominator = density[i] + root;
        double h = denominator > 0 ? 2 * rest / denominator : 0;
        return grid[i] + Math.max(0, Math.min(width, h));
    }

    /** @return a copy of the grid */
    public double[] grid() {
        return grid.clone();
    }

    /** @return a copy of the normalised density values on the grid */
    public double[] density() {
        return density.clone();
    }

    private int segment(double t) {
        int i = Arrays.binarySearch(grid, t);
        if (i >= 0) {
            return Math.min(i, grid.length - 2);
        }
        return Math.min(-i - 2, grid.length - 2);
    }
}
