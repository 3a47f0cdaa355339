package io.flowkit.molecules.train;

import ai.djl.Device;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.coupling.Coupling;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.engine.Versions;
import io.flowkit.flow.path.AffinePath;
import io.flowkit.flow.time.TimeSampler;
import io.flowkit.flow.train.Adam;
import io.flowkit.flow.train.FlowTrainer;
import io.flowkit.flow.train.LearningRateSchedule;
import io.flowkit.flow.train.TrainingOptions;
import io.flowkit.flow.train.TrainingResult;
import io.flowkit.molecules.data.TsGenDataSource;
import io.flowkit.molecules.featurize.ReactionFrame;
import io.flowkit.molecules.model.TsGenConfig;
import io.flowkit.molecules.model.TsGenModel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a TS-GEN model: the linear path {@code x_t = t·x1 + (1 − t)·x0} from the prior to the
 * transition state, target {@code x1 − x0}, loss on real atoms (TS-GEN, section "Flow matching"),
 * uniform times, independent coupling (each prior sample belongs to its reaction), AdamW with
 * warm-up and cosine decay, gradient clipping, EMA weights. Each reaction is also used reversed
 * (P to R passes through the same transition state), which doubles the data. Checkpoints make a run resumable; the
 * returned model carries the EMA weights and the provenance (data, split, seed, configuration).
 */
public final class TsGenTraining {

    /** Steps in a row whose loss or gradient is not finite that are skipped before the run fails. */
    public static final int MAX_SKIPPED_STEPS = 20;

    private final TsGenConfig config;
    private final List<Reaction> train;
    private final String dataset;
    private final TrainingOptions.Shared options;
    private final boolean reverse;
    private final double clipGradNorm;
    private volatile FlowTrainer running;
    private volatile boolean stopRequested;

