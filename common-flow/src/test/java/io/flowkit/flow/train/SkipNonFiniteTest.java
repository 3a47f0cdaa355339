package io.flowkit.flow.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.model.BlockVelocityField;
import io.flowkit.flow.model.SeededInitializer;
import io.flowkit.flow.random.SeededRandom;
import org.junit.jupiter.api.Test;

/** Steps whose gradient is not finite: fail by default, skipped when asked. */
class SkipNonFiniteTest {

    /** v = sqrt(w² · x_t²): its gradient in w is 0/0 = NaN where x_t = 0, the loss stays finite. */
    private static final class SqrtBlock extends AbstractBlock {
        private final Parameter w;

        SqrtBlock() {
            super((byte) 1);
            w = addParameter(Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optShape(new Shape(1)).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            NDArray x = in.get(0);
            NDArray weight = ps.getValue(w, x.getDevice(), training);
            return new NDList(x.square().mul(weight.square()).sqrt());
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0]};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}
    }

    /** Data that is all zeros at step 3 (so x_t = 0 there) and random otherwise. */
    private static final FlowDataSource DATA = new FlowDataSource() {
        @Override
        public HostBatch next(long step, int batchSize, SeededRandom random) {
            float[] x0 = random.gaussian(batchSize);
            float[] x1 = random.gaussian(batchSize);
            if (step == 3) {
                x0 = new float[batchSize];
                x1 = new float[batchSize];
            }
            return new HostBatch(batchSize, new Shape(1), x0, x1, null);
        }

        @Override
        public String describe() {
            return "zeros at step 3";
        }
    };

    /** v = w / x_t: infinite where x_t = 0, so the loss itself overflows there. */
    private static final class ReciprocalBlock extends AbstractBlock {
        private final Parameter w;

        ReciprocalBlock() {
            super((byte) 1);
            w = addParameter(Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optShape(new Shape(1)).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            NDArray x = in.get(0);
            return new NDList(ps.getValue(w, x.getDevice(), training).div(x));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return new Shape[] {inputShapes[0]};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {}
    }

    private static FlowTrainer trainer(NDManager manager, int skips) {
        SqrtBlock block = new SqrtBlock();
        SeededInitializer.initialize(block, manager, 1, new Shape(4, 1), new Shape(4));
        return FlowTrainer.builder().setField(BlockVelocityField.of(block)).setData(DATA).setSteps(8).setSeed(2)
                .optBatchSize(4).optSkipNonFinite(skips).build();
    }

    @Test
    void aNonFiniteGradientFailsByDefaultAndIsSkippedWhenAsked() {
        try (NDManager manager = FlowEngine.newManager()) {
            try (FlowTrainer strict = trainer(manager, 0)) {
                IllegalStateException e = assertThrows(IllegalStateException.class, strict::train);
                assertTrue(e.getMessage().contains("training diverged"), e.getMessage());
            }
        }
        try (NDManager manager = FlowEngine.newManager()) {
            try (FlowTrainer lenient = trainer(manager, 2)) {
                TrainingResult r = lenient.train();
                assertEquals(8, r.steps());
                assertEquals(1, lenient.skippedSteps());
            }
        }
    }

    @Test
    void aNonFiniteLossIsSkippedToo_AndARunStoppedByItResumesWithSkipping(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) {
        try (NDManager manager = FlowEngine.newManager()) {
            ReciprocalBlock block = new ReciprocalBlock();
            SeededInitializer.initialize(block, manager, 1, new Shape(4, 1), new Shape(4));
            try (FlowTrainer strict = FlowTrainer.builder().setField(BlockVelocityField.of(block)).setData(DATA).setSteps(8)
                    .setSeed(2).optBatchSize(4).optCheckpoints(dir, 2).build()) {
                IllegalStateException e = assertThrows(IllegalStateException.class, strict::train);
                assertTrue(e.getMessage().contains("step 4: the loss is"), e.getMessage());
            }
        }
        try (NDManager manager = FlowEngine.newManager()) {
            ReciprocalBlock block = new ReciprocalBlock();
            SeededInitializer.initialize(block, manager, 1, new Shape(4, 1), new Shape(4));
            try (FlowTrainer lenient = FlowTrainer.builder().setField(BlockVelocityField.of(block)).setData(DATA).setSteps(8)
                    .setSeed(2).optBatchSize(4).optCheckpoints(dir, 2).optSkipNonFinite(3).build()) {
                TrainingResult r = lenient.train();
                assertEquals(8, r.steps());
                assertEquals(1, lenient.skippedSteps(), "resumed from step 2, skipped step 4");
                for (Parameter p : block.getParameters().values()) {
                    for (float v : p.getArray().toFloatArray()) {
                        assertTrue(Float.isFinite(v), "weights stay finite: " + v);
                    }
                }
            }
        }
    }
}
