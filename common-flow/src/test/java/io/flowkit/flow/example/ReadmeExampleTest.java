package io.flowkit.flow.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.coupling.Coupling;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.BellmanOptimalSteps;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.model.BlockVelocityField;
import io.flowkit.flow.model.MlpBlock;
import io.flowkit.flow.model.SeededInitializer;
import io.flowkit.flow.model.TimeFeatures;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.Solution;
import io.flowkit.flow.solve.VelocityFunction;
import io.flowkit.flow.time.TimeSampler;
import io.flowkit.flow.toy.Toy2d;
import io.flowkit.flow.toy.Toy2dSource;
import io.flowkit.flow.train.Adam;
import io.flowkit.flow.train.FlowTrainer;
import io.flowkit.flow.train.LearningRateSchedule;
import io.flowkit.flow.train.ProgressListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's engine example, shortened, must compile and produce a sensible flow. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRuns(@TempDir Path runs) {
        try (NDManager manager = FlowEngine.newManager()) {
            MlpBlock block = MlpBlock.builder().setStateSize(2).optHidden(128, 128, 128)
                    .optTimeFeatures(TimeFeatures.fourier(8, 16)).build();
            SeededInitializer.initialize(block, manager, 42, new Shape(1, 2), new Shape(1));
            BlockVelocityField field = BlockVelocityField.of(block);

            try (FlowTrainer trainer = FlowTrainer.builder()
                    .setField(field)
                    .setData(new Toy2dSource(Toy2d.GAUSSIAN, Toy2d.MOONS))
                    .setSteps(300).setSeed(42)
                    .optCoupling(Coupling.exactOt())
                    .optTimeSampler(TimeSampler.logitNormal(0, 1))
                    .optOptimizer(Adam.builderW().optLearningRate(
                            LearningRateSchedule.warmupCosine(2e-3, 30, 300, 1e-4)).build())
                    .optEma(0.99).optClipGradNorm(1.0)
                    .optCheckpoints(runs.resolve("moons"), 100)
                    .optProgress(ProgressListener.silent())
                    .build()) {
                assertEquals(300, trainer.train().steps());
                trainer.ema().orElseThrow().copyToParameters();
            }

            NDArray x0 = manager.create(Toy2d.GAUSSIAN.sample(2000, SeededRandom.of(1)), new Shape(2000, 2));
            VelocityFunction v = field.withCondition(new NDList());
            Solution exact = OdeSolver.dopri5(1e-5, 1e-5).solve(v, x0, TimeGrid.of(0, 1));
            TimeGrid boss = BellmanOptimalSteps.compute(v, x0.get("0:256"), 128, 4);
            Solution fast = OdeSolver.euler().solve(v, x0, boss);
            assertEquals(4, fast.evaluations());
            // With OT coupling four Bellman-optimal Euler steps land close to the accurate solution.
            double gap = fast.state().sub(exact.state()).square().sum(new int[] {1}).sqrt().mean().getFloat();
            double spread = exact.state().sub(exact.state().mean(new int[] {0})).square().sum(new int[] {1}).sqrt()
                    .mean().getFloat();
            assertTrue(gap < 0.1 * spread, "4-step Euler is off by " + gap + " against a spread of " + spread);
        }
    }
}
