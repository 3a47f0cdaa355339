package io.flowkit.flow.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.flowkit.flow.solve.VelocityFunction;

/**
 * A learned velocity field {@code v(x_t, t | condition)} with {@code t = 0} the source and
 * {@code t = 1} the data.
 *
 * <p>Implementations must build their outputs from operations whose first operand is {@code xt}
 * (or arrays derived from it), so that results land in the caller's manager scope.
 */
public interface VelocityField {

    /** @return the network whose parameters are trained */
    Block block();

    /**
     * Runs the network.
     *
     * @param xt states, first axis the batch
     * @param t one time per sample, shape {@code (batch)}
     * @param condition conditioning arrays (possibly empty), first axis the batch
     * @param training whether this is a training pass
     * @return the outputs: first the velocities with the shape of {@code xt}, then any further
     *     outputs of the network (for example features for an auxiliary loss)
     */
    NDList forward(NDArray xt, NDArray t, NDList condition, boolean training);

    /**
     * Predicts velocities.
     *
     * @param xt states, first axis the batch
     * @param t one time per sample, shape {@code (batch)}
     * @param condition conditioning arrays (possibly empty), first axis the batch
     * @param training whether this is a training pass
     * @return velocities with the shape of {@code xt}
     */
    default NDArray velocity(NDArray xt, NDArray t, NDList condition, boolean training) {
        return forward(xt, t, condition, training).head();
    }

    /**
     * The field as an ODE solver sees it, with a fixed condition.
     *
     * @param condition conditioning arrays (possibly empty)
     * @return the velocity function {@code (x, t) ↦ v(x, t | condition)}
     */
    default VelocityFunction withCondition(NDList condition) {
        return (x, t) -> {
            NDArray times = x.getManager().full(new Shape(x.getShape().get(0)), (float) t);
            return velocity(x, times, condition, false);
        };
    }
}