    private TsGenTraining(Builder b) {
        this.config = b.config;
        this.train = b.train;
        this.dataset = b.dataset;
        this.options = b.shared();
        this.reverse = b.reverse;
        this.clipGradNorm = b.clipGradNorm;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains (resuming from the newest checkpoint when a checkpoint folder is set).
     *
     * @return the trained model with EMA weights and provenance
     * @throws IllegalArgumentException if a training reaction is unusable (named in the message)
     */
    public Trained run() {
        return runWith(model -> { });
    }

    /**
     * Trains as {@link #run()}, first handing the new model to an observer (for example to evaluate
     * it from a progress listener while it trains).
     *
     * @param observer receives the model before training starts
     * @return the trained model with EMA weights and provenance
     */
    public Trained runWith(java.util.function.Consumer<TsGenModel> observer) {
        List<ReactionFrame> frames = new ArrayList<>();
        for (Reaction r : train) {
            frames.add(ReactionFrame.of(r, ReactionFrame.DEFAULT_MIN_DISTANCE));
            if (reverse) {
                // The reversed reaction P → R passes through the same transition state.
                frames.add(ReactionFrame.of(Reaction.builder().setId(r.id() + " (reversed)").setReactant(r.product())
                        .setProduct(r.reactant()).optTransitionState(r.transitionState().orElseThrow()).build(),
                        ReactionFrame.DEFAULT_MIN_DISTANCE));
            }
        }
        TsGenDataSource source = new TsGenDataSource(frames, config, dataset);
        long steps = options.steps();
        double learningRate = options.learningRate();
        TsGenModel model = TsGenModel.create(config, options.seed(), Device.cpu());
        observer.accept(model);
        FlowTrainer.Builder builder = FlowTrainer.builder().setField(model.field()).setData(source).setSteps(steps)
                .setSeed(options.seed()).optBatchSize(options.batchSize()).optPath(AffinePath.linear()).optCoupling(Coupling.independent())
                .optTimeSampler(TimeSampler.uniform())
                .optOptimizer(Adam.builderW().optWeightDecay(1e-5).optLearningRate(
                        LearningRateSchedule.warmupCosine(learningRate, Math.min(500, steps / 10), steps, learningRate / 50))
                        .build())
                .optEma(options.emaDecay()).optClipGradNorm(clipGradNorm).optProgress(options.progress())
                // A rare batch overflowed once on RDB7 (step 5,145 of a 96 × 6 run): skip such steps, not the run.
                .optSkipNonFinite(MAX_SKIPPED_STEPS);
        config.describe().forEach(builder::optConfiguration);
        if (options.checkpoints() != null) {
            builder.optCheckpoints(options.checkpoints(), options.checkpointEvery(Math.max(100, steps / 20)));
        }
        TrainingResult result;
        Map<String, String> configuration;
        long skipped;
        try (FlowTrainer trainer = builder.build()) {
            running = trainer;
            if (stopRequested) {
                trainer.requestStop();
            }
            result = trainer.train();
            running = null;
            configuration = new LinkedHashMap<>(trainer.configuration());
            skipped = trainer.skippedSteps();
            trainer.ema().ifPresent(ema -> ema.copyToParameters());
        }
        configuration.put("training.steps", Long.toString(result.steps()));
        configuration.put("training.learningRate", Double.toString(learningRate));
        configuration.put("training.reverseAugmentation", Boolean.toString(reverse));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss.last100", result.recentLoss(100));
        metrics.put("training.seconds", result.seconds());
        metrics.put("training.skippedSteps", (double) skipped);
        Provenance provenance = new Provenance(Versions.flowkit(), Versions.djl(), Versions.engine(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), options.seed(), result.steps(), dataset, configuration,
                metrics, FlowEngine.threads());
        return new Trained(model, provenance, result);
    }

    /**
     * Asks a running training to write a checkpoint after its current step and stop (for example
     * from a shutdown hook on Ctrl-C); the next run with the same checkpoint folder resumes.
     */
    public void requestStop() {
        stopRequested = true;
        FlowTrainer trainer = running;
        if (trainer != null) {
            trainer.requestStop();
        }
    }

    /**
     * A trained model with what produced it.
     *
     * @param model the model, EMA weights loaded; close it when done
     * @param provenance where it comes from, to save with it
     * @param training the training run
     */
    public record Trained(TsGenModel model, Provenance provenance, TrainingResult training) implements AutoCloseable {

        /** Closes the model. */
        @Override
        public void close() {
            model.close();
        }
    }

    /** Configures a {@link TsGenTraining}. */
    public static final class Builder extends TrainingOptions<Builder> {
        private TsGenConfig config = TsGenConfig.defaults();
        private List<Reaction> train;
        private String dataset = "unnamed";
        private boolean reverse = true;
        private double clipGradNorm = 1.0;

        private Builder() {
            super(20_000, 32, 1e-3, 0.999);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param maxNorm global gradient-norm clip, 0 for none (default 1)
         * @return this builder
         */
        public Builder optClipGradNorm(double maxNorm) {
            this.clipGradNorm = maxNorm;
            return this;
        }

        /**
         * Adds each reaction reversed (P to R, same transition state) to the training data (default on).
         *
         * @param value whether to add the reversed reactions
         * @return this builder
         */
        public Builder optReverseAugmentation(boolean value) {
            this.reverse = value;
            return this;
        }

        /**
         * @param reactions training reactions with transition states (required)
         * @param description what they are, for provenance (e.g. "grambow-842 train split (642, seed 842)")
         * @return this builder
         * @throws IllegalArgumentException if a reaction has no transition state (named in the message)
         */
        public Builder setTrainingData(List<Reaction> reactions, String description) {
            for (Reaction r : reactions) {
                if (r.transitionState().isEmpty()) {
                    throw new IllegalArgumentException("training reaction " + r.id() + " has no transition state");
                }
            }
            this.train = List.copyOf(reactions);
            this.dataset = description;
            return this;
        }

        /**
         * @param value architecture and prior (default {@link TsGenConfig#defaults()})
         * @return this builder
         */
        public Builder optConfig(TsGenConfig value) {
            this.config = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the training
         * @throws IllegalArgumentException naming the first missing or invalid setting
         */
        public TsGenTraining build() {
            if (train == null || train.isEmpty()) {
                throw new IllegalArgumentException("training data is not set");
            }
            checkShared();
            return new TsGenTraining(this);
        }
    }
}
