package io.flowkit.cli;

import io.flowkit.flow.train.TrainingRecipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C during a long run into a clean stop: a shutdown hook asks the run to stop (it then
 * writes a checkpoint) and waits, up to a minute, until the command has finished and written its
 * messages ({@link #commandFinished()}) or the main thread has ended. Close it when the run is over.
 */
public final class StopOnInterrupt implements AutoCloseable {

    private static final CountDownLatch COMMAND_FINISHED = new CountDownLatch(1);

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
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            try {
                // main's System.exit blocks once shutdown has begun, so main never ends by itself: wait for the signal
                while (main.isAlive() && System.nanoTime() < deadline && !COMMAND_FINISHED.await(50, TimeUnit.MILLISECONDS)) {
                    // waiting
                }
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

    /**
     * Says that the command has returned and written its messages; the command line's {@code main}
     * calls it before {@code System.exit}, so that a stopped run exits at once.
     */
    public static void commandFinished() {
        COMMAND_FINISHED.countDown();
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
