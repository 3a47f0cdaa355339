package io.flowkit.molecules.model;

import io.flowkit.flow.random.SeededRandom;
import java.util.Locale;

/** Where the transition-state flow starts ({@code t = 0}), in the reactant-centred frame. */
public enum Prior {
    /** Isotropic Gaussian noise N(0, σ²I) per coordinate, centred per molecule (TS-GEN). */
    GAUSSIAN,
    /**
     * The aligned midpoint (R + P)/2 of reactant and product, optionally with Gaussian noise of
     * scale σ, the deterministic start of React-OT (Duan et al. 2025, "Optimal transport for
     * generating transition states in chemical reactions").
     */
    MIDPOINT;

    /**
     * Draws the starting states of a padded batch.
     *
     * @param reactants centred reactants, padded, {@code B × N × 3}
     * @param products superposed products, same layout
     * @param mask 1 for real coordinates, 0 for padding
     * @param atoms the padded atom count {@code N}
     * @param scale σ
     * @param random the random stream
     * @return the starting states, zero at padding and centred per molecule
     */
    public float[] sample(float[] reactants, float[] products, float[] mask, int atoms, double scale, SeededRandom random) {
        float[] x = new float[reactants.length];
        for (int k = 0; k < x.length; k++) {
            double noise = scale > 0 ? scale * random.nextGaussian() : 0;
            double base = this == MIDPOINT ? 0.5 * (reactants[k] + products[k]) : 0;
            x[k] = (float) ((base + noise) * mask[k]);
        }
        centre(x, mask, atoms);
        return x;
    }

    /** Subtracts each molecule's mean over its real atoms. */
    static void centre(float[] x, float[] mask, int atoms) {
        int stride = atoms * 3;
        for (int start = 0; start < x.length; start += stride) {
            double[] sum = new double[3];
            double count = 0;
            for (int a = 0; a < atoms; a++) {
                int at = start + 3 * a;
                if (mask[at] > 0) {
                    count++;
                    for (int d = 0; d < 3; d++) {
                        sum[d] += x[at + d];
                    }
                }
            }
            if (count == 0) {
                continue;
            }
            for (int a = 0; a < atoms; a++) {
                int at = start + 3 * a;
                if (mask[at] > 0) {
                    for (int d = 0; d < 3; d++) {
                        x[at + d] -= (float) (sum[d] / count);
                    }
                }
            }
        }
    }

    /**
     * Looks a prior up by name.
     *
     * @param name {@code gaussian} or {@code midpoint}
     * @return the prior
     * @throws IllegalArgumentException naming the known priors
     */
    public static Prior byName(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown prior: " + name + " (known: gaussian, midpoint)", e);
        }
    }
}
