package io.flowkit.flow.train;

import java.util.function.BooleanSupplier;

/**
 * A stop request that a training recipe hands on to the training it starts: thread-safe, and a
 * request made before the training exists reaches it when it is attached with {@link #forwardTo}.
 * As a {@link BooleanSupplier} it is a stop signal for {@link ResumableLoop}.
 */
public final class StopRequest implements BooleanSupplier {

    private volatile boolean requested;
    private volatile Runnable target;

    /** Requests the stop, and passes it on to the attached training, if any; safe from any thread. */
    public void request() {
        requested = true;
        Runnable t = target;
        if (t != null) {
            t.run();
        }
    }

    /** @return whether a stop was requested */
    @Override
    public boolean getAsBoolean() {
        return requested;
    }

    /**
     * Attaches a training: later requests are passed on to it, and an earlier one at once.
     *
     * @param stop what stops the training, e.g. {@code training::requestStop}
     */
    public void forwardTo(Runnable stop) {
        target = stop;
        if (requested) {
            stop.run();
        }
    }
}
