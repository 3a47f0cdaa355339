package io.flowkit.flow.train;

import ai.djl.ndarray.NDManager;
import io.flowkit.flow.checkpoint.Checkpoint;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.random.SeededRandom;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The checkpointed loop around a training step that does not fit {@link FlowTrainer} (a backward
 * pass in two parts, a path that is not affine in the data): the caller's step does the forward
 * and backward passes and the optimiser update; the loop keeps the EMA, the random stream and the
 * loss history, writes checkpoints every so many steps and when asked to stop, resumes from the
 * newest checkpoint (refusing one written with another configuration), reports progress, and
 * copies the EMA weights into the model at the end. A resumed run continues bit for bit like an
 * uninterrupted one, as long as the step draws all its randomness from the stream it is given.
 */
public final class ResumableLoop {

    /** One training step. */
    @FunctionalInterface
    public interface Step {
        /**
         * Runs a step: sample a batch, forward, backward, {@code optimizer.update}.
         *
         * @param step the zero-based step
         * @param random the loop's random stream (saved in checkpoints)
         * @param optimizer the optimiser state
         * @return the step's loss
         */
        double run(long step, SeededRandom random, Adam.State optimizer);
    }

    /** Makes the provenance of the model at a step. */
    @FunctionalInterface
    public interface ProvenanceFactory {
        /**
         * @param step the steps done
         * @param losses the loss of every step done
         * @return the provenance to record
         */
        Provenance at(long step, List<Double> losses);
    }

    /**
     * The outcome of a run.
     *
     * @param losses the loss of every step, those of earlier runs included
     * @param steps the steps done in all
     * @param complete whether every step ran (false after a stop request)
     * @param seconds the time of this run
     * @param provenance the provenance at the last step
     */
    public record Result(List<Double> losses, long steps, boolean complete, double seconds, Provenance provenance) {}

    private final ModelParameters parameters;
    private final NDManager manager;
    private final Adam optimizer;
    private final long steps;
    private final long seed;
    private final double emaDecay;
    private final Path checkpoints;
    private final long checkpointEvery;
    private final Map<String, String> configuration;
    private final ProvenanceFactory provenance;
    private final ProgressListener progress;
    private final BooleanSupplier stop;

    private ResumableLoop(Builder b) {
        this.parameters = b.parameters;
        this.manager = b.manager;
        this.optimizer = b.optimizer;
        this.steps = b.steps;
        this.seed = b.seed;
        this.emaDecay = b.emaDecay;
        this.checkpoints = b.checkpoints;
        this.checkpointEvery = b.checkpointEvery > 0 ? b.checkpointEvery : Math.max(50, b.steps / 10);
        this.configuration = Map.copyOf(b.configuration);
        this.provenance = b.provenance;
        this.progress = b.progress;
        this.stop = b.stop;
    }

