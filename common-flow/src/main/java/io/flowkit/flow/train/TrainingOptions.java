package io.flowkit.flow.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The options every flowkit training builder shares (TS-GEN, PUFM++, the mesh flow): the seed,
 * steps, batch size, learning rate, EMA decay, checkpoint folder and interval, and progress. A
 * domain's builder extends it, adds its own settings (data, architecture) and starts from its own
 * defaults; {@link #checkShared()} validates the shared ones in its {@code build()}.
 *
 * @param <B> the domain builder, returned by every setter
 */
public abstract class TrainingOptions<B extends TrainingOptions<B>> extends StepOptions<B> {

    private double emaDecay;
    private long seed;
    private boolean seedSet;
    private Path checkpoints;
    private long checkpointEvery;
    private ProgressListener progress = ProgressListener.silent();

    /**
     * @param steps the domain's default number of steps
     * @param batchSize its default batch size
     * @param learningRate its default (peak) learning rate
     * @param emaDecay its default EMA decay (0 for none)
     */
    protected TrainingOptions(long steps, int batchSize, double learningRate, double emaDecay) {
        super(steps, batchSize, learningRate);
        this.emaDecay = emaDecay;
    }

    /**
     * @param value the seed of initialisation and training (required)
     * @return this builder
     */
    public B setSeed(long value) {
        this.seed = value;
        this.seedSet = true;
        return self();
    }

    /**
     * @param value EMA decay in [0, 1), 0 for none
     * @return this builder
     */
    public B optEma(double value) {
        this.emaDecay = value;
        return self();
    }

    /**
     * @param folder where checkpoints go; a rerun with the same folder resumes from the newest
     * @return this builder
     */
    public B optCheckpoints(Path folder) {
        return optCheckpoints(folder, 0);
    }

    /**
     * @param folder where checkpoints go; a rerun with the same folder resumes from the newest
     * @param every steps between checkpoints, 0 for the domain's choice
     * @return this builder
     */
    public B optCheckpoints(Path folder, long every) {
        this.checkpoints = folder;
        this.checkpointEvery = every;
        return self();
    }

    /**
     * @param listener progress (default silent)
     * @return this builder
     */
    public B optProgress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "progress");
        return self();
    }

    /**
     * Validates the shared options.
     *
     * @throws IllegalArgumentException naming the first missing or invalid one
     */
    protected void checkShared() {
        if (!seedSet) {
            throw new IllegalArgumentException("seed is not set");
        }
        if (steps() < 1 || batchSize() < 1 || !(learningRate() > 0)) {
            throw new IllegalArgumentException("steps, batch size and learning rate must be positive: " + steps() + ", "
                    + batchSize() + ", " + learningRate());
        }
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("EMA decay is not in [0, 1): " + emaDecay);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpoint interval is negative: " + checkpointEvery);
        }
    }

    /** @return the EMA decay */
    public double emaDecay() {
        return emaDecay;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the checkpoint folder, or null */
    public Path checkpoints() {
        return checkpoints;
    }

    /** @return steps between checkpoints, 0 for the domain's choice */
    public long checkpointEvery() {
        return checkpointEvery;
    }

    /** @return the progress listener */
    public ProgressListener progress() {
        return progress;
    }

    /**
     * The shared options as they are now, for the training object a domain's {@code build()} makes.
     *
     * @return an immutable copy of the shared options
     */
    public Shared shared() {
        return new Shared(steps(), batchSize(), learningRate(), emaDecay, seed, checkpoints, checkpointEvery, progress);
    }

    /**
     * The shared options of one training run, fixed when its builder built it.
     *
     * @param steps training steps
     * @param batchSize samples per step
     * @param learningRate the (peak) learning rate
     * @param emaDecay EMA decay, 0 for none
     * @param seed the seed of initialisation and training
     * @param checkpoints the checkpoint folder, or null for none
     * @param checkpointEvery steps between checkpoints, 0 for the domain's choice
     * @param progress the progress listener
     */
    public record Shared(long steps, int batchSize, double learningRate, double emaDecay, long seed, Path checkpoints,
            long checkpointEvery, ProgressListener progress) {

        /**
         * @param domainChoice the domain's interval for runs that set none
         * @return steps between checkpoints: the one set, else {@code domainChoice}
         */
        public long checkpointEvery(long domainChoice) {
            return checkpointEvery > 0 ? checkpointEvery : domainChoice;
        }
    }
}
