package io.flowkit.flow.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.checkpoint.TensorArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exponential moving average of the weights, {@code ē ← β ē + (1 − β) w} after every step
 * (Polyak and Juditsky 1992; standard in flow and diffusion training), to sample with the
 * averaged weights.
 *
 * <p>Each update is one fused libtorch call per parameter: the SGD kernel with learning rate
 * {@code −(1 − β)} and weight decay {@code −1} computes {@code ē − (−(1 − β))(w − ē)}, exactly the
 * average.
 */
public final class ExponentialMovingAverage {

    private final double decay;
    private final ModelParameters model;
    private final List<Parameter> parameters;
    private final List<NDArray> average = new ArrayList<>();

    /**
     * Starts an average at the current weights.
     *
     * @param decay β in [0, 1)
     * @param parameters the parameters to follow
     * @param manager owns the averages
     */
    public ExponentialMovingAverage(double decay, ModelParameters parameters, NDManager manager) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("EMA decay is not in [0, 1): " + decay);
        }
        this.decay = decay;
        this.model = parameters;
        this.parameters = parameters.parameters();
        for (Parameter p : this.parameters) {
            NDArray copy = p.getArray().duplicate();
            copy.attach(manager);
            average.add(copy);
        }
    }

    /** @return β */
    public double decay() {
        return decay;
    }

    /** Folds the current weights into the average. */
    public void update() {
        float rate = (float) -(1 - decay);
        try (FlowEngine.GradientMode ignored = FlowEngine.noGradient()) {
            for (int i = 0; i < parameters.size(); i++) {
                NDArray ema = average.get(i);
                NDArray w = parameters.get(i).getArray();
                ema.getNDArrayInternal().sgdUpdate(new NDList(ema, w), new NDList(ema), rate, -1f, 1f, -1f, 0f, false);
            }
        }
    }

    /** Copies the averaged weights into the parameters (for sampling with the EMA weights). */
    public void copyToParameters() {
        try (FlowEngine.GradientMode ignored = FlowEngine.noGradient()) {
            for (int i = 0; i < parameters.size(); i++) {
                ModelParameters.copyInto(parameters.get(i).getArray(), average.get(i).duplicate());
            }
        }
    }

    /** @return the averaged weights on the host, by parameter name */
    public Map<String, TensorArchive.Tensor> toTensors() {
        return model.toTensors(average, "");
    }

    /**
     * Restores the averages from {@link #toTensors()}.
     *
     * @param tensors the stored averages
     * @throws IllegalArgumentException if they do not fit the parameters
     */
    public void load(Map<String, TensorArchive.Tensor> tensors) {
        model.load(average, tensors, "", "EMA weights");
    }
}
