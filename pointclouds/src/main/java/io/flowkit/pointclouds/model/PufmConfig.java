package io.flowkit.pointclouds.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The architecture and patch settings of a PUFM++ upsampling model.
 *
 * @param ratio the upsampling rate r of one pass (4; x16 is x4 twice)
 * @param patchSize sparse points per patch (PUFM++: 256, giving {@code patchSize·ratio} = 1,024 dense points)
 * @param width channels per point
 * @param latents latent tokens of the recurrent interface network
 * @param blocks read-compute-write blocks
 * @param heads attention heads (dividing {@code width})
 * @param neighbours neighbours of each point in the local edge features
 * @param timeFrequencies Fourier frequencies of the time embedding
 * @param noise σ of the Gaussian noise added to the interpolated cloud to form x0 (PUFM++: 0.02)
 */
public record PufmConfig(int ratio, int patchSize, int width, int latents, int blocks, int heads, int neighbours,
        int timeFrequencies, double noise) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public PufmConfig {
        if (ratio < 2) {
            throw new IllegalArgumentException("ratio is below 2: " + ratio);
        }
        if (patchSize < 2 * ratio) {
            throw new IllegalArgumentException("patch size is below 2·ratio: " + patchSize);
        }
        if (width < 1 || latents < 1 || blocks < 1 || heads < 1 || neighbours < 1 || timeFrequencies < 1) {
            throw new IllegalArgumentException("width, latents, blocks, heads, neighbours and time frequencies must be "
                    + "positive: " + width + ", " + latents + ", " + blocks + ", " + heads + ", " + neighbours + ", "
                    + timeFrequencies);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("heads " + heads + " do not divide the width " + width);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise is negative or not finite: " + noise);
        }
    }

    /**
     * The default, sized for a 2-core CPU: x4, patches of 256 → 1,024 points, width 64, 32 latents,
     * 2 blocks, 4 heads, 8 neighbours, noise 0.02.
     *
     * @return the configuration
     */
    public static PufmConfig defaults() {
        return new PufmConfig(4, 256, 64, 32, 2, 4, 8, 8, 0.02);
    }

    /**
     * The same configuration with another size.
     *
     * @param newWidth channels per point
     * @param newBlocks read-compute-write blocks
     * @return the new configuration
     */
    public PufmConfig withSize(int newWidth, int newBlocks) {
        return new PufmConfig(ratio, patchSize, newWidth, latents, newBlocks, heads, neighbours, timeFrequencies, noise);
    }

    /**
     * The same configuration with another patch size.
     *
     * @param newPatchSize sparse points per patch
     * @return the new configuration
     */
    public PufmConfig withPatchSize(int newPatchSize) {
        return new PufmConfig(ratio, newPatchSize, width, latents, blocks, heads, neighbours, timeFrequencies, noise);
    }

    /** @return dense points per patch, {@code patchSize · ratio} */
    public int densePoints() {
        return patchSize * ratio;
    }

    /** @return the settings as provenance entries */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pufm.ratio", Integer.toString(ratio));
        m.put("pufm.patchSize", Integer.toString(patchSize));
        m.put("pufm.width", Integer.toString(width));
        m.put("pufm.latents", Integer.toString(latents));
        m.put("pufm.blocks", Integer.toString(blocks));
        m.put("pufm.heads", Integer.toString(heads));
        m.put("pufm.neighbours", Integer.toString(neighbours));
        m.put("pufm.timeFrequencies", Integer.toString(timeFrequencies));
        m.put("pufm.noise", Double.toString(noise));
        return m;
    }
}
