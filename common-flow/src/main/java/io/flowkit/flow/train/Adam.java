package io.flowkit.flow.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.flowkit.flow.checkpoint.TensorArchive;

/**
 * Adam (Kingma and Ba 2015) and AdamW (decoupled weight decay, Loshchilov and Hutter 2019), one
 * fused libtorch call per parameter, with its moment estimates exposed so that a checkpoint can
 * store and restore them.
 *
 * <p>The update is {@code m ← β1 m + (1 − β1) g}, {@code v ← β2 v + (1 − β2) g²},
 * {@code w ← w − η √(1 − β2ᵗ)/(1 − β1ᵗ) · m / (√v + ε)} (the efficient form of the paper's
 * section 2, with ε applied to the uncorrected {@code √v}). Adam adds {@code λ w} to the gradient;
 * AdamW shrinks {@code w ← w − η λ w}.
 */
public final class Adam {

    private final LearningRateSchedule schedule;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean decoupled;

    private Adam(Builder b) {
        this.schedule = b.schedule;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
        this.weightDecay = b.weightDecay;
        this.decoupled = b.decoupled;
    }

    /** @return a builder for Adam (coupled L2 weight decay, 0 by default) */
    public static Builder builder() {
        return new Builder(false);
    }

    /** @return a builder for AdamW (decoupled weight decay, 0.01 by default) */
    public static Builder builderW() {
        return new Builder(true).optWeightDecay(0.01);
    }

    /** @return the learning-rate schedule */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** @return a description for provenance */
    public String describe() {
        return (decoupled ? "adamw" : "adam") + "(lr=" + schedule.describe() + ", betas=" + beta1 + "," + beta2
                + ", eps=" + epsilon + ", wd=" + weightDecay + ")";
    }

    /**
     * Creates the optimizer state for the given parameters.
     *
     * @param parameters the trained parameters
     * @param manager owns the moment estimates
     * @return the state
     */
    public State newState(ModelParameters parameters, NDManager manager) {
        return new State(parameters, manager);
    }

    /** The moment estimates of one run, updated in place. */
    public final class State {
        private final ModelParameters model;
        private final List<Parameter> parameters;
        private final List<NDArray> mean = new ArrayList<>();
        private final List<NDArray> variance = new ArrayList<>();

        private State(ModelParameters model, NDManager manager) {
            this.model = model;
            this.parameters = model.parameters();
            for (Parameter p : parameters) {
                NDArray w = p.getArray();
                mean.add(manager.zeros(w.getShape(), w.getDataType(), w.getDevice()));
                variance.add(manager.zeros(w.getShape(), w.getDataType(), w.getDevice()));
            }
        }

        /**
         * Applies one update from the gradients and zeroes them.
         *
         * @param step the zero-based step (sets the learning rate and the bias correction)
         * @param gradientScale factor applied to every gradient first (for norm clipping), positive
         */
        public void update(long step, double gradientScale) {
            double rate = schedule.at(step);
            long t = step + 1;
            double correction = rate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
            for (int i = 0; i < parameters.size(); i++) {
                NDArray w = parameters.get(i).getArray();
                try (NDArray g = w.getGradient()) {
                    w.getNDArrayInternal().adamUpdate(
                            new NDList(w, g, mean.get(i), variance.get(i)),
                            new NDList(w),
                            (float) rate,
                            (float) correction,
                            (float) weightDecay,
                            (float) gradientScale,
                            -1f,
                            (float) beta1,
                            (float) beta2,
                            (float) epsilon,
                            false,
                            decoupled);
                }
            }
        }

        /** @return the first ({@code m:name}) and second ({@code v:name}) moments on the host */
        public Map<String, TensorArchive.Tensor> toTensors() {
            Map<String, TensorArchive.Tensor> out = new LinkedHashMap<>(model.toTensors(mean, "m:"));
            out.putAll(model.toTensors(variance, "v:"));
            return out;
        }

        /**
         * Restores the moments from {@link #toTensors()}.
         *
         * @param tensors the stored moments
         * @throws IllegalArgumentException if they do not fit the parameters
         */
        public void load(Map<String, TensorArchive.Tensor> tensors) {
            model.load(mean, tensors, "m:", "optimizer state");
            model.load(variance, tensors, "v:", "optimizer state");
        }
    }

    /** Configures {@link Adam}. */
    public static final class Builder {
        private final boolean decoupled;
        private LearningRateSchedule schedule = LearningRateSchedule.constant(1e-3);
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double weightDecay;

        private Builder(boolean decoupled) {
            this.decoupled = decoupled;
        }

        /**
         * @param rate a constant learning rate (default 1e-3)
         * @return this builder
         */
        public Builder optLearningRate(double rate) {
            this.schedule = LearningRateSchedule.constant(rate);
            return this;
        }

        /**
         * @param rates the learning-rate schedule
         * @return this builder
         */
        public Builder optLearningRate(LearningRateSchedule rates) {
            this.schedule = rates;
            return this;
        }

        /**
         * @param b1 first-moment decay (default 0.9)
         * @param b2 second-moment decay (default 0.999)
         * @return this builder
         */
        public Builder optBetas(double b1, double b2) {
            this.beta1 = b1;
            this.beta2 = b2;
            return this;
        }

        /**
         * @param eps the denominator offset (default 1e-8)
         * @return this builder
         */
        public Builder optEpsilon(double eps) {
            this.epsilon = eps;
            return this;
        }

        /**
         * @param decay the weight decay λ (default 0 for Adam, 0.01 for AdamW)
         * @return this builder
         */
        public Builder optWeightDecay(double decay) {
            this.weightDecay = decay;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the optimizer
         * @throws IllegalArgumentException on a value out of range
         */
        public Adam build() {
            if (schedule == null) {
                throw new IllegalArgumentException("learning-rate schedule is null");
            }
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("betas are not in [0, 1): " + beta1 + ", " + beta2);
            }
            if (!(epsilon > 0)) {
                throw new IllegalArgumentException("epsilon is not positive: " + epsilon);
            }
            if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
                throw new IllegalArgumentException("weight decay is negative: " + weightDecay);
            }
            return new Adam(this);
        }
    }
}
