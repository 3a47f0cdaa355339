package io.flowkit.flow.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.coupling.Coupling;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.BellmanOptimalSteps;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.model.ActivationFunction;
import io.flowkit.flow.model.BlockVelocityField;
import io.flowkit.flow.model.MlpBlock;
import io.flowkit.flow.model.SeededInitializer;
import io.flowkit.flow.model.TimeFeatures;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.Solution;
import io.flowkit.flow.solve.Trajectories;
import io.flowkit.flow.solve.VelocityFunction;
import io.flowkit.flow.toy.Toy2d;
import io.flowkit.flow.toy.Toy2dSource;
import io.flowkit.flow.train.Adam;
import io.flowkit.flow.train.FlowTrainer;
import io.flowkit.flow.train.LearningRateSchedule;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.flow.train.TrainingResult;
import java.util.List;

/**
 * The engine's 2D benchmark: for each problem (a source and a target distribution) and each
 * coupling, train an MLP velocity field, then measure how close generated samples come to held-out
 * target samples under a caller-supplied distance: with an accurate adaptive solver (the
 * reference), with Euler on uniform grids and on Bellman-optimal (BOSS) grids of 1 to 128 steps,
 * and the number of function evaluations (NFE) each needs to come within the sampling noise of the
 * reference. Also records training and sampling speed and the straightness of the trajectories.
 */
public final class Toy2dBenchmark {

    /** A distance between two 2D sample sets (interleaved {@code x, y}), e.g. the energy distance. */
    @FunctionalInterface
    public interface Distance {
        /**
         * @param a first set
         * @param b second set
         * @return a non-negative distance
         */
        double between(float[] a, float[] b);
    }

    /**
     * A transport problem.
     *
     * @param source the distribution at {@code t = 0}
     * @param target the distribution at {@code t = 1}
     */
    public record Problem(Toy2d source, Toy2d target) {
        /** @return e.g. {@code gaussian->moons} */
        public String name() {
            return source.id() + "->" + target.id();
        }
    }

    /**
     * The outcome of one problem and coupling.
     *
     * @param problem the problem's name
     * @param coupling the coupling's name
     * @param trainSteps training steps
     * @param trainSeconds training wall time
     * @param finalLoss mean loss over the last 100 steps
     * @param referenceDistance distance of the reference (Dopri5) samples to held-out data
     * @param referenceNfe the reference's function evaluations
     * @param noiseFloor distance between two independent held-out sets of the same size
     * @param threshold the quality level: reference distance plus noise floor
     * @param steps the step counts tried with Euler
     * @param eulerDistance distance with Euler on uniform grids, per step count
     * @param bossDistance distance with Euler on BOSS grids, per step count
     * @param nfeUniform least Euler NFE on uniform grids reaching the threshold, or −1
     * @param nfeBoss least Euler NFE on BOSS grids reaching the threshold, or −1
     * @param excessLength the trajectories' excess path length (0 = straight)
     * @param pointsPerSecond sampling throughput: points × steps per second with Euler
     * @param generated the reference samples, interleaved (for plots)
     * @param heldOut held-out target samples, interleaved
     */
    public record Result(String problem, String coupling, long trainSteps, double trainSeconds, double finalLoss,
            double referenceDistance, int referenceNfe, double noiseFloor, double threshold, int[] steps,
            double[] eulerDistance, double[] bossDistance, int nfeUniform, int nfeBoss, double excessLength,
            double pointsPerSecond, float[] generated, float[] heldOut) {}

    private final long trainSteps;
    private final int batchSize;
    private final int[] hidden;
    private final double learningRate;
    private final int evalSamples;
    private final int[] steps;
    private final long seed;
    private final Distance distance;

