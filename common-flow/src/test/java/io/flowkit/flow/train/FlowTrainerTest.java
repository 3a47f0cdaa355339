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
import io.flowkit.flow.checkpoint.Checkpoint;
import io.flowkit.flow.coupling.Coupling;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.model.BlockVelocityField;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.Solution;
import io.flowkit.flow.solve.Trajectories;
import io.flowkit.flow.time.TimeSampler;
import io.flowkit.flow.toy.Toy2d;
import io.flowkit.flow.toy.Toy2dSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowTrainerTest {

    private static final Toy2dSource EIGHT = new Toy2dSource(Toy2d.GAUSSIAN, Toy2d.EIGHT_GAUSSIANS);
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = FlowEngine.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static FlowTrainer.Builder richConfiguration(BlockVelocityField field, long steps) {
        return FlowTrainer.builder().setField(field).setData(EIGHT).setSteps(steps).setSeed(11).optBatchSize(64)
                .optCoupling(Coupling.exactOt()).optTimeSampler(TimeSampler.logitNormal(0, 1))
                .optOptimizer(Adam.builderW().optLearningRate(LearningRateSchedule.warmupCosine(3e-3, 5, 40, 1e-4)).build())
                .optEma(0.9).optClipGradNorm(1.0).optConfiguration("model", "mlp 32x32");
    }

    @Test
    void aResumedRunContinuesBitForBitLikeAnUninterruptedOne(@TempDir Path dir) {
        try (NDManager straight = manager.newSubManager(); NDManager split = manager.newSubManager()) {
            BlockVelocityField a = TrainerFixture.mlp(straight, 5, 32, 32);
            TrainingResult uninterrupted;
            Map<String, io.flowkit.flow.checkpoint.TensorArchive.Tensor> emaA;
            try (FlowTrainer trainer = richConfiguration(a, 40).build()) {
                uninterrupted = trainer.train();
                emaA = trainer.ema().orElseThrow().toTensors();
            }

            BlockVelocityField b = TrainerFixture.mlp(split, 5, 32, 32);
            try (FlowTrainer first = richConfiguration(b, 20).optCheckpoints(dir, 20).build()) {
                assertEquals(20, first.train().steps());
            }
            // A fresh process would rebuild the model from scratch: start from other weights to prove they are restored.
            BlockVelocityField c = TrainerFixture.mlp(split, 99, 32, 32);
            TrainingResult resumed;
            Map<String, io.flowkit.flow.checkpoint.TensorArchive.Tensor> emaC;
            try (FlowTrainer second = richConfiguration(c, 40).optCheckpoints(dir, 20).build()) {
                resumed = second.train();
                emaC = second.ema().orElseThrow().toTensors();
                assertEquals(20, resumed.stepsThisRun());
            }
            assertEquals(uninterrupted.lossHistory(), resumed.lossHistory(), "identical losses at every step");
            Map<String, io.flowkit.flow.checkpoint.TensorArchive.Tensor> wa = ModelParameters.of(a.block()).weights();
            Map<String, io.flowkit.flow.checkpoint.TensorArchive.Tensor> wc = ModelParameters.of(c.block()).weights();
            for (String name : wa.keySet()) {
                assertArrayEquals(wa.get(name).values(), wc.get(name).values(), "weights " + name);
                assertArrayEquals(emaA.get(name).values(), emaC.get(name).values(), "EMA " + name);
            }
        }
    }

    @Test
    void aCheckpointFromAnotherConfigurationIsRefused(@TempDir Path dir) {
        try (NDManager scope = manager.newSubManager()) {
            try (FlowTrainer trainer = richConfiguration(TrainerFixture.mlp(scope, 1, 16), 5).optCheckpoints(dir, 5).build()) {
                trainer.train();
            }
            BlockVelocityField wider = TrainerFixture.mlp(scope, 1, 24);
            try (FlowTrainer other = richConfiguration(wider, 10).optCheckpoints(dir, 5)
                    .optConfiguration("model", "mlp 24").build()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, other::train);
                assertTrue(e.getMessage().contains("another configuration"), e.getMessage());
                assertTrue(e.getMessage().contains("model = mlp 32x32 there, mlp 24 here"), e.getMessage());
            }
        }
    }

    @Test
    void aStopRequestWritesACheckpointThatTheNextRunResumesFrom(@TempDir Path dir) throws Exception {
        try (NDManager scope = manager.newSubManager()) {
            BlockVelocityField field = TrainerFixture.mlp(scope, 2, 16);
            FlowTrainer[] holder = new FlowTrainer[1];
            ProgressListener stopAtSeven = new ProgressListener() {
                @Override
                public void onStep(long step, long total, double loss, double rate) {
                    if (step == 7) {
                        holder[0].requestStop();
                    }
                }
            };
            try (FlowTrainer trainer = richConfiguration(field, 30).optCheckpoints(dir, 25).optProgress(stopAtSeven).build()) {
                holder[0] = trainer;
                TrainingResult result = trainer.train();
                assertTrue(result.stopped());
                assertEquals(7, result.steps());
            }
            Path latest = Checkpoint.latestFolder(dir).orElseThrow();
            assertEquals("step-00000007", latest.getFileName().toString());
            Checkpoint checkpoint = Checkpoint.load(dir);
            assertEquals(7, checkpoint.provenance().step());
            assertEquals(11, checkpoint.provenance().seed());
            assertEquals(EIGHT.describe(), checkpoint.provenance().dataset());
            assertEquals("mlp 32x32", checkpoint.provenance().configuration().get("model"));
            assertFalse(checkpoint.provenance().djlVersion().isBlank());
            try (FlowTrainer again = richConfiguration(field, 30).optCheckpoints(dir, 25).build()) {
                TrainingResult result = again.train();
                assertEquals(30, result.steps());
                assertEquals(23, result.stepsThisRun());
                assertFalse(result.stopped());
            }
            try (var files = Files.list(dir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".partial")), "no partial folder left");
            }
        }
    }

    @Test
    void aBatchWithNanIsRejectedNamingTheSample() {
        FlowDataSource broken = new FlowDataSource() {
            @Override
            public HostBatch next(long step, int batchSize, SeededRandom random) {
                float[] x1 = Toy2d.MOONS.sample(batchSize, random);
                x1[7] = Float.NaN;
                return new HostBatch(batchSize, new Shape(2), Toy2d.GAUSSIAN.sample(batchSize, random), x1, null);
            }

            @Override
            public String describe() {
                return "broken";
            }
        };
        try (NDManager scope = manager.newSubManager();
                FlowTrainer trainer = FlowTrainer.builder().setField(TrainerFixture.mlp(scope, 1, 8)).setData(broken)
                        .setSteps(3).setSeed(1).optBatchSize(8).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, trainer::train);
            assertTrue(e.getMessage().contains("x1 sample 3 holds a non-finite value"), e.getMessage());
        }
    }

    @Test
    void missingOrInvalidSettingsAreNamed() {
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> FlowTrainer.builder().setField(TrainerFixture.mlp(manager, 1, 4)).setData(EIGHT).setSteps(1).build());
        assertTrue(seed.getMessage().contains("seed is not set"), seed.getMessage());
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                () -> FlowTrainer.builder().setData(EIGHT).setSteps(1).setSeed(1).build());
        assertTrue(field.getMessage().contains("velocity field is not set"), field.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HostBatch(2, new Shape(2), new float[4], new float[3], null));
    }

    @Test
    void otCouplingTrainsStraighterFlowsThanIndependentCoupling() {
        double[] excess = new double[2];
        Coupling[] couplings = {Coupling.independent(), Coupling.exactOt()};
        float[] start = Toy2d.GAUSSIAN.sample(512, SeededRandom.of(77));
        for (int k = 0; k < 2; k++) {
            try (NDManager scope = manager.newSubManager()) {
                BlockVelocityField field = TrainerFixture.mlp(scope, 3, 64, 64);
                try (FlowTrainer trainer = FlowTrainer.builder().setField(field).setData(EIGHT).setSteps(1500).setSeed(4)
                        .optBatchSize(128).optCoupling(couplings[k])
                        .optOptimizer(Adam.builder().optLearningRate(2e-3).build()).build()) {
                    trainer.train();
                }
                NDArray x0 = scope.create(start, new Shape(512, 2));
                Solution s = OdeSolver.rk4().solve(field.withCondition(new NDList()), x0, TimeGrid.uniform(40), true);
                excess[k] = Trajectories.excessLength(s.trajectory());
                // Both flows must reach the eight modes: mean radius close to 5.
                float[] end = s.state().toFloatArray();
                double radius = 0;
                for (int i = 0; i < 512; i++) {
                    radius += Math.hypot(end[2 * i], end[2 * i + 1]) / 512;
                }
                assertEquals(5.0, radius, 0.5, couplings[k].name() + " mean radius");
            }
        }
        assertTrue(excess[1] < 0.5 * excess[0],
                "OT excess path length " + excess[1] + " should be well below independent " + excess[0]);
    }
}
