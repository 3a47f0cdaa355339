package io.flowkit.flow.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import io.flowkit.flow.random.SeededRandom;

/**
 * Initialises weights from flowkit's own seeded stream instead of the engine's global generator,
 * so that the same seed gives the same network whatever else ran before. Weights are drawn from
 * {@code U(−1/√fan_in, 1/√fan_in)}, PyTorch's default for linear layers; biases start at zero.
 */
public final class SeededInitializer implements Initializer {

    private final SeededRandom random;

    private SeededInitializer(long seed) {
        this.random = SeededRandom.of(seed);
    }

    /**
     * Initialises a block with seeded weights.
     *
     * @param block the block
     * @param manager the manager that will own the parameters
     * @param seed the seed
     * @param inputShapes the shapes of the block's inputs
     */
    public static void initialize(Block block, NDManager manager, long seed, Shape... inputShapes) {
        block.setInitializer(new SeededInitializer(seed), Parameter.Type.WEIGHT);
        block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        block.initialize(manager, DataType.FLOAT32, inputShapes);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long fanIn = shape.dimension() > 1 ? shape.size() / shape.get(0) : shape.size();
        float bound = (float) (1 / Math.sqrt(Math.max(1, fanIn)));
        int n = Math.toIntExact(shape.size());
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
