package io.flowkit.core.math;

import java.util.Arrays;

/**
 * The result of a {@link Kabsch} superposition: an orthogonal matrix {@code R} (row-major, 3 × 3),
 * a translation {@code t} and the root-mean-square deviation that remains after applying
 * {@code x ↦ R x + t} to the mobile points.
 *
 * @param rotation the orthogonal matrix, row-major {@code double[9]}; a proper rotation unless
 *     {@code reflection} is true
 * @param translation the translation {@code double[3]}
 * @param rmsd the (weighted) root-mean-square deviation after superposition, in the unit of the
 *     coordinates
 * @param reflection whether {@code rotation} has determinant −1 (a mirror image was allowed and
 *     fitted better)
 */
public record Superposition(double[] rotation, double[] translation, double rmsd, boolean reflection) {

    /**
     * Validates and copies the parts.
     *
     * @throws IllegalArgumentException if the arrays have the wrong length or the RMSD is negative
     */
    public Superposition {
        if (rotation == null || rotation.length != 9) {
            throw new IllegalArgumentException("rotation does not have 9 entries");
        }
        if (translation == null || translation.length != 3) {
            throw new IllegalArgumentException("translation does not have 3 entries");
        }
        if (!(rmsd >= 0)) {
            throw new IllegalArgumentException("rmsd is negative or NaN: " + rmsd);
        }
        rotation = rotation.clone();
        translation = translation.clone();
    }

    /** @return a copy of the row-major 3 × 3 matrix */
    @Override
    public double[] rotation() {
        return rotation.clone();
    }

    /** @return a copy of the translation */
    @Override
    public double[] translation() {
        return translation.clone();
    }

    /**
     * Applies the transform to interleaved points.
     *
     * @param points interleaved xyz
     * @return new array with {@code R p + t} for each point
     */
    public double[] apply(double[] points) {
        return So3.transformPoints(rotation, translation, points);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Superposition s
                && Arrays.equals(rotation, s.rotation)
                && Arrays.equals(translation, s.translation)
                && Double.compare(rmsd, s.rmsd) == 0
                && reflection == s.reflection;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(rotation) + Arrays.hashCode(translation)) + Double.hashCode(rmsd)
                + (reflection ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Superposition[rotation=" + Arrays.toString(rotation) + ", translation=" + Arrays.toString(translation)
                + ", rmsd=" + rmsd + ", reflection=" + reflection + "]";
    }
}
