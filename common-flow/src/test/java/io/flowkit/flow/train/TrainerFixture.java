package io.flowkit.flow.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.model.ActivationFunction;
import io.flowkit.flow.model.BlockVelocityField;
import io.flowkit.flow.model.MlpBlock;
import io.flowkit.flow.model.SeededInitializer;
import io.flowkit.flow.model.TimeFeatures;

/** Small 2D velocity fields for trainer tests. */
final class TrainerFixture {

    private TrainerFixture() {}

    static BlockVelocityField mlp(NDManager manager, long seed, int... hidden) {
        MlpBlock block = MlpBlock.builder().setStateSize(2).optHidden(hidden).optActivation(ActivationFunction.SELU)
                .optTimeFeatures(TimeFeatures.fourier(4, 8)).build();
        SeededInitializer.initialize(block, manager, seed, new Shape(1, 2), new Shape(1));
        return BlockVelocityField.of(block);
    }
}
