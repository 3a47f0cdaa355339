package io.flowkit.flow.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings every {@link TrainingRecipe} builder shares: steps, batch size, learning rate,
 * network width, seed, checkpoint folder, progress and the log of status lines. A domain's recipe
 * builder extends it with its data and architecture settings, starts from its own defaults (those of
 * its train command) and makes the recipe in {@link #create}.
 *
 * @param <B> the domain builder, returned by every setter
 * @param <R> the recipe it builds
 */
public abstract class RecipeOptions<B extends RecipeOptions<B, R>, R extends TrainingRecipe> extends StepOptions<B> {

    private int width;
    private long seed;
    private Path checkpoints;
    private ProgressListener progress;
    private Consumer<String> log = line -> System.err.println(line);

    /**
     * @param steps the recipe's default number of training steps
     * @param batchSize its default batch size
     * @param learningRate its default (peak) learning rate
     * @param width its network's default width
     * @param seed its default seed
     */
    protected RecipeOptions(long steps, int batchSize, double learningRate, int width, long seed) {
        super(steps, batchSize, learningRate);
        this.width = width;
        this.seed = seed;
    }

    /** @return the name of the recipe's progress lines on stderr, e.g. {@code "tsgen train"} */
    protected abstract String label();

    /**
     * Makes the recipe once the shared settings are valid.
     *
     * @param settings the shared settings
     * @return the recipe
     * @throws IllegalArgumentException naming the first invalid domain setting
     */
    protected abstract R create(Settings settings);

    /**
     * @param value the network's width: its channels per atom, point or vertex, at least 1
     * @return this builder
     */
    public B optWidth(int value) {
        this.width = value;
        return self();
    }

    /** @return the network's width (the recipe's default until {@link #optWidth} sets it) */
    public int width() {
        return width;
    }

    /** @return the seed (the recipe's default until {@link #optSeed} sets it) */
    public long seed() {
        return seed;
    }

    /**
     * @param value the seed of data, initialisation and training
     * @return this builder
     */
    public B optSeed(long value) {
        this.seed = value;
        return self();
    }

    /**
     * @param folder the checkpoint folder, resumed from; {@code null} for the default, {@code out/checkpoints}
     * @return this builder
     */
    public B optCheckpoints(Path folder) {
        this.checkpoints = folder;
        return self();
    }

    /**
     * @param listener training progress (default: a line on stderr every 5 seconds)
     * @return this builder
     */
    public B optProgress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "progress");
        return self();
    }

    /**
     * @param value receives the recipe's status lines, e.g. how long the data took (default: stderr)
     * @return this builder
     */
    public B optLog(Consumer<String> value) {
        this.log = Objects.requireNonNull(value, "log");
        return self();
    }

    /**
     * @return the recipe
     * @throws IllegalArgumentException naming the first invalid setting, e.g. {@code "steps is not positive: -1"}
     */
    public final R build() {
        positive(steps(), "steps");
        positive(batchSize(), "batch size");
        positive(learningRate(), "learning rate");
        positive(width, "width");
        return create(new Settings(steps(), batchSize(), learningRate(), width, seed, checkpoints,
                progress != null ? progress : ProgressListener.stderr(label(), 5), log));
    }

    /**
     * @param value a count
     * @param name its name, for the message
     * @throws IllegalArgumentException {@code "NAME is not positive: VALUE"} when below 1
     */
    protected static void positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " is not positive: " + value);
        }
    }

    /**
     * @param value a quantity
     * @param name its name, for the message
     * @throws IllegalArgumentException {@code "NAME is not positive: VALUE"} unless positive and finite
     */
    protected static void positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not positive: " + value);
        }
    }

    /**
     * The shared settings of a built recipe.
     *
     * @param steps training steps
     * @param batchSize samples per batch
     * @param learningRate the (peak) learning rate
     * @param width the network's width
     * @param seed the seed of data, initialisation and training
     * @param checkpointFolder the checkpoint folder, or {@code null} for {@code out/checkpoints}
     * @param progress the progress listener
     * @param log the log of status lines
     */
    public record Settings(long steps, int batchSize, double learningRate, int width, long seed, Path checkpointFolder,
            ProgressListener progress, Consumer<String> log) {

        /**
         * @param out the model folder
         * @return the checkpoint folder: the one set, or {@code out/checkpoints}
         */
        public Path checkpoints(Path out) {
            return checkpointFolder != null ? checkpointFolder : out.resolve("checkpoints");
        }
    }
}
