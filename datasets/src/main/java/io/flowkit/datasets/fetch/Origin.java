package io.flowkit.datasets.fetch;

/** How a manifest file's original address was established, and whether it holds the same bytes. */
public enum Origin {
    /** The path was seen in an index of the public repository; the address should serve these bytes. */
    INDEXED,
    /** The path is deduced from other sources (code that names it, the package it came from); not seen. */
    INFERRED,
    /**
     * The file was made from the original at the address (a subset, a conversion): no public address
     * serves these bytes, so only a mirror can provide it.
     */
    DERIVED;

    /**
     * Reads the manifest spelling.
     *
     * @param text {@code indexed}, {@code inferred} or {@code derived}
     * @return the origin
     * @throws IllegalArgumentException for any other text
     */
    public static Origin parse(String text) {
        for (Origin o : values()) {
            if (o.label().equals(text)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown origin '" + text + "' (expected indexed, inferred or derived)");
    }

    /** @return the manifest spelling, in lower case */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
