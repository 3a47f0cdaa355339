package io.flowkit.flow.solve;

import ai.djl.ndarray.NDArray;

/**
 * A per-step projection hook: after each step of a solve, the state at the grid time is mapped
 * back onto the set it must stay on (a surface, a constraint set), as flow_matching's Riemannian
 * solvers project after every step. Euclidean states use it for constraints that no exponential map
 * expresses, for example PUFM++'s on-manifold correction of upsampled points toward the surface.
 * For manifolds with an exponential map, {@link RungeKutta#on} is the exact alternative.
 *
 * @see OdeSolver#projected(OdeSolver, StepProjection)
 */
@FunctionalInterface
public interface StepProjection {

    /**
     * Projects a state.
     *
     * @param x the state at grid time {@code t}, after the step that reached it; do not close it
     * @param t the grid time
     * @return the projected state, a new array in the manager of {@code x} of its shape (or {@code x}
     *     itself when nothing moves)
     */
    NDArray project(NDArray x, double t);
}
