package io.flowkit.flow.solve;

import ai.djl.ndarray.NDArray;

/**
 * A time-dependent vector field {@code v(x, t)} as an ODE solver sees it ({@code t = 0} source,
 * {@code t = 1} data).
 */
@FunctionalInterface
public interface VelocityFunction {

    /**
     * Evaluates the field. The result must be a new array of the shape of {@code x}, created from
     * operations on {@code x} (so that it lives in the manager of {@code x}).
     *
     * @param x the states, first axis the batch
     * @param t the common time of all states
     * @return the velocities
     */
    NDArray evaluate(NDArray x, double t);
}
