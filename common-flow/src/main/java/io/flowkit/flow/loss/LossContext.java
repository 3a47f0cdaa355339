package io.flowkit.flow.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What a loss term may look at in one training step ({@code t = 0} source, {@code t = 1} data).
 *
 * @param outputs all outputs of the network; the first is the predicted velocity, further ones
 *     (for example intermediate features for representation alignment) are the network's own
 * @param target the target velocity {@code u_t}
 * @param xt the states {@code x_t}
 * @param t the times, shape {@code (batch)}
 * @param x0 the (coupled) source samples
 * @param x1 the data samples
 * @param condition the conditioning arrays (possibly empty)
 * @param mask 1 for real values and 0 for padding, shaped like {@code x1}, or {@code null}
 */
public record LossContext(NDList outputs, NDArray target, NDArray xt, NDArray t, NDArray x0, NDArray x1, NDList condition,
        NDArray mask) {

    /**
     * A context without padding.
     *
     * @param outputs all outputs of the network, the predicted velocity first
     * @param target the target velocity
     * @param xt the states
     * @param t the times
     * @param x0 the source samples
     * @param x1 the data samples
     * @param condition the conditioning arrays
     */
    public LossContext(NDList outputs, NDArray target, NDArray xt, NDArray t, NDArray x0, NDArray x1, NDList condition) {
        this(outputs, target, xt, t, x0, x1, condition, null);
    }

    /** @return the predicted velocity, the first output */
    public NDArray prediction() {
        return outputs.head();
    }
}
