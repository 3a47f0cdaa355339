package io.flowkit.cli;

import io.flowkit.flow.train.TrainingRecipe;
import java.io.IOException;
import java.nio.file.Path;

/** What the {@code train} commands share: they run their module's training recipe and report its outcome. */
public final class TrainCommands {

    private TrainCommands() {}

    /**
     * Runs a recipe (Ctrl-C stops it after a checkpoint) and prints its summary on stdout, or on stderr
     * where it stopped and how to resume.
     *
     * @param recipe the recipe
     * @param out its model folder
     * @return the exit status: 0 when training finished, 1 when it stopped
     * @throws IOException if the recipe's data or model cannot be read or written
     */
    public static int run(TrainingRecipe recipe, Path out) throws IOException {
        TrainingRecipe.Outcome outcome = StopOnInterrupt.run(recipe, out);
        if (!outcome.finished()) {
            System.err.println(outcome.summary() + "; run the same command again to resume");
            return 1;
        }
        System.out.println(outcome.summary());
        return 0;
    }
}