    private Toy2dBenchmark(Builder b) {
        this.trainSteps = b.trainSteps;
        this.batchSize = b.batchSize;
        this.hidden = b.hidden.clone();
        this.learningRate = b.learningRate;
        this.evalSamples = b.evalSamples;
        this.steps = b.steps.clone();
        this.seed = b.seed;
        this.distance = b.distance;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the standard problems: N(0, I) to 8 Gaussians, moons, checkerboard, and 8 Gaussians to moons */
    public static List<Problem> standardProblems() {
        return List.of(new Problem(Toy2d.GAUSSIAN, Toy2d.EIGHT_GAUSSIANS), new Problem(Toy2d.GAUSSIAN, Toy2d.MOONS),
                new Problem(Toy2d.GAUSSIAN, Toy2d.CHECKERBOARD), new Problem(Toy2d.EIGHT_GAUSSIANS, Toy2d.MOONS));
    }

    /**
     * The standard couplings: independent, exact minibatch OT, entropic minibatch OT (Sinkhorn,
     * ε = 0.05 of the largest cost) and weighted CFM (ε = 3 × the mean squared pair distance; at
     * ε = 1 it straightens more but visibly tilts the learned marginals).
     *
     * @return the couplings
     */
    public static List<Coupling> standardCouplings() {
        return List.of(Coupling.independent(), Coupling.exactOt(), Coupling.sinkhorn(0.05), Coupling.weighted(3.0));
    }

    /** @return a description of the settings, for reports */
    public String describe() {
        return "mlp " + java.util.Arrays.toString(hidden) + " selu, fourier time features, adam lr " + learningRate
                + " cosine decay, batch " + batchSize + ", " + trainSteps + " steps, seed " + seed + ", " + evalSamples
                + " evaluation samples";
    }

    /**
     * Trains and evaluates one problem with one coupling.
     *
     * @param problem the problem
     * @param coupling the coupling
     * @param progress hears about training progress
     * @return the result
     */
    public Result run(Problem problem, Coupling coupling, ProgressListener progress) {
        try (NDManager manager = FlowEngine.newManager()) {
            MlpBlock block = MlpBlock.builder().setStateSize(2).optHidden(hidden).optActivation(ActivationFunction.SELU)
                    .optTimeFeatures(TimeFeatures.fourier(8, 16)).build();
            SeededInitializer.initialize(block, manager, seed, new Shape(1, 2), new Shape(1));
            BlockVelocityField field = BlockVelocityField.of(block);
            TrainingResult training;
            try (FlowTrainer trainer = FlowTrainer.builder().setField(field).setData(new Toy2dSource(problem.source(),
                    problem.target())).setSteps(trainSteps).setSeed(seed).optBatchSize(batchSize).optCoupling(coupling)
                    .optOptimizer(Adam.builder().optLearningRate(
                            LearningRateSchedule.warmupCosine(learningRate, trainSteps / 20, trainSteps, learningRate / 20)).build())
                    .optEma(0.99).optProgress(progress).build()) {
                training = trainer.train();
                trainer.ema().orElseThrow().copyToParameters();
            }
            return evaluate(problem, coupling, field, training, manager);
        }
    }

    private Result evaluate(Problem problem, Coupling coupling, BlockVelocityField field, TrainingResult training,
            NDManager manager) {
        SeededRandom random = SeededRandom.of(seed).split(1);
        float[] start = problem.source().sample(evalSamples, random);
        float[] heldOut = problem.target().sample(evalSamples, random);
        float[] secondHeldOut = problem.target().sample(evalSamples, random);
        double noise = distance.between(heldOut, secondHeldOut);
        VelocityFunction v = field.withCondition(new NDList());
        Shape shape = new Shape(evalSamples, 2);
        float[] generated;
        int referenceNfe;
        double excess;
        try (NDManager scope = manager.newSubManager()) {
            Solution reference = OdeSolver.dopri5(1e-5, 1e-5).solve(v, scope.create(start, shape), TimeGrid.of(0, 1));
            generated = reference.state().toFloatArray();
            referenceNfe = reference.evaluations();
            excess = Trajectories.excessLength(OdeSolver.rk4().solve(v, scope.create(start, shape), TimeGrid.uniform(32), true)
                    .trajectory());
        }
        double referenceDistance = distance.between(generated, heldOut);
        double threshold = referenceDistance + noise;
        double[] euler = new double[steps.length];
        double[] boss = new double[steps.length];
        int maxSteps = java.util.Arrays.stream(steps).max().orElse(1);
        double[][] bossCosts;
        try (NDManager scope = manager.newSubManager()) {
            float[] bossStart = problem.source().sample(256, SeededRandom.of(seed).split(2));
            bossCosts = BellmanOptimalSteps.costs(v, scope.create(bossStart, new Shape(256, 2)), Math.max(maxSteps, 128));
        }
        for (int i = 0; i < steps.length; i++) {
            euler[i] = distance.between(sampleEuler(v, start, TimeGrid.uniform(steps[i]), manager), heldOut);
            boss[i] = distance.between(sampleEuler(v, start, BellmanOptimalSteps.fromCosts(bossCosts, steps[i]), manager),
                    heldOut);
        }
        double pointsPerSecond = samplingSpeed(v, start, manager);
        return new Result(problem.name(), coupling.name(), training.steps(), training.seconds(), training.recentLoss(100),
                referenceDistance, referenceNfe, noise, threshold, steps.clone(), euler, boss, firstBelow(euler, threshold),
                firstBelow(boss, threshold), excess, pointsPerSecond, generated, heldOut);
    }

    private int firstBelow(double[] distances, double threshold) {
        for (int i = 0; i < distances.length; i++) {
            if (distances[i] <= threshold) {
                return steps[i];
            }
        }
        return -1;
    }

    private float[] sampleEuler(VelocityFunction v, float[] start, TimeGrid grid, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            return OdeSolver.euler().solve(v, scope.create(start, new Shape(start.length / 2, 2)), grid).state().toFloatArray();
        }
    }

