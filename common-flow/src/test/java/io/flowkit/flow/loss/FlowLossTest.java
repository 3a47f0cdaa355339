package io.flowkit.flow.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.random.SeededRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlowLossTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = FlowEngine.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static LossContext context(NDManager m, float[] prediction, float[] target, Shape shape) {
        NDArray p = m.create(prediction, shape);
        NDArray t = m.create(target, shape);
        NDArray times = m.zeros(new Shape(shape.get(0)));
        return new LossContext(new NDList(p), t, t, times, t, t, new NDList());
    }

    @Test
    void weightedMseMatchesANaiveReference() {
        SeededRandom random = SeededRandom.of(1);
        int batch = 5;
        int size = 6;
        float[] p = random.gaussian(batch * size);
        float[] t = random.gaussian(batch * size);
        float[] w = {0.5f, 1.5f, 1f, 0.25f, 1.75f};
        double naive = 0;
        double plain = 0;
        for (int b = 0; b < batch; b++) {
            double perSample = 0;
            for (int k = 0; k < size; k++) {
                double d = p[b * size + k] - t[b * size + k];
                perSample += d * d / size;
            }
            naive += w[b] * perSample / batch;
            plain += perSample / batch;
        }
        try (NDManager scope = manager.newSubManager()) {
            Shape shape = new Shape(batch, 2, 3);
            assertEquals(naive, FlowLoss.velocityMse().compute(context(scope, p, t, shape), w).total().getFloat(), 1e-5);
            assertEquals(plain, FlowLoss.velocityMse().compute(context(scope, p, t, shape), null).total().getFloat(), 1e-5);
        }
    }

    @Test
    void aMaskAveragesOverRealValuesOnly() {
        // Two samples of 3 values; the second has its last value padded.
        float[] p = {1, 2, 3, 4, 5, 100};
        float[] t = {0, 0, 0, 0, 0, -7};
        float[] mask = {1, 1, 1, 1, 1, 0};
        double first = (1 + 4 + 9) / 3.0;
        double second = (16 + 25) / 2.0;
        try (NDManager scope = manager.newSubManager()) {
            Shape shape = new Shape(2, 3);
            LossContext base = context(scope, p, t, shape);
            LossContext masked = new LossContext(base.outputs(), base.target(), base.xt(), base.t(), base.x0(), base.x1(),
                    base.condition(), scope.create(mask, shape));
            assertEquals((first + second) / 2, FlowLoss.velocityMse().compute(masked, null).total().getFloat(), 1e-4);
            assertEquals((0.5 * first + 1.5 * second) / 2,
                    FlowLoss.velocityMse().compute(masked, new float[] {0.5f, 1.5f}).total().getFloat(), 1e-4);
            LossContext wrong = new LossContext(base.outputs(), base.target(), base.xt(), base.t(), base.x0(), base.x1(),
                    base.condition(), scope.create(mask, new Shape(3, 2)));
            assertThrows(IllegalArgumentException.class, () -> FlowLoss.velocityMse().compute(wrong, null));
        }
    }

    @Test
    void auxiliaryTermsAreAddedWithTheirWeightsAndReportedByName() {
        FlowLoss loss = FlowLoss.builder()
                .optAuxiliary("mean", 0.5, c -> c.prediction().mean())
                .optAuxiliary("constant", 2.0, c -> c.prediction().getManager().create(3f))
                .build();
        assertEquals("velocity + 0.5·mean + 2.0·constant", loss.describe());
        try (NDManager scope = manager.newSubManager()) {
            float[] p = {1, 2, 3, 4};
            float[] t = {1, 2, 3, 2};
            LossValue value = loss.compute(context(scope, p, t, new Shape(2, 2)), null);
            Map<String, Double> parts = value.values();
            assertEquals(1.0, parts.get("velocity"), 1e-6);
            assertEquals(2.5, parts.get("mean"), 1e-6);
            assertEquals(3.0, parts.get("constant"), 1e-6);
            assertEquals(1.0 + 0.5 * 2.5 + 2.0 * 3.0, value.total().getFloat(), 1e-5);
        }
    }

    @Test
    void aVelocityWeightScalesTheMainTermAndZeroLeavesOnlyTheAuxiliaryTerms() {
        FlowLoss half = FlowLoss.builder().optVelocityWeight(0.5).optAuxiliary("mean", 1, c -> c.prediction().mean())
                .build();
        FlowLoss none = FlowLoss.builder().optVelocityWeight(0).optAuxiliary("mean", 1, c -> c.prediction().mean())
                .build();
        assertEquals("0.0·velocity + 1.0·mean", none.describe());
        try (NDManager scope = manager.newSubManager()) {
            float[] p = {1, 2, 3, 4};
            float[] t = {1, 2, 3, 2};
            LossValue a = half.compute(context(scope, p, t, new Shape(2, 2)), null);
            assertEquals(0.5 * 1.0 + 2.5, a.total().getFloat(), 1e-5);
            LossValue b = none.compute(context(scope, p, t, new Shape(2, 2)), null);
            assertEquals(2.5, b.total().getFloat(), 1e-5);
            assertEquals(1.0, b.values().get("velocity"), 1e-6, "still reported");
        }
        assertThrows(IllegalStateException.class, () -> FlowLoss.builder().optVelocityWeight(0).build());
        assertThrows(IllegalArgumentException.class, () -> FlowLoss.builder().optVelocityWeight(-1));
    }

    @Test
    void misuseIsRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> FlowLoss.builder().optAuxiliary("velocity", 1, c -> null));
        assertThrows(IllegalArgumentException.class,
                () -> FlowLoss.builder().optAuxiliary("a", 1, c -> null).optAuxiliary("a", 1, c -> null));
        assertThrows(IllegalArgumentException.class, () -> FlowLoss.builder().optAuxiliary("a", Double.NaN, c -> null));
        try (NDManager scope = manager.newSubManager()) {
            IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class, () -> FlowLoss.velocityMse()
                    .compute(new LossContext(new NDList(scope.zeros(new Shape(2, 3))), scope.zeros(new Shape(2, 2)),
                            null, null, null, null, new NDList()), null));
            assertTrue(shapes.getMessage().contains("differs from target shape"), shapes.getMessage());
            IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                    () -> FlowLoss.velocityMse().compute(context(scope, new float[4], new float[4], new Shape(2, 2)),
                            new float[3]));
            assertTrue(weights.getMessage().contains("3 sample weights for a batch of 2"), weights.getMessage());
            FlowLoss vector = FlowLoss.builder().optAuxiliary("vector", 1, c -> c.prediction().sum(new int[] {1})).build();
            IllegalStateException notScalar = assertThrows(IllegalStateException.class,
                    () -> vector.compute(context(scope, new float[4], new float[4], new Shape(2, 2)), null));
            assertTrue(notScalar.getMessage().contains("'vector' is not a scalar"), notScalar.getMessage());
        }
    }
}
