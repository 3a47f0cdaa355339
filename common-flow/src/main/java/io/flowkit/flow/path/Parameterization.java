package io.flowkit.flow.path;

/** What a network predicts at {@code (x_t, t)}; {@link AffinePath#convert} turns one into another. */
public enum Parameterization {
    /** The velocity {@code dx_t/dt = α'_t x1 + σ'_t x0}. */
    VELOCITY,
    /** The data sample {@code x1} (x1-prediction, "denoiser"). */
    DATA,
    /** The source sample {@code x0} (noise or ε-prediction). */
    NOISE
}
