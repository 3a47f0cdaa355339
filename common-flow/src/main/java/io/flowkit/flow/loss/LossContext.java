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
 */
public record LossContext(NDList outputs, NDArray target, NDArray xt, NDArray t, NDArray x0, NDArray x1, NDList condition) {

    /** @return the predicted velocity, the first output */
    public NDArray prediction() {
        return outputs.head();
    }
}
