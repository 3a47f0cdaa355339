package io.flowkit.meshes.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a mesh flow model: its source noise and its PoissonNet-style denoiser. Meshes are
 * used in the unit box (longest bounding-box side 1), centred on their area centroid, where the
 * defaults apply.
 *
 * @param noise the source distribution
 * @param tau Matérn τ (1/length²)
 * @param sigma Matérn σ, or the standard deviation of independent noise
 * @param width hidden channels of the face and vertex perceptrons
 * @param fields gradient fields the face perceptron predicts (and scalar channels the Poisson
 *     solve returns), at least 3
 * @param timeFrequencies Fourier frequencies of the time embedding
 * @param regularisation ε of the Poisson solve {@code (L + εM)⁻¹}
 * @param gradientWeight weight of the per-face gradient MSE in the loss
 * @param predictData whether the network's output is read as the clean signal x̂1 and turned into
 *     the velocity {@code (x̂1 − x_t) / max(1 − t, 0.05)} (the loss stays the velocity loss); else
 *     the output is the velocity itself
 */
public record MeshFlowConfig(SourceNoise noise, double tau, double sigma, int width, int fields, int timeFrequencies,
        double regularisation, double gradientWeight, boolean predictData) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public MeshFlowConfig {
        if (noise == null) {
            throw new IllegalArgumentException("source noise is required");
        }
        if (!(tau > 0) || !Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau is not positive: " + tau);
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma is not positive: " + sigma);
        }
        if (width < 1 || timeFrequencies < 1) {
            throw new IllegalArgumentException("width and time frequencies must be positive: " + width + ", "
                    + timeFrequencies);
        }
        if (fields < 3) {
            throw new IllegalArgumentException("fields is below 3: " + fields);
        }
        if (!(regularisation > 0) || !Double.isFinite(regularisation)) {
            throw new IllegalArgumentException("regularisation is not positive: " + regularisation);
        }
        if (!(gradientWeight >= 0) || !Double.isFinite(gradientWeight)) {
            throw new IllegalArgumentException("gradient weight is negative: " + gradientWeight);
        }
    }

    /**
     * The defaults: Matérn noise τ = 100, σ = 3 (the paper's values for unit-box meshes), width 64,
     * 8 fields, 6 time frequencies, ε = 10⁻³, gradient weight 0.01, data prediction.
     *
     * @return the defaults
     */
    public static MeshFlowConfig defaults() {
        return new MeshFlowConfig(SourceNoise.MATERN, 100, 3, 64, 8, 6, 1e-3, 0.01, true);
    }

    /**
     * @param value the source distribution
     * @return a copy with it
     */
    public MeshFlowConfig withNoise(SourceNoise value) {
        return new MeshFlowConfig(value, tau, sigma, width, fields, timeFrequencies, regularisation, gradientWeight, predictData);
    }

    /**
     * @param value whether the network predicts the clean signal (see the record's description)
     * @return a copy with it
     */
    public MeshFlowConfig withPredictData(boolean value) {
        return new MeshFlowConfig(noise, tau, sigma, width, fields, timeFrequencies, regularisation, gradientWeight, value);
    }

    /**
     * @param value σ
     * @return a copy with it
     */
    public MeshFlowConfig withSigma(double value) {
        return new MeshFlowConfig(noise, tau, value, width, fields, timeFrequencies, regularisation, gradientWeight, predictData);
    }

    /** @return the settings as strings, for provenance */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mesh.noise", noise.name().toLowerCase(java.util.Locale.ROOT));
        m.put("mesh.tau", Double.toString(tau));
        m.put("mesh.sigma", Double.toString(sigma));
        m.put("mesh.width", Integer.toString(width));
        m.put("mesh.fields", Integer.toString(fields));
        m.put("mesh.timeFrequencies", Integer.toString(timeFrequencies));
        m.put("mesh.regularisation", Double.toString(regularisation));
        m.put("mesh.gradientWeight", Double.toString(gradientWeight));
        m.put("mesh.predictData", Boolean.toString(predictData));
        return m;
    }
}
