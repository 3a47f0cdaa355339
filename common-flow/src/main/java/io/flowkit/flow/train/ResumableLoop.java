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
 * The one checkpointed training loop of flowkit: {@link FlowTrainer} runs its conditional
 * flow-matching step in it, and so do the steps that do not fit FlowTrainer (a backward pass in two
 * parts, a path that is not affine in the data). The caller's step does the forward and backward
 * passes and the optimiser update; the loop owns the optimiser moments, the EMA, the random stream
 * and the loss history, writes checkpoints every so many steps and when asked to stop, resumes from
 * the newest checkpoint (refusing one written with another configuration), and reports progress. A
 * resumed run continues bit for bit like an uninterrupted one, as long as the step draws all its
 * randomness from the stream it is given.
 *
 * <p>A step may report a non-finite loss to say it skipped its update ({@link Builder#optSkippedSteps});
 * such a step counts, its loss is not recorded and the EMA is not updated. The state lives in a
 * sub-manager of the parameters' manager; {@link #close()} frees it.
 */
public final class ResumableLoop implements AutoCloseable {

    /** One training step. */
    @FunctionalInterface
    public interface Step {
        /**
         * Runs a step: sample a batch, forward, backward, {@code optimizer.update}.
         *
         * @param step the zero-based step
         * @param random the loop's random stream (saved in checkpoints)
         * @param optimizer the optimiser state
         * @return the step's loss (non-finite: the step skipped its update, where the loop allows it)
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
     * @param losses the loss of every step, those of earlier runs included (skipped steps left out)
     * @param steps the steps done in all
     * @param complete whether every step ran (false after a stop request)
     * @param seconds the time of this run
     * @param provenance the provenance at the last step
     * @param stepsThisRun the steps this run did
     * @param lastCheckpoint the last checkpoint this run wrote, or null
     */
    public record Result(List<Double> losses, long steps, boolean complete, double seconds, Provenance provenance,
            long stepsThisRun, Path lastCheckpoint) {}

    private final ModelParameters parameters;
    private final NDManager manager;
    private final long steps;
    private final Path checkpoints;
    private final long checkpointEvery;
    private final int keep;
    private final Map<String, String> configuration;
    private final ProvenanceFactory provenance;
    private final ProgressListener progress;
    private final BooleanSupplier stop;
    private final boolean skippedSteps;
    private final boolean copyEma;
    private final Adam.State optimizerState;
    private final ExponentialMovingAverage ema;
    private final SeededRandom random;
    private final List<Double> losses = new ArrayList<>();
    private long done;

    private ResumableLoop(Builder b) {
        this.parameters = b.parameters;
        this.manager = b.manager.newSubManager();
        this.steps = b.steps;
        this.checkpoints = b.checkpoints;
        this.checkpointEvery = b.checkpointEvery > 0 ? b.checkpointEvery : Math.max(50, b.steps / 10);
        this.keep = b.keep;
        this.configuration = Map.copyOf(b.configuration);
        this.provenance = b.provenance;
        this.progress = b.progress;
        this.stop = b.stop;
        this.skippedSteps = b.skippedSteps;
        this.copyEma = b.copyEma;
        this.optimizerState = b.optimizer.newState(parameters, manager);
        this.ema = b.emaDecay > 0 ? new ExponentialMovingAverage(b.emaDecay, parameters, manager) : null;
        this.random = SeededRandom.of(b.seed);
    }

    /** @return a builder; parameters, manager, optimiser, steps, configuration and provenance are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the steps done */
    public long step() {
        return done;
    }

    /** @return the EMA of the weights, if enabled */
    public Optional<ExponentialMovingAverage> ema() {
        return Optional.ofNullable(ema);
    }

    /** @return the loss of every step done so far, earlier runs included (skipped steps left out) */
    public List<Double> losses() {
        return Collections.unmodifiableList(new ArrayList<>(losses));
    }

    /** @return the settings a checkpoint must match to be resumed from */
    public Map<String, String> configuration() {
        return configuration;
    }

    /**
     * Loads the newest checkpoint of the checkpoint folder, if any.
     *
     * @return whether one was loaded
     * @throws IllegalArgumentException if it was written with another configuration
     * @throws UncheckedIOException if it cannot be read
     */
    public boolean resume() {
        if (checkpoints == null) {
            return false;
        }
        try {
            Optional<Path> latest = Checkpoint.latestFolder(checkpoints);
            if (latest.isEmpty()) {
                return false;
            }
            restore(Checkpoint.load(latest.get()));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume from " + checkpoints + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores weights, EMA, optimiser moments, random state and loss history from a checkpoint.
     *
     * @param checkpoint a checkpoint written with the same configuration
     * @throws IllegalArgumentException if the configuration or the tensors differ
     */
    public void restore(Checkpoint checkpoint) {
        checkpoint.requireConfiguration(configuration);
        parameters.load(parameters.arrays(), checkpoint.model(), "", "checkpoint model");
        optimizerState.load(checkpoint.optimizer());
        if (ema != null) {
            ema.load(checkpoint.ema());
        }
        random.restoreState(checkpoint.randomState());
        losses.clear();
        losses.addAll(checkpoint.lossHistory());
        done = checkpoint.provenance().step();
    }

    /**
     * The checkpoint of the current state, in memory.
     *
     * @param at the provenance to record (usually {@link #provenance()})
     * @return the checkpoint
     */
    public Checkpoint checkpoint(Provenance at) {
        return Checkpoint.of(at, random.saveState(), losses, parameters.weights(), ema == null ? Map.of()
                : ema.toTensors(), optimizerState.toTensors());
    }

    /** @return the provenance of the current state */
    public Provenance provenance() {
        return provenance.at(done, Collections.unmodifiableList(losses));
    }

    /**
     * Runs the loop, resuming from the newest checkpoint first when a checkpoint folder is set.
     *
     * @param step the training step
     * @return the losses and whether all steps ran
     * @throws IllegalStateException if a step's loss is not finite and skipped steps are not allowed
     * @throws IllegalArgumentException if the newest checkpoint was written with another configuration
     * @throws UncheckedIOException if a checkpoint cannot be read or written
     */
    public Result run(Step step) {
        resume();
        long first = done;
        long start = System.nanoTime();
        Path last = null;
        progress.onStart(done, steps);
        while (done < steps && !stop.getAsBoolean()) {
            double loss = step.run(done, random, optimizerState);
            if (Double.isFinite(loss)) {
                if (ema != null) {
                    ema.update();
                }
                losses.add(loss);
            } else if (!skippedSteps) {
                throw new IllegalStateException("the loss is not finite at step " + (done + 1) + ": " + loss);
            }
            done++;
            progress.onStep(done, steps, loss, (done - first) / Math.max(1e-9, (System.nanoTime() - start) / 1e9));
            if (checkpoints != null && (done % checkpointEvery == 0 || done == steps || stop.getAsBoolean())) {
                last = save();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ema != null && copyEma) {
            ema.copyToParameters();
        }
        return new Result(Collections.unmodifiableList(new ArrayList<>(losses)), done, done >= steps, seconds,
                provenance(), done - first, last);
    }

    private Path save() {
        try {
            Path folder = checkpoint(provenance()).save(checkpoints);
            Checkpoint.prune(checkpoints, keep);
            progress.onCheckpoint(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint to " + checkpoints + ": " + e.getMessage(), e);
        }
    }

    /** Frees the optimiser moments and the EMA weights (not the model). */
    @Override
    public void close() {
        manager.close();
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
        private int keep = 2;
        private boolean skippedSteps;
        private boolean copyEma = true;

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
         * @param count checkpoints kept, the newest (default 2), at least 1
         * @return this builder
         */
        public Builder optKeepCheckpoints(int count) {
            this.keep = count;
            return this;
        }

        /**
         * @param allowed whether a step may return a non-finite loss to say it skipped its update
         *     (default false: a non-finite loss stops the run with an exception)
         * @return this builder
         */
        public Builder optSkippedSteps(boolean allowed) {
            this.skippedSteps = allowed;
            return this;
        }

        /**
         * @param value whether {@link #run} copies the EMA weights into the model at its end
         *     (default true; false leaves that to the caller, through {@link #ema()})
         * @return this builder
         */
        public Builder optCopyEmaAtEnd(boolean value) {
            this.copyEma = value;
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
            if (keep < 1) {
                throw new IllegalArgumentException("checkpoints kept is below 1: " + keep);
            }
            if (progress == null || stop == null) {
                throw new IllegalArgumentException("progress listener and stop signal must not be null");
            }
            return new ResumableLoop(this);
        }
    }
}
