package io.flowkit.pointclouds.train;

import ai.djl.Device;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.coupling.Coupling;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.engine.Versions;
import io.flowkit.flow.loss.FlowLoss;
import io.flowkit.flow.path.AffinePath;
import io.flowkit.flow.time.PiecewiseLinearCdf;
import io.flowkit.flow.time.TimeSampler;
import io.flowkit.flow.train.Adam;
import io.flowkit.flow.train.FlowTrainer;
import io.flowkit.flow.train.LearningRateSchedule;
import io.flowkit.flow.train.TrainingOptions;
import io.flowkit.flow.train.TrainingResult;
import io.flowkit.pointclouds.model.PufmConfig;
import io.flowkit.pointclouds.model.PufmModel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three training stages of PUFM++ (Liu et al. 2025):
 * <ol>
 *   <li>straight flow: {@code x0} = interpolated patch + 0.02·ε, {@code x1} the EMD-matched ground
 *       truth, {@code t = 1 − cos(u·π/2)}, loss {@code ‖v(x_t, t) − (x1 − x0)‖²};
 *   <li>refinement: from the stage-1 weights, the one-step prediction {@code x0 + v(x0, 0)} is
 *       trained against the ground truth with the Chamfer loss ({@link ChamferLoss});
 *   <li>adaptive schedule: the velocity loss is measured on a time grid ({@link LossProfile}) and
 *       stored with the model, whose sampler places its Euler steps by the loss's CDF.
 * </ol>
 * Each stage checkpoints into its own folder and resumes from it.
 */
public final class PufmTraining {

    /**
     * Steps in a row whose loss or gradient is not finite that are skipped (not applied) before the
     * training gives up, as in TS-GEN's training.
     */
    public static final int SKIP_NON_FINITE = 20;

    private final PufmConfig config;
    private final List<TrainingPatch> train;
    private final String dataset;
    private final TrainingOptions.Shared options;
    private final long stage2Steps;
    private volatile FlowTrainer running;
    private volatile boolean stopRequested;

