package io.flowkit.assembly.model;

import java.util.Locale;

/** Where an assembly flow moves: the points of the parts (RPF) or the parts' poses (GARF). */
public enum FlowSpace {
    /**
     * Rectified Point Flow (Sun et al. 2025): every point flows from noise to its assembled position;
     * poses follow by Kabsch superposition.
     */
    POINTS,
    /**
     * A pose flow as in GARF (Li et al. 2025): each part's rotation flows along an SO(3) geodesic
     * (exp/log) and its translation along a line, from a random pose to the assembled one.
     */
    POSES;

    /**
     * Parses a name.
     *
     * @param name {@code points} or {@code poses}, any case
     * @return the flow space
     * @throws IllegalArgumentException for another name
     */
    public static FlowSpace parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown flow space: " + name + " (known: points, poses)", e);
        }
    }

    /** @return the lower-case name */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
