package io.flowkit.validation.molecule;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-reaction errors of predicted transition states (or any predicted structures) against
 * reference structures with the same atom order: the RMSD after proper superposition, the RMSD
 * allowing a mirror image, and the largest per-atom error, all in Å; plus their
 * {@link RmsdSummary}.
 */
public final class ReactionErrors {

    private final List<Entry> entries;

    private ReactionErrors(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Compares predicted structures with reference structures, pairwise by position in the lists.
     *
     * @param ids one identifier per pair (reaction ids, titles), or null for "0", "1", ...
     * @param predicted predicted structures
     * @param reference reference structures, same length and atom orders
     * @return the errors
     * @throws IllegalArgumentException if the lists are empty or differ in length, or a pair differs
     *     in its atoms (the message names the pair)
     */
    public static ReactionErrors of(List<String> ids, List<Molecule> predicted, List<Molecule> reference) {
        if (predicted == null || reference == null || predicted.isEmpty()) {
            throw new IllegalArgumentException("predicted structures are empty");
        }
        if (predicted.size() != reference.size()) {
            throw new IllegalArgumentException("predicted has " + predicted.size() + " structures but reference has "
                    + reference.size());
        }
        if (ids != null && ids.size() != predicted.size()) {
            throw new IllegalArgumentException("ids has " + ids.size() + " entries, expected " + predicted.size());
        }
        List<Entry> out = new ArrayList<>();
        for (int k = 0; k < predicted.size(); k++) {
            String id = ids == null ? String.valueOf(k) : ids.get(k);
            Molecule p = predicted.get(k);
            Molecule r = reference.get(k);
            try {
                StructureRmsd.checkSameAtoms(p, r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("structure " + k + " (" + id + "): " + e.getMessage(), e);
            }
            double[] errors = StructureRmsd.atomErrors(p.positions(), r.positions());
            double sum = 0;
            double max = 0;
            for (double e : errors) {
                sum += e * e;
                max = Math.max(max, e);
            }
            double mirror = StructureRmsd.rmsdAllowingMirrorImage(p.positions(), r.positions());
            out.add(new Entry(id, p.atomCount(), Math.sqrt(sum / errors.length), mirror, max));
        }
        return new ReactionErrors(out);
    }

    /**
     * Compares predicted transition states with the reference transition states of reactions.
     *
     * @param reactions reactions that carry a reference transition state
     * @param predictedTransitionStates one predicted structure per reaction, same atom order
     * @return the errors, identified by reaction id
     * @throws IllegalArgumentException if a reaction has no transition state, or the atoms differ
     */
    public static ReactionErrors transitionStates(List<Reaction> reactions, List<Molecule> predictedTransitionStates) {
        List<String> ids = new ArrayList<>();
        List<Molecule> reference = new ArrayList<>();
        for (Reaction r : reactions) {
            ids.add(r.id());
            reference.add(r.transitionState().orElseThrow(
                    () -> new IllegalArgumentException("reaction " + r.id() + " has no reference transition state")));
        }
        return of(ids, predictedTransitionStates, reference);
    }

    /** @return the per-structure errors, in input order */
    public List<Entry> entries() {
        return entries;
    }

    /** @return the proper-rotation RMSDs, in input order (Å) */
    public double[] rmsds() {
        return entries.stream().mapToDouble(Entry::rmsd).toArray();
    }

    /**
     * The summary of the proper-rotation RMSDs.
     *
     * @param thresholds share thresholds in Å
     * @return the summary
     */
    public RmsdSummary summary(double... thresholds) {
        return RmsdSummary.of(rmsds(), thresholds);
    }

    /**
     * Errors of one structure.
     *
     * @param id its identifier
     * @param atoms its atom count
     * @param rmsd RMSD after proper superposition, Å
     * @param rmsdAllowingMirrorImage RMSD allowing a reflection, Å
     * @param maxAtomError the largest per-atom deviation after proper superposition, Å
     */
    public record Entry(String id, int atoms, double rmsd, double rmsdAllowingMirrorImage, double maxAtomError) {}
}