    private PufmTraining(Builder b) {
        this.config = b.config;
        this.train = b.train;
        this.dataset = b.dataset;
        this.options = b.shared();
        this.stage2Steps = b.stage2Steps;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the stages (resuming each from its newest checkpoint when a checkpoint folder is set).
     *
     * @return the trained model with EMA weights, its loss profile and provenance; or, when a stop
     *     was requested, the model as far as it got
     */
    public Trained run() {
        PatchSource source = new PatchSource(train, config, true, dataset);
        long seed = options.seed();
        double learningRate = options.learningRate();
        PufmModel model = PufmModel.create(config, seed, Device.cpu());
        try {
            Map<String, String> configuration = new LinkedHashMap<>(config.describe());
            TrainingResult first = stage(model, source, 1, options.steps(), TimeSampler.cosine(), FlowLoss.velocityMse(),
                    learningRate, configuration);
            TrainingResult second = null;
            if (!stopRequested && stage2Steps > 0) {
                FlowLoss chamfer = FlowLoss.builder().optVelocityWeight(0).optAuxiliary(ChamferLoss.NAME, 1,
                        new ChamferLoss()).build();
                second = stage(model, source, 2, stage2Steps, TimeSampler.constant(0), chamfer, learningRate / 5,
                        configuration);
            }
            PiecewiseLinearCdf profile = null;
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("stage1.loss.last100", first.recentLoss(100));
            metrics.put("stage1.seconds", first.seconds());
            if (second != null) {
                metrics.put("stage2.chamfer.last100", second.recentLoss(100));
                metrics.put("stage2.seconds", second.seconds());
            }
            if (!stopRequested) {
                profile = LossProfile.measure(model, train.subList(0, Math.min(train.size(), 64)), 11, seed);
                double[] density = profile.density();
                for (int i = 0; i < density.length; i++) {
                    metrics.put("stage3.density.t" + i, density[i]);
                }
            }
            configuration.put("training.stage1Steps", Long.toString(options.steps()));
            configuration.put("training.stage2Steps", Long.toString(stage2Steps));
            configuration.put("training.learningRate", Double.toString(learningRate));
            configuration.put("training.patches", Integer.toString(train.size()));
            long steps = first.steps() + (second == null ? 0 : second.steps());
            Provenance provenance = new Provenance(Versions.flowkit(), Versions.djl(), Versions.engine(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seed, steps, dataset, configuration,
                    metrics, FlowEngine.threads());
            PufmModel result = profile == null ? model : model.withSchedule(profile);
            return new Trained(result, provenance, first, second, !stopRequested);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private TrainingResult stage(PufmModel model, PatchSource source, int stage, long steps, TimeSampler times,
            FlowLoss loss, double lr, Map<String, String> configuration) {
        FlowTrainer.Builder builder = FlowTrainer.builder().setField(model.field()).setData(source).setSteps(steps)
                .setSeed(options.seed() + stage).optBatchSize(options.batchSize()).optPath(AffinePath.linear())
                .optCoupling(Coupling.independent()).optTimeSampler(times).optLoss(loss)
                .optOptimizer(Adam.builderW().optWeightDecay(1e-5).optLearningRate(
                        LearningRateSchedule.warmupCosine(lr, Math.min(200, steps / 10), steps, lr / 20)).build())
                .optEma(options.emaDecay()).optClipGradNorm(1.0).optSkipNonFinite(SKIP_NON_FINITE)
                .optProgress(options.progress());
        config.describe().forEach(builder::optConfiguration);
        if (options.checkpoints() != null) {
            builder.optCheckpoints(options.checkpoints().resolve("stage" + stage),
                    options.checkpointEvery(Math.max(50, steps / 10)));
        }
        try (FlowTrainer trainer = builder.build()) {
            running = trainer;
            if (stopRequested) {
                trainer.requestStop();
            }
            TrainingResult result = trainer.train();
            running = null;
            trainer.configuration().forEach((k, v) -> configuration.put("stage" + stage + "." + k, v));
            trainer.ema().ifPresent(ema -> ema.copyToParameters());
            return result;
        }
    }

    /**
     * Asks a running training to write a checkpoint after its current step and stop; the next run
     * with the same checkpoint folder resumes.
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
     * @param model the model, EMA weights loaded, with its loss profile when finished; close it
     * @param provenance where it comes from, to save with it
     * @param stage1 the straight-flow run
     * @param stage2 the refinement run, or {@code null} if it did not run
     * @param finished whether all stages ran to the end
     */
    public record Trained(PufmModel model, Provenance provenance, TrainingResult stage1, TrainingResult stage2,
            boolean finished) implements AutoCloseable {

        /** Closes the model. */
        @Override
        public void close() {
            model.close();
        }
    }

    /** Configures a {@link PufmTraining}. */
    public static final class Builder extends TrainingOptions<Builder> {
        private PufmConfig config = PufmConfig.defaults();
        private List<TrainingPatch> train;
        private String dataset = "unnamed";
        private long stage2Steps = 500;

        private Builder() {
            super(4000, 8, 3e-4, 0.999);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param patches stage-1 training patches (required)
         * @param description what they are, for provenance
         * @return this builder
         */
        public Builder setTrainingData(List<TrainingPatch> patches, String description) {
            this.train = List.copyOf(patches);
            this.dataset = description;
            return this;
        }

        /**
         * @param value the architecture (default {@link PufmConfig#defaults()})
         * @return this builder
         */
        public Builder optConfig(PufmConfig value) {
            this.config = value;
            return this;
        }

        /**
         * @param straight stage-1 steps (default 4,000)
         * @param refinement stage-2 steps, 0 to skip (default 500)
         * @return this builder
         */
        public Builder optSteps(long straight, long refinement) {
            optSteps(straight);
            this.stage2Steps = refinement;
            return this;
        }

        /**
         * @return the training
         * @throws IllegalArgumentException if data or seed are missing or a setting is invalid
         */
        public PufmTraining build() {
            if (train == null || train.isEmpty()) {
                throw new IllegalArgumentException("training patches are required");
            }
            checkShared();
            if (stage2Steps < 0) {
                throw new IllegalArgumentException("refinement steps are negative: " + stage2Steps);
            }
            return new PufmTraining(this);
        }
    }
}
