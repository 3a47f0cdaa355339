package io.flowkit.molecules.refine;

import io.flowkit.core.math.Kabsch;
import io.flowkit.datasets.molecule.Elements;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.validation.molecule.energy.XtbCalculator;
import io.flowkit.validation.molecule.energy.XtbException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A short GFN2-xTB refinement of a generated transition state: the distances of the bonds that
 * form or break (bonded in the reactant but not the product, or the other way round) are held at
 * their generated values, and every other degree of freedom relaxes ({@code xtb --opt} with
 * distance restraints; see {@link XtbCalculator#optimize}). This is the constrained relaxation
 * orthogonal to the reaction coordinate that TS searches start from (for example the
 * reaction-coordinate scans of Grambow et al., Sci. Data 7, 137, 2020); it fixes the spectator bond
 * lengths and angles that a flow gets slightly wrong, which dominate the energy error.
 *
 * <p>It never makes a structure worse silently: the flow's structure is kept, with the reason, when
 * xtb fails or does not converge, when the relaxation moves the structure by more than
 * {@link Builder#optMaxShift(double) the largest shift} (RMSD after superposition), or when a bond
 * that the reaction keeps breaks or a pair that stays apart bonds.
 *
 * <pre>{@code
 * XtbRefiner refiner = XtbRefiner.builder().build();
 * XtbRefiner.Refined r = refiner.refine(reaction, generatedTs);
 * Molecule ts = r.structure();          // refined, or the flow's structure when r.refined() is false
 * }</pre>
 */
public final class XtbRefiner {

    /** Two atoms are bonded when closer than this factor times the sum of their covalent radii. */
    public static final double BOND_FACTOR = 1.2;

    private final XtbCalculator calculator;
    private final double maxShift;

    private XtbRefiner(Builder b) {
        this.calculator = b.calculator != null ? b.calculator : XtbCalculator.builder().build();
        this.maxShift = b.maxShift;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The outcome of one refinement.
     *
     * @param structure the refined structure, or the flow's when {@code refined} is false
     * @param refined whether the refinement was kept
     * @param note why it was not kept, or a summary of what it did
     * @param shiftAngstrom RMSD between the flow's and the relaxed structure (NaN when xtb failed)
     * @param seconds wall time
     */
    public record Refined(Molecule structure, boolean refined, String note, double shiftAngstrom, double seconds) {}

    /**
     * Refines one generated transition state.
     *
     * @param reaction the reaction (reactant and product with the generated structure's atom order)
     * @param generated the flow's transition state
     * @return the refined structure, or the flow's with the reason it was kept
     * @throws IllegalArgumentException if the atoms of the structure and the reaction differ
     */
    public Refined refine(Reaction reaction, Molecule generated) {
        long start = System.nanoTime();
        Reaction.checkSameAtoms(reaction.id(), reaction.reactant(), "reactant", generated, "generated transition state");
        boolean[][] inR = bonds(reaction.reactant());
        boolean[][] inP = bonds(reaction.product());
        int n = generated.atomCount();
        List<int[]> active = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (inR[i][j] != inP[i][j]) {
                    active.add(new int[] {i, j});
                }
            }
        }
        XtbCalculator.XtbOptimization opt;
        try {
            opt = calculator.optimize(generated, active, reaction.id());
        } catch (XtbException e) {
            return kept(generated, "xtb failed: " + e.getMessage(), Double.NaN, start);
        }
        Molecule relaxed = opt.geometry();
        double shift = Kabsch.rmsd(relaxed.positions(), generated.positions());
        if (!opt.converged()) {
            return kept(generated, "the relaxation did not converge", shift, start);
        }
        if (shift > maxShift) {
            return kept(generated, String.format(Locale.ROOT, "the relaxation moved the structure by %.3f Å (more than "
                    + "%.2f Å)", shift, maxShift), shift, start);
        }
        boolean[][] after = bonds(relaxed);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (inR[i][j] == inP[i][j] && after[i][j] != inR[i][j]) {
                    return kept(generated, "the relaxation " + (inR[i][j] ? "broke" : "formed") + " the bond " + i + "–" + j
                            + ", which the reaction " + (inR[i][j] ? "keeps" : "does not form"), shift, start);
                }
            }
        }
        Molecule refined = relaxed.toBuilder().optTitle(generated.title().isBlank() ? "xTB-refined transition state"
                : generated.title() + " (xTB-refined)").build();
        return new Refined(refined, true, String.format(Locale.ROOT, "relaxed with %d forming/breaking distances held; "
                + "moved %.3f Å", active.size(), shift), shift, seconds(start));
    }

    /**
     * Refines many structures, one xtb process at a time, reporting progress on stderr when asked.
     *
     * @param reactions the reactions
     * @param generated the flow's structure for each, in the same order
     * @param progress whether to print a progress line on stderr
     * @return one outcome per reaction
     * @throws IllegalArgumentException if the lists differ in length or a structure does not fit its reaction
     */
    public List<Refined> refineAll(List<Reaction> reactions, List<Molecule> generated, boolean progress) {
        if (reactions.size() != generated.size()) {
            throw new IllegalArgumentException(generated.size() + " structures for " + reactions.size() + " reactions");
        }
        List<Refined> out = new ArrayList<>(reactions.size());
        for (int i = 0; i < reactions.size(); i++) {
            out.add(refine(reactions.get(i), generated.get(i)));
            if (progress) {
                System.err.printf(Locale.ROOT, "\rxtb refinement %d/%d", i + 1, reactions.size());
            }
        }
        if (progress) {
            System.err.println();
        }
        return out;
    }

    /**
     * The bond matrix of a molecule: distance below {@value #BOND_FACTOR} times the sum of the
     * covalent radii.
     *
     * @param m the molecule
     * @return whether atoms i and j are bonded
     */
    public static boolean[][] bonds(Molecule m) {
        return Elements.bondsByCovalentRadii(m.atomicNumbers(), m.positions(), BOND_FACTOR);
    }

    private static Refined kept(Molecule generated, String why, double shift, long start) {
        return new Refined(generated, false, "kept the flow's structure: " + why, shift, seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Configures an {@link XtbRefiner}; every setting is optional. */
    public static final class Builder {
        private XtbCalculator calculator;
        private double maxShift = 0.5;

        private Builder() {}

        /**
         * @param value the xtb calculator (default: GFN2-xTB from PATH or {@code FLOWKIT_XTB}, one thread)
         * @return this builder
         */
        public Builder optCalculator(XtbCalculator value) {
            this.calculator = value;
            return this;
        }

        /**
         * @param angstrom the largest RMSD the relaxation may move the flow's structure (default 0.5 Å)
         * @return this builder
         */
        public Builder optMaxShift(double angstrom) {
            this.maxShift = angstrom;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the refiner
         * @throws IllegalArgumentException if the largest shift is not positive
         */
        public XtbRefiner build() {
            if (!(maxShift > 0)) {
                throw new IllegalArgumentException("largest shift is not positive: " + maxShift);
            }
            return new XtbRefiner(this);
        }
    }
}
