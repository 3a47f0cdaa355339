package io.flowkit.cli;

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
