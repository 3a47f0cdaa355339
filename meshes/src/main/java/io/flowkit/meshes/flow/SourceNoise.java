package io.flowkit.meshes.flow;

import java.util.Locale;

/** The source distribution of a mesh flow. */
public enum SourceNoise {
    /** Matérn Gaussian random field noise ({@link io.flowkit.meshes.noise.MaternNoise}): the method. */
    MATERN,
    /** Independent Gaussian noise per vertex and channel: the negative control of the paper. */
    INDEPENDENT;

    /**
     * Parses a name.
     *
     * @param name {@code matern} or {@code independent}, any case
     * @return the kind
     * @throws IllegalArgumentException for another name
     */
    public static SourceNoise parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source noise: " + name + " (known: matern, independent)", e);
        }
    }
}
