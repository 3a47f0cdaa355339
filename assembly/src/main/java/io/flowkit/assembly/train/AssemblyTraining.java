package io.flowkit.assembly.train;

import ai.djl.Device;
import io.flowkit.assembly.align.RepresentationAlignment;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblySource;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.flow.loss.AuxiliaryLoss;
import io.flowkit.flow.loss.FlowLoss;
import io.flowkit.flow.path.AffinePath;
import io.flowkit.flow.time.TimeSampler;
import io.flowkit.flow.train.Adam;
import io.flowkit.flow.train.FlowTrainer;
import io.flowkit.flow.train.LearningRateSchedule;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.flow.train.StopRequest;
import io.flowkit.flow.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains the assembly flow as Rectified Point Flow does, in flowkit's time convention: straight
 * path {@code x_t = (1 − t)·x0 + t·x1} from Gaussian noise to the assembled points, target
 * {@code x1 − x0}, the anchor held at its pose and left out of the loss, t from a U-shaped
 * distribution (more weight near both ends). AdamW with warm-up and cosine decay, gradient
 * clipping, EMA weights; checkpoints and resume through {@link FlowTrainer}. A step whose gradient
 * overflows is skipped (up to 20 in a row; counted in the provenance as
 * {@code trainer.skippedSteps}): runs at a learning rate of 1e-3 and 5e-4 stopped on a non-finite
 * gradient after 1,278 and 1,681 steps.
 */
public final class AssemblyTraining {

    private AssemblyTraining() {}

    /**
     * Trains a model.
     *
     * @param config the architecture
     * @param examples training examples (same point count)
     * @param description what they are, for provenance
     * @param steps training steps
     * @param batchSize objects per batch
     * @param learningRate peak learning rate
     * @param seed seed of weights, batches and noise
     * @param checkpoints checkpoint folder (resumed from), or null
     * @param progress progress listener
     * @return the trained model (EMA weights) and the run's result; close the model
     */
    public static Trained train(AssemblyConfig config, List<AssemblyExample> examples, String description, long steps,
            int batchSize, double learningRate, long seed, Path checkpoints, ProgressListener progress) {
        return train(config, examples, description, steps, batchSize, learningRate, seed, checkpoints, m -> progress, null,
                null);
    }

    /**
     * Trains a model, optionally with representation alignment (TORA), letting the progress
     * listener see the model (for evaluations during training).
     *
     * @param config the architecture (with an alignment head when aligning)
     * @param examples training examples (same point count)
     * @param description what they are, for provenance
     * @param steps training steps
     * @param batchSize objects per batch
     * @param learningRate peak learning rate
     * @param seed seed of weights, batches and noise
     * @param checkpoints checkpoint folder (resumed from), or null
     * @param progress makes the progress listener for the model being trained
     * @param alignmentName the alignment term's name (for example {@code "tora-cka"}), or null for none
     * @param alignment the alignment term, added with weight {@value RepresentationAlignment#WEIGHT}, or null
     * @return the trained model (EMA weights) and the run's result; close the model
     */
    public static Trained train(AssemblyConfig config, List<AssemblyExample> examples, String description, long steps,
            int batchSize, double learningRate, long seed, Path checkpoints,
            java.util.function.Function<AssemblyModel, ProgressListener> progress, String alignmentName,
            AuxiliaryLoss alignment) {
        return train(config, examples, description, steps, batchSize, learningRate, seed, checkpoints, progress,
                alignmentName, alignment, null);
    }

    /**
     * Trains a model as {@link #train(AssemblyConfig, List, String, long, int, double, long, Path,
     * java.util.function.Function, String, AuxiliaryLoss)} does, stopping after a checkpoint when asked.
     *
     * @param config the architecture (with an alignment head when aligning)
     * @param examples training examples (same point count)
     * @param description what they are, for provenance
     * @param steps training steps
     * @param batchSize objects per batch
     * @param learningRate peak learning rate
     * @param seed seed of weights, batches and noise
     * @param checkpoints checkpoint folder (resumed from), or null
     * @param progress makes the progress listener for the model being trained
     * @param alignmentName the alignment term's name, or null for none
     * @param alignment the alignment term, or null
     * @param stop stops the run after its current step (the result then says {@code stopped}), or null
     * @return the trained model (EMA weights) and the run's result; close the model
     */
    public static Trained train(AssemblyConfig config, List<AssemblyExample> examples, String description, long steps,
            int batchSize, double learningRate, long seed, Path checkpoints,
            java.util.function.Function<AssemblyModel, ProgressListener> progress, String alignmentName,
            AuxiliaryLoss alignment, StopRequest stop) {
        if (alignment != null && config.alignWidth() == 0) {
            throw new IllegalArgumentException("alignment needs a model with an alignment head (align width > 0)");
        }
        AssemblyModel model = AssemblyModel.create(config, seed, Device.cpu());
        try {
            FlowTrainer.Builder b = FlowTrainer.builder().setField(model.field())
                    .setData(new AssemblySource(examples, config.maxParts(), description)).setSteps(steps).setSeed(seed)
                    .optBatchSize(batchSize).optPath(AffinePath.linear()).optTimeSampler(TimeSampler.uShaped(4))
                    .optLoss(alignment == null ? FlowLoss.velocityMse()
                            : FlowLoss.builder().optAuxiliary(alignmentName, RepresentationAlignment.WEIGHT, alignment).build())
                    .optOptimizer(Adam.builderW().optWeightDecay(1e-5).optLearningRate(LearningRateSchedule.warmupCosine(
                            learningRate, Math.min(200, steps / 10), steps, learningRate / 20)).build())
                    .optEma(0.999).optClipGradNorm(1.0).optSkipNonFinite(20).optProgress(progress.apply(model));
            if (alignment != null) {
                b.optConfiguration("assembly.alignment", alignmentName);
            }
            config.describe().forEach(b::optConfiguration);
            if (checkpoints != null) {
                b.optCheckpoints(checkpoints, Math.max(50, steps / 10));
            }
            try (FlowTrainer trainer = b.build()) {
                if (stop != null) {
                    stop.forwardTo(trainer::requestStop);
                }
                TrainingResult result = trainer.train();
                trainer.ema().ifPresent(ema -> ema.copyToParameters());
                return new Trained(model, trainer.checkpoint(java.util.Map.of("trainer.skippedSteps",
                        (double) trainer.skippedSteps())).provenance(), result);
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * A trained model.
     *
     * @param model the model with EMA weights; close it
     * @param provenance configuration, seed, data and loss
     * @param result the run
     */
    public record Trained(AssemblyModel model, io.flowkit.flow.checkpoint.Provenance provenance, TrainingResult result)
            implements AutoCloseable {

        /** Closes the model. */
        @Override
        public void close() {
            model.close();
        }
    }
}
