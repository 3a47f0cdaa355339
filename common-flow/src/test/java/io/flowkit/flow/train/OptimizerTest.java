package io.flowkit.flow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.model.SeededInitializer;
import org.junit.jupiter.api.Test;

/** Adam, AdamW and the EMA against their formulas, step by step. */
class OptimizerTest {

    /** A linear layer 2 → 1 whose loss sum(W x + b) has the gradient (x, 1) for any weights. */
    private static Linear layer(NDManager manager) {
        Linear linear = Linear.builder().setUnits(1).build();
        SeededInitializer.initialize(linear, manager, 3, new Shape(1, 2));
        return linear;
    }

    private static void backward(Linear linear, NDManager scope, float[] x) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray out = linear.forward(new ParameterStore(), new ai.djl.ndarray.NDList(scope.create(x, new Shape(1, 2))), true)
                    .head();
            collector.backward(out.sum());
        }
    }

    private static void checkAdam(boolean decoupled, double weightDecay) {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.99;
        double eps = 1e-8;
        try (NDManager manager = FlowEngine.newManager()) {
            Linear linear = layer(manager);
            ModelParameters params = ModelParameters.of(linear);
            Adam.Builder builder = decoupled ? Adam.builderW() : Adam.builder();
            Adam adam = builder.optLearningRate(lr).optBetas(b1, b2).optEpsilon(eps).optWeightDecay(weightDecay).build();
            Adam.State state = adam.newState(params, manager);
            Parameter weight = params.parameters().get(0);
            double[] w = {weight.getArray().getFloat(0, 0), weight.getArray().getFloat(0, 1)};
            double[] m = new double[2];
            double[] v = new double[2];
            float[][] inputs = {{1, -2}, {0.5f, 3}, {-1, 1}};
            for (int step = 0; step < inputs.length; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    backward(linear, scope, inputs[step]);
                }
                state.update(step, 0.5);
                int t = step + 1;
                double correction = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
                for (int k = 0; k < 2; k++) {
                    double g = 0.5 * inputs[step][k];
                    if (decoupled) {
                        w[k] -= lr * weightDecay * w[k];
                    } else {
                        g += weightDecay * w[k];
                    }
                    m[k] = b1 * m[k] + (1 - b1) * g;
                    v[k] = b2 * v[k] + (1 - b2) * g * g;
                    w[k] -= correction * m[k] / (Math.sqrt(v[k]) + eps);
                }
                assertEquals(w[0], weight.getArray().getFloat(0, 0), 1e-5, "step " + t);
                assertEquals(w[1], weight.getArray().getFloat(0, 1), 1e-5, "step " + t);
            }
        }
    }

    @Test
    void adamFollowsItsUpdateRuleWithGradientScaling() {
        checkAdam(false, 0);
        checkAdam(false, 0.05);
    }

    @Test
    void adamwDecaysTheWeightsSeparately() {
        checkAdam(true, 0.05);
    }

    @Test
    void emaFollowsItsRecurrenceAndCopiesIntoTheParameters() {
        try (NDManager manager = FlowEngine.newManager()) {
            Linear linear = layer(manager);
            ModelParameters params = ModelParameters.of(linear);
            ExponentialMovingAverage ema = new ExponentialMovingAverage(0.8, params, manager);
            NDArray weight = params.parameters().get(0).getArray();
            double expected = weight.getFloat(0, 0);
            for (int i = 0; i < 4; i++) {
                try (FlowEngine.GradientMode ignored = FlowEngine.noGradient()) {
                    weight.addi(1f);
                }
                ema.update();
                expected = 0.8 * expected + 0.2 * weight.getFloat(0, 0);
            }
            assertEquals(expected, ema.toTensors().get(params.names().get(0)).values()[0], 1e-5);
            ema.copyToParameters();
            assertEquals(expected, weight.getFloat(0, 0), 1e-5);
            assertThrows(IllegalArgumentException.class, () -> new ExponentialMovingAverage(1.0, params, manager));
        }
    }

    @Test
    void clipScaleIsMaxNormOverTheGradientNormAndRefusesDivergence() {
        try (NDManager manager = FlowEngine.newManager()) {
            Linear linear = layer(manager);
            ModelParameters parameters = ModelParameters.of(linear);
            try (NDManager scope = manager.newSubManager()) {
                backward(linear, scope, new float[] {3, 4});
                // gradient (3, 4, 1): norm √26
                assertEquals(Math.sqrt(26), parameters.gradientNorm(scope), 1e-5);
                assertEquals(1.0 / Math.sqrt(26), parameters.clipScale(scope, 1.0), 1e-6);
                assertEquals(1.0, parameters.clipScale(scope, 10.0), 0);
            }
            try (NDManager scope = manager.newSubManager()) {
                backward(linear, scope, new float[] {Float.NaN, 4});
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> parameters.clipScale(scope, 1.0));
                assertEquals("training diverged: the gradient norm is NaN", e.getMessage());
            }
        }
    }

    @Test
    void warmupCosineRisesThenDecays() {
        LearningRateSchedule s = LearningRateSchedule.warmupCosine(1.0, 10, 110, 0.1);
        assertEquals(0.1, s.at(0), 1e-12);
        assertEquals(1.0, s.at(9), 1e-12);
        assertEquals(0.55, s.at(60), 1e-12);
        assertEquals(0.1, s.at(110), 1e-12);
        assertEquals(0.1, s.at(500), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.warmupCosine(1, 10, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(-1));
    }
}
