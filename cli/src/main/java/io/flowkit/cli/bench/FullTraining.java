package io.flowkit.cli.bench;

import ai.djl.Device;
import io.flowkit.cli.Main;
import io.flowkit.cli.StopOnInterrupt;
import io.flowkit.flow.checkpoint.ModelFolder;
import io.flowkit.flow.train.TrainingRecipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Training from scratch for {@code flowkit bench --full}: runs a module's training recipe (the one
 * its train command runs) into {@code models/NAME} under the report folder, unless a finished model
 * is already there. The recipes checkpoint on Ctrl-C and resume from their checkpoints, so an
 * interrupted full run continues where it stopped when it is started again.
 */
public final class FullTraining {

    /**
     * Loads a model folder.
     *
     * @param <M> the model type
     */
    @FunctionalInterface
    public interface Loader<M> {
        /**
         * @param folder the model folder
         * @param device where it runs
         * @return the model
         * @throws IOException if it cannot be read
         */
        M load(Path folder, Device device) throws IOException;
    }

    private FullTraining() {}

    /**
     * Trains (or resumes training) unless the model is finished, then loads it.
     *
     * @param <M> the model type
     * @param context the bench run
     * @param name the model's folder name under {@code models/}
     * @param loader how to load the finished model
     * @param recipe the module's training recipe
     * @return the model
     * @throws IllegalStateException if training stopped or failed (the message says how to resume)
     */
    public static <M> M load(BenchContext context, String name, Loader<M> loader, TrainingRecipe recipe) {
        Path folder = train(context, name, recipe);
        try {
            return loader.load(folder, context.device());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model trained in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trains (or resumes training) unless the model is finished; Ctrl-C stops the training after a
     * checkpoint.
     *
     * @param context the bench run
     * @param name the model's folder name under {@code models/}
     * @param recipe the module's training recipe
     * @return the finished model folder
     * @throws IllegalStateException if training stopped or failed (the message says how to resume)
     */
    public static Path train(BenchContext context, String name, TrainingRecipe recipe) {
        Path folder = context.models(name);
        if (Files.isRegularFile(folder.resolve(ModelFolder.DESCRIPTION))) {
            System.err.println("bench: using the model trained earlier in " + folder);
            return folder;
        }
        System.err.println("bench: training " + name + " (from its newest checkpoint, if any) into " + folder);
        String resume = "; run the same bench command again to resume from " + folder.resolve("checkpoints");
        TrainingRecipe.Outcome outcome;
        try {
            outcome = StopOnInterrupt.run(recipe, folder);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("training of " + name + " stopped or failed (" + Main.message(e) + ")" + resume,
                    e);
        }
        if (!outcome.finished() || !Files.isRegularFile(folder.resolve(ModelFolder.DESCRIPTION))) {
            throw new IllegalStateException("training of " + name + " stopped or failed (" + outcome.summary() + ")" + resume);
        }
        System.err.println("bench: " + name + ": " + outcome.summary());
        return folder;
    }
}
