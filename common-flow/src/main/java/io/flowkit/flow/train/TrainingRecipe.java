package io.flowkit.flow.train;

import io.flowkit.flow.checkpoint.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A module's training recipe: its data, training with checkpoints and resume, evaluation (where it
 * has one) and save. A module's {@code train} command and {@code flowkit bench --full} run the same
 * recipe.
 */
public interface TrainingRecipe {

    /**
     * Trains into a model folder, resuming from the newest checkpoint in the recipe's checkpoint
     * folder (default {@code out/checkpoints}); saves the model with its provenance into
     * {@code out} only when training finished.
     *
     * @param out the model folder
     * @return how far the run got
     * @throws IOException if the data cannot be read or the model cannot be written
     */
    Outcome run(Path out) throws IOException;

    /**
     * Asks the run to write a checkpoint after its current step and return an unfinished outcome;
     * safe from any thread. A request made before or between runs holds for the next run.
     */
    void requestStop();

    /**
     * How far a run got.
     *
     * @param finished whether training finished and the model was saved
     * @param model the model folder (it holds a model only when finished)
     * @param step the training step reached
     * @param summary for people: the evaluation table or the model's metrics, or where a run stopped
     */
    record Outcome(boolean finished, Path model, long step, String summary) {

        /** Checks the fields. */
        public Outcome {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(summary, "summary");
            if (step < 0) {
                throw new IllegalArgumentException("step is negative: " + step);
            }
        }

        /**
         * @param model the folder the model was saved in
         * @param provenance the provenance saved with it
         * @return a finished outcome, summary {@code "model written to FOLDER (METRICS)"}
         */
        public static Outcome saved(Path model, Provenance provenance) {
            return new Outcome(true, model, provenance.step(), "model written to " + model.toAbsolutePath() + " ("
                    + provenance.metrics() + ")");
        }

        /**
         * @param model the model folder
         * @param step the step reached
         * @return the outcome of a run stopped at that step, summary {@code "stopped at step N"}
         */
        public static Outcome stopped(Path model, long step) {
            return new Outcome(false, model, step, "stopped at step " + step);
        }
    }
}
