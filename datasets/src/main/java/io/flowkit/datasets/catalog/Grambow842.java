package io.flowkit.datasets.catalog;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.io.ReactionTriplets;
import io.flowkit.datasets.molecule.io.SdfFormat;
import io.flowkit.datasets.io.MalformedInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The atom-mapped gas-phase reactions of {@code reactions/grambow-842}: the test set of Pattanaik
 * et al. 2020, "Generating transition states of isomerization reactions with deep learning"
 * (PCCP 22, 23618), with ωB97X-D3/def2-TZVP geometries from Grambow et al. 2020 (Sci. Data 7, 137).
 * Record i of {@code reactants.sdf}, {@code products.sdf} and {@code ts.sdf} is reaction i, with one
 * atom order (checked on loading); {@code tsgen2020_ts.sdf} holds the 2020 model's predicted
 * transition states for the same records. No energies are included.
 *
 * <p>Reaction ids come from the transition-state titles ({@code .../rxn010218ts.xyz} gives
 * {@code rxn010218}); the reactant and product titles (atom-mapped SMILES) stay on the molecules.
 */
public final class Grambow842 {

    /** The data set folder under {@code FLOWKIT_DATA}. */
    public static final String DATASET = "reactions/grambow-842";

    private static final Pattern RXN = Pattern.compile("(rxn\\d+)ts");

    private final List<Reaction> reactions;
    private final List<Molecule> predicted;

    private Grambow842(List<Reaction> reactions, List<Molecule> predicted) {
        this.reactions = reactions;
        this.predicted = predicted;
    }

    /**
     * Loads the data set from {@code FLOWKIT_DATA}.
     *
     * @return the data set
     * @throws IOException if a file is missing or malformed, or atom orders disagree
     * @throws IllegalStateException if the data set folder is not found
     */
    public static Grambow842 load() throws IOException {
        return load(DataLocation.dataset(DATASET));
    }

    /**
     * Loads the data set from a folder with the same four files.
     *
     * @param folder the folder
     * @return the data set
     * @throws IOException if a file is missing or malformed, or atom orders disagree
     */
    public static Grambow842 load(Path folder) throws IOException {
        Path tsFile = folder.resolve("ts.sdf");
        List<Molecule> ts = SdfFormat.readAll(tsFile);
        List<Reaction> read = ReactionTriplets.read(folder.resolve("reactants.sdf"), folder.resolve("products.sdf"),
                tsFile, i -> i < ts.size() ? id(ts.get(i).title(), i) : Integer.toString(i));
        List<Reaction> reactions = new java.util.ArrayList<>();
        for (Reaction r : read) {
            reactions.add(Reaction.builder().setId(r.id()).setReactant(groundState(r.reactant()))
                    .setProduct(groundState(r.product())).optTransitionState(groundState(r.transitionState().orElseThrow()))
                    .build());
        }
        Path predictedFile = folder.resolve("tsgen2020_ts.sdf");
        List<Molecule> predicted = SdfFormat.readAll(predictedFile);
        if (predicted.size() != reactions.size()) {
            throw MalformedInputException.of(predictedFile, "holds " + predicted.size() + " records but there are "
                    + reactions.size() + " reactions");
        }
        for (int i = 0; i < predicted.size(); i++) {
            ReactionTriplets.checkOrder(tsFile, reactions.get(i).transitionState().orElseThrow(), predictedFile,
                    predicted.get(i), i, reactions.get(i).id());
        }
        List<Molecule> predictedStates = new java.util.ArrayList<>();
        for (Molecule m : predicted) {
            predictedStates.add(groundState(m));
        }
        return new Grambow842(List.copyOf(reactions), List.copyOf(predictedStates));
    }

    /**
     * The electronic state of the calculations: neutral, and a singlet (a doublet for an odd number of
     * electrons). The SDF files carry radical flags ({@code M  RAD}) left by bond perception in the
     * original conversion; read literally they would make half of the molecules triplets or higher,
     * which the ωB97X-D3 calculations of Grambow et al. (2020) were not.
     */
    static Molecule groundState(Molecule m) {
        int electrons = java.util.Arrays.stream(m.atomicNumbers()).sum();
        return m.toBuilder().optCharge(0).optMultiplicity(electrons % 2 == 0 ? 1 : 2).build();
    }

    private static String id(String title, int index) {
        Matcher m = RXN.matcher(title);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last != null ? last : Integer.toString(index);
    }

    /** @return the reactions (reactant, product, reference transition state), in record order */
    public List<Reaction> reactions() {
        return reactions;
    }

    /** @return the transition states predicted by the 2020 model, record i for reaction i */
    public List<Molecule> predictedTransitionStates() {
        return predicted;
    }

    /** @return the number of reactions */
    public int size() {
        return reactions.size();
    }
}
