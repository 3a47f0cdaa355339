package io.flowkit.flow.train;

import java.nio.file.Path;

/** Hears about training progress. Methods are called on the training thread. */
public interface ProgressListener {

    /**
     * Training starts or resumes.
     *
     * @param step the first step to run (0, or the resumed step)
     * @param total the step at which training ends
     */
    default void onStart(long step, long total) {}

    /**
     * A step finished.
     *
     * @param step the number of finished steps
     * @param total the step at which training ends
     * @param loss the step's loss
     * @param stepsPerSecond the rate since training started or resumed
     */
    default void onStep(long step, long total, double loss, double stepsPerSecond) {}

    /**
     * A checkpoint was written.
     *
     * @param folder its folder
     */
    default void onCheckpoint(Path folder) {}

    /** @return a listener that ignores everything */
    static ProgressListener silent() {
        return new ProgressListener() {};
    }

    /**
     * A listener that prints a progress line on stderr at most every {@code intervalSeconds}.
     *
     * @param label what is being trained, e.g. {@code "toy2d moons/ot"}
     * @param intervalSeconds the least time between two lines
     * @return the listener
     */
    static ProgressListener stderr(String label, double intervalSeconds) {
        return new StderrProgress(label, intervalSeconds);
    }
}
