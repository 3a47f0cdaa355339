package io.flowkit.assembly.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The architecture of an assembly flow model.
 *
 * @param maxParts the most parts an object may have
 * @param width channels per point
 * @param heads attention heads (dividing the width)
 * @param blocks pairs of (within-part, across-parts) attention blocks
 * @param timeFrequencies Fourier frequencies of the time embedding
 * @param alignWidth width of the projection head for representation alignment (TORA), or 0 for none
 * @param normals whether each point also sees its surface normal in its input pose
 */
public record AssemblyConfig(int maxParts, int width, int heads, int blocks, int timeFrequencies, int alignWidth,
        boolean normals) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public AssemblyConfig {
        if (maxParts < 2) {
            throw new IllegalArgumentException("max parts is below 2: " + maxParts);
        }
        if (width < 1 || heads < 1 || blocks < 1 || timeFrequencies < 1) {
            throw new IllegalArgumentException("width, heads, blocks and time frequencies must be positive: " + width
                    + ", " + heads + ", " + blocks + ", " + timeFrequencies);
        }
        if (alignWidth < 0) {
            throw new IllegalArgumentException("align width is negative: " + alignWidth);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("heads " + heads + " do not divide the width " + width);
        }
    }

    /**
     * A configuration whose points see no normals.
     *
     * @param maxParts the most parts an object may have
     * @param width channels per point
     * @param heads attention heads (dividing the width)
     * @param blocks pairs of (within-part, across-parts) attention blocks
     * @param timeFrequencies Fourier frequencies of the time embedding
     * @param alignWidth width of the alignment projection head, or 0 for none
     */
    public AssemblyConfig(int maxParts, int width, int heads, int blocks, int timeFrequencies, int alignWidth) {
        this(maxParts, width, heads, blocks, timeFrequencies, alignWidth, false);
    }

    /** @return up to 8 parts, width 64, 4 heads, 3 block pairs, 6 time frequencies, no alignment head, no normals */
    public static AssemblyConfig defaults() {
        return new AssemblyConfig(8, 64, 4, 3, 6, 0);
    }

    /**
     * @param value width of the alignment projection head, 0 for none
     * @return a copy with it
     */
    public AssemblyConfig withAlignWidth(int value) {
        return new AssemblyConfig(maxParts, width, heads, blocks, timeFrequencies, value, normals);
    }

    /**
     * @param value whether points see their normals
     * @return a copy with it
     */
    public AssemblyConfig withNormals(boolean value) {
        return new AssemblyConfig(maxParts, width, heads, blocks, timeFrequencies, alignWidth, value);
    }

    /** @return the settings as strings, for provenance */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("assembly.maxParts", Integer.toString(maxParts));
        m.put("assembly.width", Integer.toString(width));
        m.put("assembly.heads", Integer.toString(heads));
        m.put("assembly.blocks", Integer.toString(blocks));
        m.put("assembly.timeFrequencies", Integer.toString(timeFrequencies));
        m.put("assembly.alignWidth", Integer.toString(alignWidth));
        if (normals) {
            m.put("assembly.normals", "true");
        }
        return m;
    }
}
