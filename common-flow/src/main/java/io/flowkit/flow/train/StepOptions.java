package io.flowkit.flow.train;

/**
 * The optimisation settings that training builders ({@link TrainingOptions}) and training recipe
 * builders ({@link RecipeOptions}) share: steps, batch size and (peak) learning rate. Each builder
 * starts from its own defaults and checks them in its {@code build()}.
 *
 * @param <B> the builder, returned by every setter
 */
public abstract class StepOptions<B extends StepOptions<B>> {

    private long steps;
    private int batchSize;
    private double learningRate;

    /**
     * @param steps the default number of steps
     * @param batchSize the default batch size
     * @param learningRate the default (peak) learning rate
     */
    protected StepOptions(long steps, int batchSize, double learningRate) {
        this.steps = steps;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
    }

    /** @return this builder, as the domain's type */
    protected abstract B self();

    /**
     * @param value training steps, at least 1
     * @return this builder
     */
    public B optSteps(long value) {
        this.steps = value;
        return self();
    }

    /**
     * @param value samples per batch, at least 1
     * @return this builder
     */
    public B optBatchSize(int value) {
        this.batchSize = value;
        return self();
    }

    /**
     * @param value the (peak) learning rate, positive
     * @return this builder
     */
    public B optLearningRate(double value) {
        this.learningRate = value;
        return self();
    }

    /** @return the steps */
    public long steps() {
        return steps;
    }

    /** @return the batch size */
    public int batchSize() {
        return batchSize;
    }

    /** @return the (peak) learning rate */
    public double learningRate() {
        return learningRate;
    }
}
