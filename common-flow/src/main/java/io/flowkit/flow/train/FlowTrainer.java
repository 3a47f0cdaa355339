package io.flowkit.flow.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.flowkit.flow.checkpoint.Checkpoint;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.coupling.CoupledBatch;
import io.flowkit.flow.coupling.Coupling;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.engine.Versions;
import io.flowkit.flow.loss.FlowLoss;
import io.flowkit.flow.loss.LossContext;
import io.flowkit.flow.loss.LossValue;
import io.flowkit.flow.model.VelocityField;
import io.flowkit.flow.path.AffinePath;
import io.flowkit.flow.path.HostPathSample;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.time.TimeSampler;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a velocity field by conditional flow matching (Lipman et al. 2023; Tong et al. 2024):
 * each step draws a batch, couples source and data samples, draws times, samples the path
 * ({@code t = 0} source, {@code t = 1} data), regresses the network on the target velocity and
 * applies Adam/AdamW with optional gradient-norm clipping and an EMA of the weights.
 *
 * <p>All randomness comes from one {@link SeededRandom} stream whose state is checkpointed with
 * the weights, the EMA and the optimizer moments, so a run resumed from a checkpoint continues
 * bit for bit like an uninterrupted one. {@link #requestStop()} (for example from a shutdown hook
 * on Ctrl-C) makes {@link #train()} write a checkpoint after the current step and return.
 */
public final class FlowTrainer implements AutoCloseable {

    private final VelocityField field;
    private final FlowDataSource data;
    private final int batchSize;
    private final AffinePath path;
    private final Coupling coupling;
    private final TimeSampler timeSampler;
    private final FlowLoss loss;
    private final double clipGradNorm;
    private final int maxSkips;
    private int consecutiveSkips;
    private long skippedSteps;
    private final long seed;
    private final Map<String, String> configuration;

    private final ModelParameters parameters;
    private final NDManager base;
    private final Engine engine;
    private final ResumableLoop loop;
    private volatile boolean stopRequested;

    private FlowTrainer(Builder b) {
        this.field = b.field;
        this.data = b.data;
        this.batchSize = b.batchSize;
        this.path = b.path;
        this.coupling = b.coupling;
        this.timeSampler = b.timeSampler;
        this.loss = b.loss;
        this.clipGradNorm = b.clipGradNorm;
        this.maxSkips = b.maxSkips;
        this.seed = b.seed;
        this.engine = FlowEngine.get();
        this.parameters = ModelParameters.of(field.block());
        this.base = parameters.parameters().get(0).getArray().getManager();
        Map<String, String> config = new LinkedHashMap<>(b.extraConfiguration);
        config.put("trainer.batchSize", Integer.toString(batchSize));
        config.put("trainer.path", path.scheduler().name());
        config.put("trainer.coupling", coupling.name());
        config.put("trainer.timeSampler", timeSampler.name());
        config.put("trainer.loss", loss.describe());
        config.put("trainer.optimizer", b.adam.describe());
        config.put("trainer.ema", Double.toString(b.emaDecay));
        config.put("trainer.clipGradNorm", Double.toString(clipGradNorm));
        if (maxSkips > 0) {
            config.put("trainer.skipNonFinite", Integer.toString(maxSkips));
        }
        config.put("trainer.seed", Long.toString(seed));
        config.put("trainer.parameters", Long.toString(parameters.count()));
        this.configuration = Map.copyOf(config);
        // The one engine loop: checkpoints, resume, EMA, random stream, progress and stop.
        this.loop = ResumableLoop.builder().setParameters(parameters, base)
                .setOptimizer(b.adam).setSteps(b.steps, seed).setProvenance(configuration, (at, losses) -> provenance(Map.of(), at, losses))
                .optEma(b.emaDecay).optCheckpoints(b.checkpointDirectory, b.checkpointEvery)
                .optKeepCheckpoints(b.keepCheckpoints).optProgress(b.progress).optStopSignal(() -> stopRequested)
                .optSkippedSteps(true).optCopyEmaAtEnd(false).build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every setting that shapes the run, as recorded in checkpoints */
    public Map<String, String> configuration() {
        return configuration;
    }

    /** @return the number of finished steps */
    public long step() {
        return loop.step();
    }

    /** @return the EMA of the weights, if enabled */
    public Optional<ExponentialMovingAverage> ema() {
        return loop.ema();
    }

    /** Asks {@link #train()} to checkpoint after the current step and return; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Loads the newest checkpoint in the checkpoint directory, if any, and continues from it.
     *
     * @return whether a checkpoint was loaded
     * @throws IllegalArgumentException if the checkpoint was written by another configuration
     * @throws UncheckedIOException if it cannot be read
     */
    public boolean resume() {
        return loop.resume();
    }

    /**
     * Restores weights, EMA, optimizer moments, random state and loss history from a checkpoint.
     *
     * @param checkpoint a checkpoint written by the same configuration
     * @throws IllegalArgumentException if the configuration or the tensors differ
     */
    public void restore(Checkpoint checkpoint) {
        loop.restore(checkpoint);
    }

    /**
     * Trains until the configured number of steps (resuming from the newest checkpoint first when a
     * checkpoint directory is set), or until {@link #requestStop()}: the step runs inside the
     * engine's {@link ResumableLoop}.
     *
     * @return the result
     * @throws IllegalStateException if the loss becomes non-finite (the message names the step)
     */
    public TrainingResult train() {
        ResumableLoop.Result r = loop.run((step, random, optimizer) -> runStep(step, random, optimizer));
        return new TrainingResult(r.steps(), r.losses(), r.lastCheckpoint(), r.seconds(), r.stepsThisRun(),
                stopRequested && !r.complete());
    }

    /**
     * The checkpoint of the current state, in memory.
     *
     * @param metrics values to record, e.g. evaluation results
     * @return the checkpoint
     */
    public Checkpoint checkpoint(Map<String, Double> metrics) {
        return loop.checkpoint(provenance(metrics, loop.step(), loop.losses()));
    }

    private Provenance provenance(Map<String, Double> metrics, long step, List<Double> history) {
        Map<String, Double> allMetrics = new LinkedHashMap<>(metrics);
        if (!history.isEmpty()) {
            int n = history.size();
            allMetrics.put("loss.last100", history.subList(Math.max(0, n - 100), n).stream()
                    .mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        }
        return new Provenance(Versions.flowkit(), Versions.djl(), Versions.engine(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seed, step, data.describe(),
                configuration, allMetrics, FlowEngine.threads());
    }

    private double runStep(long step, SeededRandom random, Adam.State optimizerState) {
        HostBatch batch = data.next(step, batchSize, random);
        CoupledBatch pairs = coupling.couple(batch.x0(), batch.x1(), batch.size(), random);
        float[] t = timeSampler.sample(batch.size(), random);
        HostPathSample sample = path.sample(pairs.x0(), pairs.x1(), t);
        Shape shape = batch.batchShape();
        try (NDManager scope = base.newSubManager()) {
            NDArray xt = scope.create(sample.xt(), shape);
            NDArray ut = scope.create(sample.ut(), shape);
            NDArray times = scope.create(t);
            NDList condition = batch.condition() == null ? new NDList() : batch.condition().apply(scope);
            NDArray x0 = scope.create(pairs.x0(), shape);
            NDArray x1 = scope.create(pairs.x1(), shape);
            NDArray mask = batch.mask() == null ? null : scope.create(batch.mask(), shape);
            double value;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDList outputs = field.forward(xt, times, condition, true);
                LossValue lossValue = loss.compute(new LossContext(outputs, ut, xt, times, x0, x1, condition, mask),
                        pairs.weights());
                collector.backward(lossValue.total());
                value = lossValue.total().getFloat();
            }
            if (!Double.isFinite(value) && maxSkips == 0) {
                throw new IllegalStateException("training diverged at step " + (step + 1) + ": the loss is " + value
                        + " (lower the learning rate, enable gradient clipping, or skip such steps with optSkipNonFinite)");
            }
            // One gradient norm serves both the overflow check and global gradient-norm clipping,
            // min(1, c / ‖g‖) (Pascanu et al. 2013). A non-finite loss is skipped like a non-finite gradient.
            double norm = !Double.isFinite(value) ? value
                    : maxSkips > 0 || clipGradNorm > 0 ? parameters.gradientNorm(scope) : 0;
            if (!Double.isFinite(norm)) {
                if (++consecutiveSkips > maxSkips) {
                    throw new IllegalStateException("training diverged at step " + (step + 1) + ": the "
                            + (Double.isFinite(value) ? "gradient norm" : "loss") + " is " + norm
                            + (maxSkips > 0 ? " (" + consecutiveSkips + " steps in a row)" : ""));
                }
                skippedSteps++;
                for (Parameter p : parameters.parameters()) {
                    NDArray g = p.getArray().getGradient();
                    g.set(new float[Math.toIntExact(g.size())]);
                }
                return value;
            }
            consecutiveSkips = 0;
            double scale = clipGradNorm > 0 && norm > clipGradNorm ? clipGradNorm / norm : 1;
            optimizerState.update(step, scale);
            return value; // the loop updates the EMA after a step that did not skip
        }
    }

    /** @return steps whose update was skipped because a gradient was not finite (see {@link Builder#optSkipNonFinite}) */
    public long skippedSteps() {
        return skippedSteps;
    }

    /** Frees the optimizer moments and EMA weights (not the model). */
    @Override
    public void close() {
        loop.close();
    }

    /** Configures a {@link FlowTrainer}. */
    public static final class Builder {
        private VelocityField field;
        private FlowDataSource data;
        private long steps;
        private int batchSize = 256;
        private AffinePath path = AffinePath.linear();
        private Coupling coupling = Coupling.independent();
        private TimeSampler timeSampler = TimeSampler.uniform();
        private FlowLoss loss = FlowLoss.velocityMse();
        private Adam adam = Adam.builder().build();
        private double emaDecay;
        private double clipGradNorm;
        private int maxSkips;
        private long seed;
        private boolean seedSet;
        private Path checkpointDirectory;
        private long checkpointEvery = 1000;
        private int keepCheckpoints = 2;
        private ProgressListener progress = ProgressListener.silent();
        private final Map<String, String> extraConfiguration = new LinkedHashMap<>();

        private Builder() {}

        /**
         * @param velocityField the network to train, initialised (required)
         * @return this builder
         */
        public Builder setField(VelocityField velocityField) {
            this.field = velocityField;
            return this;
        }

        /**
         * @param source the training batches (required)
         * @return this builder
         */
        public Builder setData(FlowDataSource source) {
            this.data = source;
            return this;
        }

        /**
         * @param total the step at which training ends (required, positive)
         * @return this builder
         */
        public Builder setSteps(long total) {
            this.steps = total;
            return this;
        }

        /**
         * @param seed the seed of every random draw (required: results are reproducible by design)
         * @return this builder
         */
        public Builder setSeed(long seed) {
            this.seed = seed;
            this.seedSet = true;
            return this;
        }

        /**
         * @param size samples per batch (default 256)
         * @return this builder
         */
        public Builder optBatchSize(int size) {
            this.batchSize = size;
            return this;
        }

        /**
         * @param probabilityPath the path (default linear)
         * @return this builder
         */
        public Builder optPath(AffinePath probabilityPath) {
            this.path = probabilityPath;
            return this;
        }

        /**
         * @param pairing the coupling (default independent)
         * @return this builder
         */
        public Builder optCoupling(Coupling pairing) {
            this.coupling = pairing;
            return this;
        }

        /**
         * @param sampler the training-time distribution (default uniform)
         * @return this builder
         */
        public Builder optTimeSampler(TimeSampler sampler) {
            this.timeSampler = sampler;
            return this;
        }

        /**
         * @param flowLoss the loss (default velocity MSE)
         * @return this builder
         */
        public Builder optLoss(FlowLoss flowLoss) {
            this.loss = flowLoss;
            return this;
        }

        /**
         * @param optimizer Adam or AdamW (default Adam, learning rate 1e-3)
         * @return this builder
         */
        public Builder optOptimizer(Adam optimizer) {
            this.adam = optimizer;
            return this;
        }

        /**
         * @param decay EMA decay in [0, 1); 0 turns the EMA off (default)
         * @return this builder
         */
        public Builder optEma(double decay) {
            this.emaDecay = decay;
            return this;
        }

        /**
         * @param maxConsecutive skip the update of a step whose loss or gradient norm is not finite
         *     (an overflow on one batch), at most this many steps in a row before failing; 0 fails at
         *     once (default). Skipped steps are counted ({@link FlowTrainer#skippedSteps()}). The
         *     setting is recorded but does not stop a checkpoint written without it from resuming.
         * @return this builder
         */
        public Builder optSkipNonFinite(int maxConsecutive) {
            this.maxSkips = maxConsecutive;
            return this;
        }

        /**
         * @param maxNorm clip the global gradient norm to this value; 0 turns clipping off (default)
         * @return this builder
         */
        public Builder optClipGradNorm(double maxNorm) {
            this.clipGradNorm = maxNorm;
            return this;
        }

        /**
         * Writes checkpoints and resumes from the newest one.
         *
         * @param directory where checkpoints go
         * @param every write one every this many steps (and at the end)
         * @return this builder
         */
        public Builder optCheckpoints(Path directory, long every) {
            this.checkpointDirectory = directory;
            this.checkpointEvery = every;
            return this;
        }

        /**
         * @param count how many checkpoints to keep (default 2)
         * @return this builder
         */
        public Builder optKeepCheckpoints(int count) {
            this.keepCheckpoints = count;
            return this;
        }

        /**
         * @param listener hears about progress (default silent)
         * @return this builder
         */
        public Builder optProgress(ProgressListener listener) {
            this.progress = listener;
            return this;
        }

        /**
         * Records a setting in checkpoints; resuming with a different value is refused.
         *
         * @param key the setting, e.g. {@code "model"}
         * @param value its value, e.g. the architecture description
         * @return this builder
         */
        public Builder optConfiguration(String key, String value) {
            this.extraConfiguration.put(key, value);
            return this;
        }

        /**
         * Validates the settings and builds the trainer.
         *
         * @return the trainer
         * @throws IllegalArgumentException naming the first missing or invalid setting
         */
        public FlowTrainer build() {
            if (field == null) {
                throw new IllegalArgumentException("velocity field is not set");
            }
            if (data == null) {
                throw new IllegalArgumentException("data source is not set");
            }
            if (steps < 1) {
                throw new IllegalArgumentException("number of steps is not positive: " + steps);
            }
            if (!seedSet) {
                throw new IllegalArgumentException("seed is not set: call setSeed");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size is not positive: " + batchSize);
            }
            if (path == null || coupling == null || timeSampler == null || loss == null || adam == null
                    || progress == null) {
                throw new IllegalArgumentException("path, coupling, time sampler, loss, optimizer and progress must not be null");
            }
            if (!(emaDecay >= 0 && emaDecay < 1)) {
                throw new IllegalArgumentException("EMA decay is not in [0, 1): " + emaDecay);
            }
            if (maxSkips < 0) {
                throw new IllegalArgumentException("skips is negative: " + maxSkips);
            }
            if (!(clipGradNorm >= 0) || !Double.isFinite(clipGradNorm)) {
                throw new IllegalArgumentException("gradient clip norm is negative: " + clipGradNorm);
            }
            if (checkpointDirectory != null && checkpointEvery < 1) {
                throw new IllegalArgumentException("checkpoint interval is not positive: " + checkpointEvery);
            }
            if (keepCheckpoints < 1) {
                throw new IllegalArgumentException("number of checkpoints to keep is not positive: " + keepCheckpoints);
            }
            return new FlowTrainer(this);
        }
    }
}
