package io.flowkit.molecules.batch;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.molecules.smiles.StageException;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one record: its transition state, or the failure with the stage it happened at.
 *
 * @param index the record number
 * @param name how messages name the record
 * @param transitionState the transition state, or null when the record failed
 * @param stage the stage that failed (reading, the SMILES stages, generation), or null on success
 * @param failure what went wrong, or null on success
 * @param note why the xtb refinement was not applied to a success (it is then the unrefined
 *     structure), or null
 */
public record TsRecord(long index, String name, Molecule transitionState, Stage stage, String failure, String note) {

    /** Where a record can fail. */
    public enum Stage {
        /** The record could not be read or is not one reaction. */
        READ("read"),
        /** Parsing the reaction SMILES. */
        PARSE(StageException.Stage.PARSE.label()),
        /** Building 3D starts from the SMILES. */
        EMBED(StageException.Stage.EMBED.label()),
        /** Optimising the SMILES's conformers with xtb. */
        OPTIMIZE(StageException.Stage.OPTIMIZE.label()),
        /** Generating the transition state. */
        GENERATE(StageException.Stage.GENERATE.label());

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        /** @return how messages name the stage */
        public String label() {
            return label;
        }

        /**
         * @param s a stage of the SMILES pipeline
         * @return the same stage
         */
        public static Stage of(StageException.Stage s) {
            return valueOf(s.name());
        }
    }

    /**
     * Checks the outcome.
     *
     * @throws IllegalArgumentException unless exactly one of a transition state and a failure is set,
     *     the failure with its stage
     */
    public TsRecord {
        Objects.requireNonNull(name, "name");
        if ((transitionState == null) == (failure == null) || (failure == null) != (stage == null)) {
            throw new IllegalArgumentException("record " + name + " needs either a transition state or a failure with "
                    + "its stage");
        }
    }

    /** @return whether a transition state was generated */
    public boolean succeeded() {
        return transitionState != null;
    }

    /** @return the transition state, empty when the record failed */
    public Optional<Molecule> optTransitionState() {
        return Optional.ofNullable(transitionState);
    }

    /** @return the failure as messages print it: {@code name: failure} (empty on success) */
    public String message() {
        return failure == null ? "" : name + ": " + failure;
    }
}
