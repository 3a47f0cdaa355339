package io.flowkit.flow.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditional flow matching loss {@code E[w · ‖v(x_t, t) − u_t‖²]} (Lipman et al. 2023, eq.
 * 9; weighted as in Calvo-Ordoñez et al. 2025) as a per-sample mean over the state's values (over
 * its real values only when a padding mask is given), plus named auxiliary terms
 * {@code Σ λ_k L_k}.
 */
public final class FlowLoss {

    /** The name of the main term. */
    public static final String VELOCITY = "velocity";

    private final List<String> names;
    private final List<Double> weights;
    private final List<AuxiliaryLoss> terms;
    private final double velocityWeight;

    private FlowLoss(Builder builder) {
        this.velocityWeight = builder.velocityWeight;
        this.names = List.copyOf(builder.names);
        this.weights = List.copyOf(builder.weights);
        this.terms = List.copyOf(builder.terms);
    }

    /** @return the plain velocity MSE without auxiliary terms */
    public static FlowLoss velocityMse() {
        return builder().build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the loss.
     *
     * @param context the step's arrays
     * @param sampleWeights per-sample weights (mean 1), or {@code null} for equal weights
     * @return the total and its parts
     * @throws IllegalArgumentException if the prediction and target shapes differ or the weights do
     *     not match the batch
     */
    public LossValue compute(LossContext context, float[] sampleWeights) {
        NDArray prediction = context.prediction();
        NDArray target = context.target();
        Shape shape = prediction.getShape();
        if (!shape.equals(target.getShape())) {
            throw new IllegalArgumentException(
                    "prediction shape " + shape + " differs from target shape " + target.getShape());
        }
        NDArray squared = prediction.sub(target).square();
        NDArray mask = context.mask();
        if (mask != null && !mask.getShape().equals(shape)) {
            throw new IllegalArgumentException("mask shape " + mask.getShape() + " differs from prediction shape " + shape);
        }
        long batch = shape.get(0);
        NDArray main;
        if (sampleWeights == null && mask == null) {
            main = squared.mean();
        } else {
            if (sampleWeights != null && sampleWeights.length != batch) {
                throw new IllegalArgumentException(
                        "got " + sampleWeights.length + " sample weights for a batch of " + batch);
            }
            // Reductions over the flattened sample (libtorch through DJL reduces one axis at a time).
            NDArray perSample;
            if (mask == null) {
                perSample = squared.reshape(batch, -1).mean(new int[] {1});
            } else {
                perSample = squared.mul(mask).reshape(batch, -1).sum(new int[] {1})
                        .div(mask.reshape(batch, -1).sum(new int[] {1}).maximum(1f));
            }
            main = sampleWeights == null ? perSample.mean()
                    : perSample.mul(squared.getManager().create(sampleWeights)).mean();
        }
        Map<String, NDArray> parts = new LinkedHashMap<>();
        parts.put(VELOCITY, main);
        NDArray total = velocityWeight == 1 ? main : main.mul((float) velocityWeight);
        for (int k = 0; k < terms.size(); k++) {
            NDArray value = terms.get(k).compute(context);
            if (value.getShape().size() != 1) {
                throw new IllegalStateException(
                        "auxiliary loss '" + names.get(k) + "' is not a scalar: " + value.getShape());
            }
            parts.put(names.get(k), value);
            total = total.add(value.mul(weights.get(k).floatValue()));
        }
        return new LossValue(total, parts);
    }

    /** @return a description such as {@code "velocity + 0.5·tora"} */
    public String describe() {
        StringBuilder sb = new StringBuilder(velocityWeight == 1 ? VELOCITY : velocityWeight + "·" + VELOCITY);
        for (int k = 0; k < terms.size(); k++) {
            sb.append(" + ").append(weights.get(k)).append('·').append(names.get(k));
        }
        return sb.toString();
    }

    /** Configures a {@link FlowLoss}. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();
        private final List<AuxiliaryLoss> terms = new ArrayList<>();
        private double velocityWeight = 1;

        private Builder() {}

        /**
         * Weights the velocity term (default 1). With 0 it is still computed and reported but does not
         * train: the auxiliary terms alone make the objective (PUFM++ stage 2: Chamfer only).
         *
         * @param weight the weight, finite and not negative
         * @return this builder
         * @throws IllegalArgumentException if the weight is negative or not finite
         */
        public Builder optVelocityWeight(double weight) {
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("velocity weight is negative or not finite: " + weight);
            }
            this.velocityWeight = weight;
            return this;
        }

        /**
         * Adds an auxiliary term.
         *
         * @param name a unique name, reported in progress and checkpoints
         * @param weight its weight {@code λ}, finite
         * @param term the term
         * @return this builder
         * @throws IllegalArgumentException on a duplicate or reserved name, or a non-finite weight
         */
        public Builder optAuxiliary(String name, double weight, AuxiliaryLoss term) {
            if (name == null || name.isBlank() || name.equals(VELOCITY) || names.contains(name)) {
                throw new IllegalArgumentException("auxiliary loss name is empty, reserved or repeated: " + name);
            }
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight of '" + name + "' is not finite: " + weight);
            }
            if (term == null) {
                throw new IllegalArgumentException("auxiliary loss '" + name + "' is null");
            }
            names.add(name);
            weights.add(weight);
            terms.add(term);
            return this;
        }

        /**
         * @return the loss
         * @throws IllegalStateException if the velocity weight is 0 and no auxiliary term is set
         */
        public FlowLoss build() {
            if (velocityWeight == 0 && terms.isEmpty()) {
                throw new IllegalStateException("velocity weight is 0 and there is no auxiliary term: nothing to train");
            }
            return new FlowLoss(this);
        }
    }
}
