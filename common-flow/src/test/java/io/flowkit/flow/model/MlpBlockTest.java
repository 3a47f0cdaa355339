package io.flowkit.flow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.engine.FlowEngine;
import org.junit.jupiter.api.Test;

class MlpBlockTest {

    private static MlpBlock block(int conditionSize) {
        return MlpBlock.builder().setStateSize(6).optHidden(16, 16).optConditionSize(conditionSize)
                .optTimeFeatures(TimeFeatures.fourier(3, 4)).optActivation(ActivationFunction.SILU).build();
    }

    @Test
    void theSameSeedGivesTheSameNetworkAndOutputsKeepTheStateShape() {
        try (NDManager manager = FlowEngine.newManager()) {
            MlpBlock a = block(2);
            MlpBlock b = block(2);
            MlpBlock c = block(2);
            Shape state = new Shape(4, 2, 3);
            SeededInitializer.initialize(a, manager, 9, state, new Shape(4), new Shape(4, 2));
            SeededInitializer.initialize(b, manager, 9, state, new Shape(4), new Shape(4, 2));
            SeededInitializer.initialize(c, manager, 10, state, new Shape(4), new Shape(4, 2));
            NDArray x = manager.randomNormal(state);
            NDArray t = manager.create(new float[] {0, 0.3f, 0.6f, 1});
            NDList condition = new NDList(manager.randomNormal(new Shape(4, 2)));
            NDArray va = BlockVelocityField.of(a).velocity(x, t, condition, false);
            NDArray vb = BlockVelocityField.of(b).velocity(x, t, condition, false);
            NDArray vc = BlockVelocityField.of(c).velocity(x, t, condition, false);
            assertEquals(state, va.getShape());
            assertArrayEquals(va.toFloatArray(), vb.toFloatArray());
            assertFalse(java.util.Arrays.equals(va.toFloatArray(), vc.toFloatArray()));
        }
    }

    @Test
    void wrongInputsAreNamed() {
        try (NDManager manager = FlowEngine.newManager()) {
            MlpBlock conditional = block(2);
            SeededInitializer.initialize(conditional, manager, 1, new Shape(2, 6), new Shape(2), new Shape(2, 2));
            BlockVelocityField field = BlockVelocityField.of(conditional);
            NDArray x = manager.zeros(new Shape(2, 6));
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> field.velocity(x, manager.zeros(new Shape(2)), new NDList(), false));
            assertTrue(missing.getMessage().contains("[x_t, t, condition]"), missing.getMessage());
            IllegalArgumentException times = assertThrows(IllegalArgumentException.class,
                    () -> field.velocity(x, manager.zeros(new Shape(3)), new NDList(manager.zeros(new Shape(2, 2))), false));
            assertTrue(times.getMessage().contains("one time per sample"), times.getMessage());
            IllegalArgumentException state = assertThrows(IllegalArgumentException.class, () -> field.velocity(
                    manager.zeros(new Shape(2, 5)), manager.zeros(new Shape(2)), new NDList(manager.zeros(new Shape(2, 2))), false));
            assertTrue(state.getMessage().contains("does not hold 6 values per sample"), state.getMessage());
            assertThrows(IllegalArgumentException.class, () -> BlockVelocityField.of(block(0)));
            assertThrows(IllegalArgumentException.class, () -> MlpBlock.builder().setStateSize(0).build());
            assertThrows(IllegalArgumentException.class, () -> ActivationFunction.byName("swish2"));
        }
    }
}
