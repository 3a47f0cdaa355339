package io.flowkit.flow.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.model.SeededInitializer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resumable loop: a stopped and resumed run ends with the weights of an uninterrupted one; bad runs are refused. */
class ResumableLoopTest {

    @TempDir
    Path dir;

    /** Fits y = 3x − 1 by a linear layer on random x drawn from the loop's stream. */
    private static float[] train(Path checkpoints, long steps, Map<String, String> configuration, long stopAfter,
            boolean[] complete) {
        try (NDManager manager = FlowEngine.newManager()) {
            Linear linear = Linear.builder().setUnits(1).build();
            SeededInitializer.initialize(linear, manager, 3, new Shape(1, 1));
            ModelParameters parameters = ModelParameters.of(linear);
            ParameterStore store = new ParameterStore(manager, false);
            long[] done = {0};
            ResumableLoop.Result r = ResumableLoop.builder().setParameters(parameters, manager)
                    .setOptimizer(Adam.builder().optLearningRate(0.2).build()).setSteps(steps, 11)
                    .setProvenance(configuration, (step, losses) -> new Provenance("t", "t", "t", "now", 11, step, "line",
                            configuration, Map.of(), 1))
                    .optEma(0.9).optCheckpoints(checkpoints, 7).optStopSignal(() -> done[0] >= stopAfter)
                    .build().run((step, random, adam) -> {
                        float[] x = random.gaussian(16);
                        float[] y = new float[16];
                        for (int i = 0; i < 16; i++) {
                            y[i] = 3 * x[i] - 1;
                        }
                        try (NDManager scope = manager.newSubManager()) {
                            double loss;
                            try (GradientCollector c = FlowEngine.get().newGradientCollector()) {
                                NDArray out = linear.forward(store, new NDList(scope.create(x, new Shape(16, 1))), true).head();
                                NDArray l = out.sub(scope.create(y, new Shape(16, 1))).square().mean();
                                c.backward(l);
                                loss = l.getFloat();
                            }
                            adam.update(step, 1.0);
                            done[0] = step + 1;
                            return loss;
                        }
                    });
            complete[0] = r.complete();
            assertEquals(r.steps(), r.losses().size());
            List<Float> w = new java.util.ArrayList<>();
            for (NDArray a : parameters.arrays()) {
                for (float f : a.toFloatArray()) {
                    w.add(f);
                }
            }
            float[] out = new float[w.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = w.get(i);
            }
            return out;
        }
    }

    @Test
    void aStoppedRunResumesToTheWeightsOfAnUninterruptedOne() {
        boolean[] complete = new boolean[1];
        float[] straight = train(dir.resolve("a"), 60, Map.of("k", "v"), Long.MAX_VALUE, complete);
        assertTrue(complete[0]);
        float[] stopped = train(dir.resolve("b"), 60, Map.of("k", "v"), 23, complete);
        assertFalse(complete[0]);
        assertFalse(java.util.Arrays.equals(straight, stopped));
        float[] resumed = train(dir.resolve("b"), 60, Map.of("k", "v"), Long.MAX_VALUE, complete);
        assertTrue(complete[0]);
        assertArrayEquals(straight, resumed, 0f);
        // the fit is right: weight 3, bias −1 (EMA weights)
        assertEquals(3, straight[0], 0.3);
        assertEquals(-1, straight[1], 0.3);
    }

    @Test
    void aCheckpointOfAnotherConfigurationIsRefused() {
        boolean[] complete = new boolean[1];
        train(dir.resolve("c"), 10, Map.of("k", "v"), Long.MAX_VALUE, complete);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(dir.resolve("c"), 20, Map.of("k", "w"), Long.MAX_VALUE, complete));
        assertTrue(e.getMessage().contains("k"), e.getMessage());
    }

    @Test
    void aNonFiniteLossStopsTheRunAndBadSettingsAreRefused() {
        try (NDManager manager = FlowEngine.newManager()) {
            Linear linear = Linear.builder().setUnits(1).build();
            SeededInitializer.initialize(linear, manager, 3, new Shape(1, 1));
            ResumableLoop.Builder b = ResumableLoop.builder().setParameters(ModelParameters.of(linear), manager)
                    .setOptimizer(Adam.builder().build()).setSteps(5, 1).setProvenance(Map.of(), (s, l) -> null);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> b.build().run((step, random, adam) -> step == 2 ? Double.NaN : 1.0));
            assertEquals("the loss is not finite at step 3: NaN", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> b.optEma(1.0).build());
            assertThrows(IllegalArgumentException.class, () -> ResumableLoop.builder().build());
        }
    }
}
