package io.flowkit.flow.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A velocity field backed by a DJL {@link Block} whose inputs are {@code [x_t, t, condition…]} and
 * whose first output is the velocity.
 */
public final class BlockVelocityField implements VelocityField {

    private final Block block;
    private final ParameterStore parameters;

    private BlockVelocityField(Block block) {
        this.block = block;
        this.parameters = new ParameterStore();
    }

    /**
     * Wraps an initialised block.
     *
     * @param block a block taking {@code [x_t, t, condition…]}
     * @return the field
     * @throws IllegalArgumentException if the block is null or not initialised
     */
    public static BlockVelocityField of(Block block) {
        if (block == null) {
            throw new IllegalArgumentException("block is null");
        }
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("block is not initialised: call initialize(...) first");
        }
        return new BlockVelocityField(block);
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public NDList forward(NDArray xt, NDArray t, NDList condition, boolean training) {
        if (t.getShape().dimension() != 1 || t.getShape().get(0) != xt.getShape().get(0)) {
            throw new IllegalArgumentException(
                    "t must have shape (" + xt.getShape().get(0) + "), one time per sample: " + t.getShape());
        }
        // Condition arrays may live in a longer-lived manager than the state (a solver evaluates in a
        // short scope): lend them to the state's manager so that every intermediate built from them
        // is freed with that scope; they go back when it closes.
        NDManager scope = xt.getManager();
        for (NDArray c : condition) {
            if (c.getManager() != scope) {
                c.tempAttach(scope);
            }
        }
        NDList inputs = new NDList(2 + condition.size());
        inputs.add(xt);
        inputs.add(t);
        inputs.addAll(condition);
        NDList outputs = block.forward(parameters, inputs, training);
        NDArray v = outputs.head();
        if (!v.getShape().equals(xt.getShape())) {
            throw new IllegalStateException(
                    "network returned shape " + v.getShape() + " for states of shape " + xt.getShape());
        }
        return outputs;
    }
}