    /** Euler with 100 steps on the evaluation batch, timed after one warm-up run. */
    private double samplingSpeed(VelocityFunction v, float[] start, NDManager manager) {
        sampleEuler(v, start, TimeGrid.uniform(10), manager);
        long t0 = System.nanoTime();
        sampleEuler(v, start, TimeGrid.uniform(100), manager);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return (start.length / 2.0) * 100 / seconds;
    }

    /** Configures a {@link Toy2dBenchmark}. */
    public static final class Builder {
        private long trainSteps = 1000;
        private int batchSize = 256;
        private int[] hidden = {128, 128, 128};
        private double learningRate = 2e-3;
        private int evalSamples = 2000;
        private int[] steps = {1, 2, 4, 8, 16, 32, 64, 128};
        private long seed;
        private boolean seedSet;
        private Distance distance;

        private Builder() {}

        /**
         * @param d the distance between sample sets (required), e.g. the energy distance
         * @return this builder
         */
        public Builder setDistance(Distance d) {
            this.distance = d;
            return this;
        }

        /**
         * @param value the seed of training and evaluation (required)
         * @return this builder
         */
        public Builder setSeed(long value) {
            this.seed = value;
            this.seedSet = true;
            return this;
        }

        /**
         * @param value training steps (default 1000)
         * @return this builder
         */
        public Builder optTrainSteps(long value) {
            this.trainSteps = value;
            return this;
        }

        /**
         * @param value batch size (default 256)
         * @return this builder
         */
        public Builder optBatchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * @param widths hidden layer widths (default 128, 128, 128)
         * @return this builder
         */
        public Builder optHidden(int... widths) {
            this.hidden = widths.clone();
            return this;
        }

        /**
         * @param value peak learning rate (default 2e-3)
         * @return this builder
         */
        public Builder optLearningRate(double value) {
            this.learningRate = value;
            return this;
        }

        /**
         * @param value generated and held-out samples per evaluation (default 2000)
         * @return this builder
         */
        public Builder optEvalSamples(int value) {
            this.evalSamples = value;
            return this;
        }

        /**
         * @param counts Euler step counts to try, increasing (default 1, 2, 4, …, 128)
         * @return this builder
         */
        public Builder optSteps(int... counts) {
            this.steps = counts.clone();
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the benchmark
         * @throws IllegalArgumentException naming the first missing or invalid setting
         */
        public Toy2dBenchmark build() {
            if (distance == null) {
                throw new IllegalArgumentException("distance is not set");
            }
            if (!seedSet) {
                throw new IllegalArgumentException("seed is not set");
            }
            if (trainSteps < 1 || batchSize < 1 || evalSamples < 2) {
                throw new IllegalArgumentException("train steps, batch size and evaluation samples must be positive: "
                        + trainSteps + ", " + batchSize + ", " + evalSamples);
            }
            if (steps.length == 0) {
                throw new IllegalArgumentException("no step counts to try");
            }
            for (int i = 0; i < steps.length; i++) {
                if (steps[i] < 1 || (i > 0 && steps[i] <= steps[i - 1])) {
                    throw new IllegalArgumentException("step counts must be positive and increasing: "
                            + java.util.Arrays.toString(steps));
                }
            }
            return new Toy2dBenchmark(this);
        }
    }
}
