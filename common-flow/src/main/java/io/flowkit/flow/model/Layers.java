package io.flowkit.flow.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** The one call the networks' forward passes make most: a one-array block (linear layer, layer norm) on one array. */
public final class Layers {

    private Layers() {}

    /**
     * Applies a block that takes one array and returns one.
     *
     * @param layer the block, for example a {@code Linear} or a {@code LayerNorm}
     * @param ps the parameter store
     * @param x the input
     * @param training whether in training mode
     * @return the block's output
     */
    public static NDArray apply(Block layer, ParameterStore ps, NDArray x, boolean training) {
        return layer.forward(ps, new NDList(x), training).head();
    }
}
