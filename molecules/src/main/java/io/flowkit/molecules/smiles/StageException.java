package io.flowkit.molecules.smiles;

/**
 * A reaction SMILES that could not be turned into 3D geometries or a transition state, with the
 * stage at which it failed, so that a batch can report its failures by stage.
 */
public final class StageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The stages of the pipeline from reaction SMILES to transition state. */
    public enum Stage {
        /** Parsing and checking the atom maps. */
        PARSE("parse"),
        /** Building 3D starting geometries (CDK). */
        EMBED("3D build"),
        /** Optimising the conformers with GFN2-xTB. */
        OPTIMIZE("xtb optimisation"),
        /** Generating the transition state with the flow. */
        GENERATE("generation");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        /** @return how messages name the stage */
        public String label() {
            return label;
        }
    }

    private final Stage stage;

    /**
     * A failure.
     *
     * @param stage where it happened
     * @param message what happened
     * @param cause the underlying exception, or null
     */
    public StageException(Stage stage, String message, Throwable cause) {
        super(stage.label() + ": " + message, cause);
        this.stage = stage;
    }

    /** @return the stage that failed */
    public Stage stage() {
        return stage;
    }
}
