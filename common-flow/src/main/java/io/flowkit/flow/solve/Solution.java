package io.flowkit.flow.solve;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * The result of an ODE solve. Its arrays live in the manager of the initial state.
 *
 * @param state the state at the last time
 * @param evaluations the number of evaluations of the velocity field (NFE)
 * @param acceptedSteps steps taken
 * @param rejectedSteps steps rejected by error control (always 0 for fixed-step solvers)
 * @param times the times of the recorded states (only the last time when no trajectory was kept)
 * @param trajectory the recorded states, the initial one first, or an empty list when no
 *     trajectory was kept
 */
public record Solution(
        NDArray state,
        int evaluations,
        int acceptedSteps,
        int rejectedSteps,
        double[] times,
        List<NDArray> trajectory) {}
