package io.flowkit.cli;

import io.flowkit.flow.train.TrainingRecipe;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns Ctrl-C during a long run into a clean stop: a shutdown hook asks the run to stop (it then
 * writes a checkpoint) and waits up to a minute for the main thread to finish. Close it when the
 * run is over.
 */
public final class StopOnInterrupt implements AutoCloseable {

    private final Thread hook;

    /**
     * Installs the hook.
     *
     * @param stop what asks the run to stop (for example {@code training::requestStop})
     */
    public StopOnInterrupt(Runnable stop) {
        Thread main = Thread.currentThread();
        this.hook = new Thread(() -> {
            stop.run();
            try {
                main.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Runs a training recipe with the hook installed: Ctrl-C stops it after a checkpoint.
     *
     * @param recipe the recipe
     * @param out its model folder
     * @return its outcome
     * @throws IOException if the recipe's data or model cannot be read or written
     */
    public static TrainingRecipe.Outcome run(TrainingRecipe recipe, Path out) throws IOException {
        try (StopOnInterrupt ignored = new StopOnInterrupt(recipe::requestStop)) {
            return recipe.run(out);
        }
    }

    /** Removes the hook (unless the JVM is already shutting down). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: nothing to remove
        }
    }
}
