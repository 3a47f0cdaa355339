package io.flowkit.flow.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.model.ActivationFunction;
import io.flowkit.flow.model.BlockVelocityField;
import io.flowkit.flow.model.MlpBlock;
import io.flowkit.flow.model.SeededInitializer;
import io.flowkit.flow.model.TimeFeatures;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.toy.Toy2d;
import io.flowkit.flow.toy.Toy2dSource;
import io.flowkit.flow.train.Adam;
import io.flowkit.flow.train.FlowTrainer;
import io.flowkit.flow.train.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the engine on the work of {@code torch_speed.py}: one conditional flow matching training
 * step of an MLP velocity field (inputs x and t, 3 hidden layers of 256, SELU; batch 256; Gaussian
 * source, 8 Gaussians target, uniform t, linear path, Adam, loss read back) and sampling 10,000
 * points with 100 Euler steps.
 */
public final class EngineSpeedBenchmark {

    /**
     * Figures at one thread count.
     *
     * @param threads intra-op threads
     * @param trainStepMillisMedian median training step
     * @param trainStepMillisP90 90th percentile training step
     * @param sampleSecondsMedian median time to sample 10,000 points with 100 Euler steps
     */
    public record Figures(int threads, double trainStepMillisMedian, double trainStepMillisP90, double sampleSecondsMedian) {}

    private EngineSpeedBenchmark() {}

    /**
     * Measures at a thread count, then restores the engine's thread setting.
     *
     * @param threads intra-op threads, positive
     * @param warmup training steps before timing
     * @param steps timed training steps
     * @param sampleRuns timed sampling runs (after one warm-up run)
     * @return the figures
     */
    public static Figures measure(int threads, int warmup, int steps, int sampleRuns) {
        if (threads < 1 || warmup < 0 || steps < 1 || sampleRuns < 1) {
            throw new IllegalArgumentException("threads, steps and runs must be positive: " + threads + ", " + steps + ", " + sampleRuns);
        }
        FlowEngine.get();
        int previous = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try (NDManager manager = FlowEngine.newManager()) {
            MlpBlock block = MlpBlock.builder().setStateSize(2).optHidden(256, 256, 256).optActivation(ActivationFunction.SELU)
                    .optTimeFeatures(TimeFeatures.raw()).build();
            SeededInitializer.initialize(block, manager, 0, new Shape(1, 2), new Shape(1));
            BlockVelocityField field = BlockVelocityField.of(block);
            List<Double> stepMillis = new ArrayList<>();
            ProgressListener timer = new ProgressListener() {
                private long last = System.nanoTime();

                @Override
                public void onStep(long step, long total, double loss, double rate) {
                    long now = System.nanoTime();
                    if (step > warmup) {
                        stepMillis.add((now - last) / 1e6);
                    }
                    last = now;
                }
            };
            try (FlowTrainer trainer = FlowTrainer.builder().setField(field)
                    .setData(new Toy2dSource(Toy2d.GAUSSIAN, Toy2d.EIGHT_GAUSSIANS)).setSteps(warmup + steps).setSeed(0)
                    .optBatchSize(256).optOptimizer(Adam.builder().optLearningRate(1e-3).build()).optProgress(timer).build()) {
                trainer.train();
            }
            float[] start = Toy2d.GAUSSIAN.sample(10_000, SeededRandom.of(1));
            double[] sampleSeconds = new double[sampleRuns];
            for (int run = -1; run < sampleRuns; run++) {
                try (NDManager scope = manager.newSubManager()) {
                    long t0 = System.nanoTime();
                    OdeSolver.euler().solve(field.withCondition(new NDList()), scope.create(start, new Shape(10_000, 2)),
                            TimeGrid.uniform(100)).state().toFloatArray();
                    if (run >= 0) {
                        sampleSeconds[run] = (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
            double[] millis = stepMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Figures(threads, median(millis), millis[(int) (0.9 * (millis.length - 1))], median(sampleSeconds));
        } finally {
            JniUtils.setNumThreads(previous);
        }
    }

    /**
     * The median of timings (the mean of the middle two for an even count).
     *
     * @param values the timings, at least one; not changed
     * @return their median
     */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
