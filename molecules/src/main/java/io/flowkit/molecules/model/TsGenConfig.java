package io.flowkit.molecules.model;

import io.flowkit.molecules.featurize.ElementVocabulary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The architecture and prior of a TS-GEN model.
 *
 * @param elements the elements it knows
 * @param width scalar channels per atom (also the number of vector channels)
 * @param layers message-passing layers
 * @param radialBasis Gaussian radial basis functions per distance
 * @param radialMax the last basis centre, Å
 * @param cutoff the smooth cutoff radius of interactions, Å (TS-GEN uses 12 Å)
 * @param timeFrequencies Fourier frequencies of the time embedding
 * @param prior where the flow starts
 * @param priorScale σ of the Gaussian prior (Å), or the noise added to the midpoint prior
 * @param normalized whether each layer reads normalised features (pre-norm: layer norm of the
 *     scalars, root-mean-square scaling of the vectors), which bounds the scalar–vector products of
 *     the update that otherwise compound over layers; false for models saved before it existed
 */
public record TsGenConfig(ElementVocabulary elements, int width, int layers, int radialBasis, double radialMax,
        double cutoff, int timeFrequencies, Prior prior, double priorScale, boolean normalized) {

    /**
     * A configuration without normalisation (the architecture of the models saved before it existed).
     *
     * @param elements the elements it knows
     * @param width scalar channels per atom
     * @param layers message-passing layers
     * @param radialBasis Gaussian radial basis functions per distance
     * @param radialMax the last basis centre, Å
     * @param cutoff the smooth cutoff radius, Å
     * @param timeFrequencies Fourier frequencies of the time embedding
     * @param prior where the flow starts
     * @param priorScale the prior's scale, Å
     */
    public TsGenConfig(ElementVocabulary elements, int width, int layers, int radialBasis, double radialMax,
            double cutoff, int timeFrequencies, Prior prior, double priorScale) {
        this(elements, width, layers, radialBasis, radialMax, cutoff, timeFrequencies, prior, priorScale, false);
    }

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public TsGenConfig {
        if (elements == null || prior == null) {
            throw new IllegalArgumentException("elements and prior must not be null");
        }
        if (width < 1 || layers < 1 || radialBasis < 2 || timeFrequencies < 1) {
            throw new IllegalArgumentException("width, layers, radial basis and time frequencies must be positive: "
                    + width + ", " + layers + ", " + radialBasis + ", " + timeFrequencies);
        }
        if (!(radialMax > 0) || !(cutoff > 0)) {
            throw new IllegalArgumentException("radial range and cutoff must be positive: " + radialMax + ", " + cutoff);
        }
        if (!(priorScale >= 0) || !Double.isFinite(priorScale)) {
            throw new IllegalArgumentException("prior scale is negative: " + priorScale);
        }
    }

    /**
     * The default, sized for a 2-core CPU: width 64, 4 layers, 20 radial functions up to 8 Å,
     * 12 Å cutoff, Gaussian prior with σ = 1 Å.
     *
     * @return the configuration
     */
    public static TsGenConfig defaults() {
        return new TsGenConfig(ElementVocabulary.organic(), 64, 4, 20, 8.0, 12.0, 8, Prior.GAUSSIAN, 1.0);
    }

    /**
     * The same configuration with another prior.
     *
     * @param newPrior the prior
     * @param scale its scale
     * @return the new configuration
     */
    public TsGenConfig withPrior(Prior newPrior, double scale) {
        return new TsGenConfig(elements, width, layers, radialBasis, radialMax, cutoff, timeFrequencies, newPrior, scale,
                normalized);
    }

    /**
     * The same configuration with another size.
     *
     * @param newWidth channels per atom
     * @param newLayers message-passing layers
     * @return the new configuration
     */
    public TsGenConfig withSize(int newWidth, int newLayers) {
        return new TsGenConfig(elements, newWidth, newLayers, radialBasis, radialMax, cutoff, timeFrequencies, prior,
                priorScale, normalized);
    }

    /**
     * The same configuration with or without pre-normalised layers.
     *
     * @param value whether layers read normalised features
     * @return the new configuration
     */
    public TsGenConfig withNormalization(boolean value) {
        return new TsGenConfig(elements, width, layers, radialBasis, radialMax, cutoff, timeFrequencies, prior,
                priorScale, value);
    }

    /** @return the settings as text, for checkpoints and reports */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tsgen.elements", elements.toString());
        m.put("tsgen.width", Integer.toString(width));
        m.put("tsgen.layers", Integer.toString(layers));
        m.put("tsgen.radialBasis", Integer.toString(radialBasis));
        m.put("tsgen.radialMax", Double.toString(radialMax));
        m.put("tsgen.cutoff", Double.toString(cutoff));
        m.put("tsgen.timeFrequencies", Integer.toString(timeFrequencies));
        m.put("tsgen.prior", prior.name().toLowerCase(java.util.Locale.ROOT));
        m.put("tsgen.priorScale", Double.toString(priorScale));
        if (normalized) {
            // Only when on, so that checkpoints written before the setting existed still resume.
            m.put("tsgen.normalized", "true");
        }
        return m;
    }
}
