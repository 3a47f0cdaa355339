package io.flowkit.flow.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Locale;

/** Activation functions for flowkit's networks, each one libtorch operation except SiLU (three in DJL 0.36). */
public enum ActivationFunction {
    /** {@code max(0, x)}. */
    RELU,
    /** Gaussian error linear unit. */
    GELU,
    /** Scaled exponential linear unit (the 2D MLPs of torchcfm use it). */
    SELU,
    /** {@code x · sigmoid(x)} (swish with β = 1). */
    SILU,
    /** Hyperbolic tangent. */
    TANH;

    /**
     * Applies the function.
     *
     * @param x input
     * @return the activation, in the manager of {@code x}
     */
    public NDArray apply(NDArray x) {
        switch (this) {
            case RELU:
                return Activation.relu(x);
            case GELU:
                return Activation.gelu(x);
            case SELU:
                return Activation.selu(x);
            case SILU:
                return Activation.swish(x, 1f);
            case TANH:
                return Activation.tanh(x);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Looks a function up by name, case-insensitively.
     *
     * @param name e.g. {@code "gelu"}
     * @return the function
     * @throws IllegalArgumentException naming the known functions
     */
    public static ActivationFunction byName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation: " + name + " (known: relu, gelu, selu, silu, tanh)", e);
        }
    }
}
