package io.flowkit.flow.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multilayer perceptron velocity network for vector data: the flattened state, the time
 * features and an optional flattened condition are concatenated and passed through fully
 * connected layers; the output has the state's shape. Inputs: {@code [x_t, t]} or
 * {@code [x_t, t, condition]}.
 */
public final class MlpBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int stateSize;
    private final int conditionSize;
    private final int[] hidden;
    private final ActivationFunction activation;
    private final TimeFeatures timeFeatures;
    private final List<Linear> layers = new ArrayList<>();

    private MlpBlock(Builder builder) {
        super(VERSION);
        this.stateSize = builder.stateSize;
        this.conditionSize = builder.conditionSize;
        this.hidden = builder.hidden.clone();
        this.activation = builder.activation;
        this.timeFeatures = builder.timeFeatures;
        for (int i = 0; i <= hidden.length; i++) {
            int units = i < hidden.length ? hidden[i] : stateSize;
            layers.add(addChildBlock("linear" + i, Linear.builder().setUnits(units).build()));
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of values in one state */
    public int stateSize() {
        return stateSize;
    }

    /** @return a description of the architecture for provenance */
    public String describe() {
        return "mlp(state=" + stateSize + ", condition=" + conditionSize + ", hidden=" + Arrays.toString(hidden)
                + ", activation=" + activation.name().toLowerCase(java.util.Locale.ROOT) + ", time=" + timeFeatures.describe() + ")";
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != (conditionSize > 0 ? 3 : 2)) {
            throw new IllegalArgumentException("MLP expects " + (conditionSize > 0 ? "[x_t, t, condition]" : "[x_t, t]")
                    + " but got " + inputs.size() + " inputs");
        }
        NDArray x = inputs.get(0);
        Shape stateShape = x.getShape();
        long batch = stateShape.get(0);
        if (stateShape.size() != batch * stateSize) {
            throw new IllegalArgumentException(
                    "state shape " + stateShape + " does not hold " + stateSize + " values per sample");
        }
        NDList features = new NDList(3);
        features.add(stateShape.dimension() == 2 ? x : x.reshape(batch, stateSize));
        features.add(timeFeatures.apply(inputs.get(1)));
        if (conditionSize > 0) {
            NDArray condition = inputs.get(2);
            if (condition.getShape().size() != batch * conditionSize) {
                throw new IllegalArgumentException("condition shape " + condition.getShape() + " does not hold "
                        + conditionSize + " values per sample");
            }
            features.add(condition.getShape().dimension() == 2 ? condition : condition.reshape(batch, conditionSize));
        }
        NDArray h = NDArrays.concat(features, 1);
        for (int i = 0; i < layers.size(); i++) {
            h = Layers.apply(layers.get(i), parameterStore, h, training);
            if (i < layers.size() - 1) {
                h = activation.apply(h);
            }
        }
        return new NDList(stateShape.dimension() == 2 ? h : h.reshape(stateShape));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        long width = stateSize + timeFeatures.size() + conditionSize;
        for (Linear layer : layers) {
            Shape in = new Shape(batch, width);
            layer.initialize(manager, dataType, in);
            width = layer.getOutputShapes(new Shape[] {in})[0].get(1);
        }
    }

    /** Configures an {@link MlpBlock}. */
    public static final class Builder {
        private int stateSize;
        private int conditionSize;
        private int[] hidden = {256, 256, 256};
        private ActivationFunction activation = ActivationFunction.SELU;
        private TimeFeatures timeFeatures = TimeFeatures.raw();

        private Builder() {}

        /**
         * @param size number of values in one state (required)
         * @return this builder
         */
        public Builder setStateSize(int size) {
            this.stateSize = size;
            return this;
        }

        /**
         * @param widths the hidden layer widths (default 256, 256, 256)
         * @return this builder
         */
        public Builder optHidden(int... widths) {
            this.hidden = widths.clone();
            return this;
        }

        /**
         * @param function the activation (default SELU)
         * @return this builder
         */
        public Builder optActivation(ActivationFunction function) {
            this.activation = function;
            return this;
        }

        /**
         * @param features the time features (default the raw time)
         * @return this builder
         */
        public Builder optTimeFeatures(TimeFeatures features) {
            this.timeFeatures = features;
            return this;
        }

        /**
         * @param size number of values in one sample's condition (default 0: unconditional)
         * @return this builder
         */
        public Builder optConditionSize(int size) {
            this.conditionSize = size;
            return this;
        }

        /**
         * Validates the settings and builds the block.
         *
         * @return the block, not yet initialised
         * @throws IllegalArgumentException on a missing or invalid setting
         */
        public MlpBlock build() {
            if (stateSize < 1) {
                throw new IllegalArgumentException("state size is not positive: " + stateSize);
            }
            if (conditionSize < 0) {
                throw new IllegalArgumentException("condition size is negative: " + conditionSize);
            }
            for (int w : hidden) {
                if (w < 1) {
                    throw new IllegalArgumentException("hidden width is not positive: " + Arrays.toString(hidden));
                }
            }
            if (activation == null || timeFeatures == null) {
                throw new IllegalArgumentException("activation and time features must not be null");
            }
            return new MlpBlock(this);
        }
    }
}
