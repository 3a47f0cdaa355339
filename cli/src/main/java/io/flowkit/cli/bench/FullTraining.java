package io.flowkit.cli.bench;

import ai.djl.Device;
import io.flowkit.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Training from scratch for {@code flowkit bench --full}: runs a module's own train command into
 * {@code models/NAME} under the report folder, unless a finished model is already there. The train
 * commands checkpoint on Ctrl-C and resume from their checkpoints, so an interrupted full run
 * continues where it stopped when it is started again.
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
     * @param command the train command and its options, without {@code --out}
     * @return the model
     * @throws IllegalStateException if training stopped or failed (the message says how to resume)
     */
    public static <M> M load(BenchContext context, String name, Loader<M> loader, String... command) {
        Path folder = train(context, name, command);
        try {
            return loader.load(folder, context.device());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model trained in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Trains (or resumes training) unless the model is finished.
     *
     * @param context the bench run
     * @param name the model's folder name under {@code models/}
     * @param command the train command and its options, without {@code --out}
     * @return the finished model folder
     * @throws IllegalStateException if training stopped or failed
     */
    public static Path train(BenchContext context, String name, String... command) {
        Path folder = context.models(name);
        if (Files.isRegularFile(folder.resolve("model.json"))) {
            System.err.println("bench: using the model trained earlier in " + folder);
            return folder;
        }
        List<String> args = new ArrayList<>(Arrays.asList(command));
        args.add("--out");
        args.add(folder.toString());
        System.err.println("bench: training (from its newest checkpoint, if any): flowkit " + String.join(" ", args));
        int status = Main.run(args.toArray(String[]::new));
        if (status != 0 || !Files.isRegularFile(folder.resolve("model.json"))) {
            throw new IllegalStateException("training of " + name + " stopped or failed (exit status " + status
                    + "); run the same bench command again to resume from " + folder.resolve("checkpoints"));
        }
        return folder;
    }
}
