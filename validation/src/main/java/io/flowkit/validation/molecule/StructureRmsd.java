package io.flowkit.validation.molecule;

import io.flowkit.core.math.Kabsch;
import io.flowkit.core.math.Superposition;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.validation.internal.Checks;

/**
 * Root-mean-square deviation between two conformations of one molecule with the same atom order,
 * after optimal rigid superposition (Kabsch 1976; computed by Horn's quaternion method in
 * {@link Kabsch}). Coordinates are in ångström, so are the results.
 *
 * <p>{@link #rmsd} allows only proper rotations: a mirror image is a different molecule (an
 * enantiomer) and keeps a non-zero RMSD. {@link #rmsdAllowingMirrorImage} also allows reflections,
 * as some TS-generation papers do when chirality is not modelled; report which one you use.
 */
public final class StructureRmsd {

    private StructureRmsd() {}

    /**
     * RMSD after the best proper rotation and translation.
     *
     * @param predicted predicted positions, interleaved xyz in Å
     * @param reference reference positions, same atom order
     * @return the RMSD in Å
     * @throws IllegalArgumentException if the arrays are empty, differ in atom count or hold a
     *     coordinate that is not finite
     */
    public static double rmsd(double[] predicted, double[] reference) {
        return superpose(predicted, reference).rmsd();
    }

    /**
     * RMSD after the best rotation, translation and optional reflection.
     *
     * @param predicted predicted positions, interleaved xyz in Å
     * @param reference reference positions, same atom order
     * @return the RMSD in Å, never larger than {@link #rmsd}
     * @throws IllegalArgumentException on bad input as {@link #rmsd}
     */
    public static double rmsdAllowingMirrorImage(double[] predicted, double[] reference) {
        check(predicted, reference);
        return Kabsch.superposeAllowingReflection(predicted, reference).rmsd();
    }

    /**
     * Symmetry-corrected RMSD: the smallest RMSD over the permutations of a symmetry (for example
     * the three hydrogens of a methyl group listed in any order), after the best proper rotation,
     * or also allowing a reflection.
     *
     * @param predicted predicted positions, interleaved xyz in Å
     * @param reference reference positions, same atom order
     * @param symmetry the interchangeable atoms ({@link AtomSymmetry})
     * @param allowMirrorImage whether a reflection is allowed too
     * @return the RMSD in Å, never larger than without the symmetry
     * @throws IllegalArgumentException on bad input as {@link #rmsd}, or a symmetry of another atom count
     */
    public static double rmsd(double[] predicted, double[] reference, AtomSymmetry symmetry, boolean allowMirrorImage) {
        check(predicted, reference);
        if (symmetry.atomCount() * 3 != reference.length) {
            throw new IllegalArgumentException("the symmetry has " + symmetry.atomCount() + " atoms but reference has "
                    + reference.length / 3);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < symmetry.size(); k++) {
            double[] p = symmetry.apply(k, predicted);
            double r = allowMirrorImage ? Kabsch.superposeAllowingReflection(p, reference).rmsd()
                    : Kabsch.superpose(p, reference).rmsd();
            best = Math.min(best, r);
        }
        return best;
    }

    /**
     * Per-atom deviation after the best proper superposition: {@code |R p_i + t − r_i|} for each
     * atom.
     *
     * @param predicted predicted positions, interleaved xyz in Å
     * @param reference reference positions, same atom order
     * @return one deviation per atom in Å; their root mean square is {@link #rmsd}
     * @throws IllegalArgumentException on bad input as {@link #rmsd}
     */
    public static double[] atomErrors(double[] predicted, double[] reference) {
        double[] moved = superpose(predicted, reference).apply(predicted);
        double[] out = new double[moved.length / 3];
        for (int i = 0; i < out.length; i++) {
            double dx = moved[3 * i] - reference[3 * i];
            double dy = moved[3 * i + 1] - reference[3 * i + 1];
            double dz = moved[3 * i + 2] - reference[3 * i + 2];
            out[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return out;
    }

    /**
     * RMSD of two molecules after checking that they list the same elements in the same order.
     *
     * @param predicted predicted structure
     * @param reference reference structure
     * @return the RMSD in Å
     * @throws IllegalArgumentException if the atom counts or the element at some position differ
     */
    public static double rmsd(Molecule predicted, Molecule reference) {
        checkSameAtoms(predicted, reference);
        return rmsd(predicted.positions(), reference.positions());
    }

    /**
     * Mirror-image-tolerant RMSD of two molecules with the same atoms in the same order.
     *
     * @param predicted predicted structure
     * @param reference reference structure
     * @return the RMSD in Å
     * @throws IllegalArgumentException if the atoms differ
     */
    public static double rmsdAllowingMirrorImage(Molecule predicted, Molecule reference) {
        checkSameAtoms(predicted, reference);
        return rmsdAllowingMirrorImage(predicted.positions(), reference.positions());
    }

    /**
     * Per-atom errors of two molecules with the same atoms in the same order.
     *
     * @param predicted predicted structure
     * @param reference reference structure
     * @return one deviation per atom in Å
     * @throws IllegalArgumentException if the atoms differ
     */
    public static double[] atomErrors(Molecule predicted, Molecule reference) {
        checkSameAtoms(predicted, reference);
        return atomErrors(predicted.positions(), reference.positions());
    }

    /**
     * Checks that two molecules list the same elements in the same order.
     *
     * @param predicted predicted structure
     * @param reference reference structure
     * @throws IllegalArgumentException naming the first differing atom
     */
    static void checkSameAtoms(Molecule predicted, Molecule reference) {
        if (predicted.atomCount() != reference.atomCount()) {
            throw new IllegalArgumentException("predicted has " + predicted.atomCount() + " atoms but reference has "
                    + reference.atomCount());
        }
        for (int i = 0; i < predicted.atomCount(); i++) {
            if (predicted.atomicNumber(i) != reference.atomicNumber(i)) {
                throw new IllegalArgumentException("atom order differs at atom " + i + ": predicted "
                        + predicted.symbol(i) + ", reference " + reference.symbol(i));
            }
        }
    }

    private static Superposition superpose(double[] predicted, double[] reference) {
        check(predicted, reference);
        return Kabsch.superpose(predicted, reference);
    }

    private static void check(double[] predicted, double[] reference) {
        int n = Checks.points3(predicted, "predicted");
        int m = Checks.points3(reference, "reference");
        if (n != m) {
            throw new IllegalArgumentException("predicted has " + n + " atoms but reference has " + m);
        }
    }
}