    /** @return a builder; parameters, manager, optimiser, steps, configuration and provenance are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the loop, resuming from the newest checkpoint when a checkpoint folder is set.
     *
     * @param step the training step
     * @return the losses and whether all steps ran
     * @throws IllegalStateException if a step's loss is not finite
     * @throws IllegalArgumentException if the newest checkpoint was written with another configuration
     * @throws UncheckedIOException if a checkpoint cannot be read or written
     */
    public Result run(Step step) {
        Adam.State state = optimizer.newState(parameters, manager);
        ExponentialMovingAverage ema = emaDecay > 0 ? new ExponentialMovingAverage(emaDecay, parameters, manager) : null;
        SeededRandom random = SeededRandom.of(seed);
        List<Double> losses = new ArrayList<>();
        long done = 0;
        try {
            if (checkpoints != null) {
                Optional<Path> latest = Checkpoint.latestFolder(checkpoints);
                if (latest.isPresent()) {
                    Checkpoint c = Checkpoint.load(latest.get());
                    c.requireConfiguration(configuration);
                    parameters.load(parameters.arrays(), c.model(), "", "checkpoint model");
                    state.load(c.optimizer());
                    if (ema != null) {
                        ema.load(c.ema());
                    }
                    random.restoreState(c.randomState());
                    losses.addAll(c.lossHistory());
                    done = c.provenance().step();
                }
            }
            long first = done;
            long start = System.nanoTime();
            progress.onStart(done, steps);
            while (done < steps && !stop.getAsBoolean()) {
                double loss = step.run(done, random, state);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("the loss is not finite at step " + (done + 1) + ": " + loss);
                }
                if (ema != null) {
                    ema.update();
                }
                losses.add(loss);
                done++;
                progress.onStep(done, steps, loss, (done - first) / Math.max(1e-9, (System.nanoTime() - start) / 1e9));
                if (checkpoints != null && (done % checkpointEvery == 0 || done == steps || stop.getAsBoolean())) {
                    Path folder = Checkpoint.of(provenance.at(done, losses), random.saveState(), losses,
                            parameters.weights(), ema == null ? Map.of() : ema.toTensors(), state.toTensors())
                            .save(checkpoints);
                    Checkpoint.prune(checkpoints, 2);
                    progress.onCheckpoint(folder);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (ema != null) {
                ema.copyToParameters();
            }
            return new Result(Collections.unmodifiableList(losses), done, done >= steps, seconds,
                    provenance.at(done, losses));
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoints in " + checkpoints + ": " + e.getMessage(), e);
        }
    }

    /** Builds a {@link ResumableLoop}. */
    public static final class Builder {
        private ModelParameters parameters;
        private NDManager manager;
        private Adam optimizer;
        private long steps;
        private long seed;
        private double emaDecay;
        private Path checkpoints;
        private long checkpointEvery;
        private Map<String, String> configuration;
        private ProvenanceFactory provenance;
        private ProgressListener progress = ProgressListener.silent();
        private BooleanSupplier stop = () -> false;

        private Builder() {}

        /**
         * @param value the trained parameters
         * @param owner the manager that owns them (optimiser moments and EMA live there)
         * @return this builder
         */
        public Builder setParameters(ModelParameters value, NDManager owner) {
            this.parameters = value;
            this.manager = owner;
            return this;
        }

        /**
         * @param value the optimiser (its state is made and checkpointed by the loop)
         * @return this builder
         */
        public Builder setOptimizer(Adam value) {
            this.optimizer = value;
            return this;
        }

        /**
         * @param total the steps to reach
         * @param randomSeed the seed of the random stream handed to each step
         * @return this builder
         */
        public Builder setSteps(long total, long randomSeed) {
            this.steps = total;
            this.seed = randomSeed;
            return this;
        }

        /**
         * @param value the settings a checkpoint must match to be resumed from
         * @param factory the provenance of the model at a step
         * @return this builder
         */
        public Builder setProvenance(Map<String, String> value, ProvenanceFactory factory) {
            this.configuration = value;
            this.provenance = factory;
            return this;
        }

        /**
         * @param decay EMA decay in (0, 1), or 0 for none (the default)
         * @return this builder
         */
        public Builder optEma(double decay) {
            this.emaDecay = decay;
            return this;
        }

        /**
         * @param folder the checkpoint folder (resumed from), or {@code null} for none
         * @param every steps between checkpoints; 0 for a tenth of the run (at least 50)
         * @return this builder
         */
        public Builder optCheckpoints(Path folder, long every) {
            this.checkpoints = folder;
            this.checkpointEvery = every;
            return this;
        }

        /**
         * @param value progress listener (default silent)
         * @return this builder
         */
        public Builder optProgress(ProgressListener value) {
            this.progress = value;
            return this;
        }

        /**
         * @param value asked before each step; true stops the run after a checkpoint
         * @return this builder
         */
        public Builder optStopSignal(BooleanSupplier value) {
            this.stop = value;
            return this;
        }

        /**
         * @return the loop
         * @throws IllegalArgumentException on a missing or invalid setting
         */
        public ResumableLoop build() {
            if (parameters == null || manager == null || optimizer == null || configuration == null || provenance == null) {
                throw new IllegalArgumentException("parameters, optimizer, configuration and provenance are required");
            }
            if (steps < 1) {
                throw new IllegalArgumentException("steps is below 1: " + steps);
            }
            if (!(emaDecay >= 0 && emaDecay < 1)) {
                throw new IllegalArgumentException("EMA decay is not in [0, 1): " + emaDecay);
            }
            if (checkpointEvery < 0) {
                throw new IllegalArgumentException("checkpoint interval is negative: " + checkpointEvery);
            }
            if (progress == null || stop == null) {
                throw new IllegalArgumentException("progress listener and stop signal must not be null");
            }
            return new ResumableLoop(this);
        }
    }
}
