package io.flowkit.molecules.batch;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import java.util.Objects;

/**
 * One input record of a batch of reactions: its record number (0-based, the random stream it
 * draws from), the name that messages use, and either a reaction given as geometries, an
 * atom-mapped reaction SMILES (with the title its molecules get), or the problem that made it
 * unusable with the stage it was found at. Exactly one of {@code reaction}, {@code smiles} and
 * {@code problem} is set.
 *
 * @param index the record number, at least 0
 * @param name how messages name the record, e.g. {@code "R.sdf + P.sdf record 3 (rxn-3)"}
 * @param reaction the reaction, or null
 * @param smiles the reaction SMILES, or null
 * @param title the title of the molecules built from the SMILES, or null
 * @param problem why the record cannot be used, or null
 * @param stage the stage the problem was found at, set exactly when the problem is
 */
public record ReactionRecord(long index, String name, Reaction reaction, String smiles, String title, String problem,
        TsRecord.Stage stage) {

    /**
     * Checks the record.
     *
     * @throws IllegalArgumentException if the index is negative or not exactly one of the three is set
     */
    public ReactionRecord {
        Objects.requireNonNull(name, "name");
        if (index < 0) {
            throw new IllegalArgumentException("record index is negative: " + index);
        }
        int set = (reaction != null ? 1 : 0) + (smiles != null ? 1 : 0) + (problem != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("record " + name + " must hold exactly one of a reaction, a SMILES or a "
                    + "problem, not " + set);
        }
        if ((problem == null) != (stage == null)) {
            throw new IllegalArgumentException("record " + name + " needs a stage exactly when it has a problem");
        }
    }

    /**
     * A record given as geometries; a pair that is not one reaction (different atoms, say) becomes
     * a record with its problem.
     *
     * @param index the record number
     * @param name how messages name it
     * @param id the reaction's identifier (titles of the outputs)
     * @param reactant the reactant
     * @param product the product, same atoms in the same order
     * @return the record
     */
    public static ReactionRecord ofGeometries(long index, String name, String id, Molecule reactant, Molecule product) {
        try {
            return new ReactionRecord(index, name, Reaction.of(id, reactant, product), null, null, null, null);
        } catch (IllegalArgumentException e) {
            return invalid(index, name, e.getMessage());
        }
    }

    /**
     * A record given as an atom-mapped reaction SMILES.
     *
     * @param index the record number
     * @param name how messages name it
     * @param title the title of the molecules built from it
     * @param smiles the SMILES
     * @return the record
     */
    public static ReactionRecord ofSmiles(long index, String name, String title, String smiles) {
        return new ReactionRecord(index, name, null, Objects.requireNonNull(smiles, "smiles"),
                Objects.requireNonNull(title, "title"), null, null);
    }

    /**
     * A record that cannot be read or is not one reaction (stage {@link TsRecord.Stage#READ}).
     *
     * @param index the record number
     * @param name how messages name it
     * @param problem why
     * @return the record
     */
    public static ReactionRecord invalid(long index, String name, String problem) {
        return failed(index, name, TsRecord.Stage.READ, problem);
    }

    /**
     * A record that failed at some stage before generation (building its geometries, say).
     *
     * @param index the record number
     * @param name how messages name it
     * @param stage where
     * @param problem why
     * @return the record
     */
    public static ReactionRecord failed(long index, String name, TsRecord.Stage stage, String problem) {
        return new ReactionRecord(index, name, null, null, null, Objects.requireNonNull(problem, "problem"),
                Objects.requireNonNull(stage, "stage"));
    }
}
