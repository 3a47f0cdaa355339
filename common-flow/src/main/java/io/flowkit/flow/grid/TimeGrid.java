package io.flowkit.flow.grid;

import io.flowkit.flow.time.PiecewiseLinearCdf;
import java.util.Arrays;

/**
 * The times at which a fixed-step solver evaluates the field: a strictly monotone sequence, by
 * default from {@code t = 0} (source) to {@code t = 1} (data). Immutable.
 */
public final class TimeGrid {

    private final double[] times;

    private TimeGrid(double[] times) {
        this.times = times;
    }

    /**
     * A grid from explicit times.
     *
     * @param times at least two finite times, strictly increasing or strictly decreasing
     * @return the grid
     * @throws IllegalArgumentException naming the first offending index
     */
    public static TimeGrid of(double... times) {
        if (times.length < 2) {
            throw new IllegalArgumentException("a time grid needs at least two times: " + times.length);
        }
        double direction = Math.signum(times[1] - times[0]);
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i])) {
                throw new IllegalArgumentException("time " + i + " is not finite: " + times[i]);
            }
            if (i > 0 && !(Math.signum(times[i] - times[i - 1]) == direction && direction != 0)) {
                throw new IllegalArgumentException("times are not strictly monotone at index " + i + ": "
                        + times[i - 1] + " then " + times[i]);
            }
        }
        return new TimeGrid(times.clone());
    }

    /**
     * {@code steps} equal steps from 0 to 1.
     *
     * @param steps number of steps, positive
     * @return the grid
     */
    public static TimeGrid uniform(int steps) {
        checkSteps(steps);
        double[] t = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = (double) i / steps;
        }
        t[steps] = 1;
        return new TimeGrid(t);
    }

    /**
     * Steps placed by {@code t_k = 1 − cos(π k / (2K))}: short near the source, long near the data
     * (the time warp of PUFM's cosine schedule).
     *
     * @param steps number of steps {@code K}, positive
     * @return the grid
     */
    public static TimeGrid cosine(int steps) {
        checkSteps(steps);
        double[] t = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = 1 - Math.cos(Math.PI * i / (2.0 * steps));
        }
        t[0] = 0;
        t[steps] = 1;
        return new TimeGrid(t);
    }

    /**
     * Steps placed at the quantiles of a distribution, {@code t_k = F⁻¹(k/K)}: with the CDF of a
     * measured loss profile, steps gather where the loss is high (PUFM++, Liu et al. 2025, stage 3).
     *
     * @param cdf the distribution
     * @param steps number of steps {@code K}, positive
     * @return the grid
     * @throws IllegalArgumentException if two quantiles coincide (the density vanishes on an interval)
     */
    public static TimeGrid fromCdf(PiecewiseLinearCdf cdf, int steps) {
        checkSteps(steps);
        double[] t = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = cdf.inverse((double) i / steps);
        }
        t[0] = 0;
        t[steps] = 1;
        return of(t);
    }

    /** @return the number of steps (times minus one) */
    public int steps() {
        return times.length - 1;
    }

    /**
     * @param i index in [0, steps]
     * @return time {@code i}
     */
    public double time(int i) {
        return times[i];
    }

    /** @return a copy of the times */
    public double[] times() {
        return times.clone();
    }

    /** @return the first time */
    public double start() {
        return times[0];
    }

    /** @return the last time */
    public double end() {
        return times[times.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeGrid && Arrays.equals(times, ((TimeGrid) o).times);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "TimeGrid" + Arrays.toString(times);
    }

    private static void checkSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("number of steps is not positive: " + steps);
        }
    }
}
