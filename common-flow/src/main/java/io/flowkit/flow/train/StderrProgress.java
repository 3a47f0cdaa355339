package io.flowkit.flow.train;

import java.nio.file.Path;
import java.util.Locale;

/** Prints {@code label step 120/2000 (6%) loss 0.8123 412 steps/s eta 0:05} on stderr, throttled. */
final class StderrProgress implements ProgressListener {

    private final String label;
    private final long intervalNanos;
    private long lastPrint;
    private double smoothed = Double.NaN;

    StderrProgress(String label, double intervalSeconds) {
        this.label = label;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
    }

    @Override
    public void onStart(long step, long total) {
        lastPrint = System.nanoTime();
        if (step > 0) {
            System.err.printf(Locale.ROOT, "%s resuming at step %d/%d%n", label, step, total);
        }
    }

    @Override
    public void onStep(long step, long total, double loss, double stepsPerSecond) {
        smoothed = Double.isNaN(smoothed) ? loss : 0.98 * smoothed + 0.02 * loss;
        long now = System.nanoTime();
        if (now - lastPrint < intervalNanos && step < total) {
            return;
        }
        lastPrint = now;
        long remaining = stepsPerSecond > 0 ? Math.round((total - step) / stepsPerSecond) : 0;
        System.err.printf(Locale.ROOT, "%s step %d/%d (%d%%) loss %.4f %.0f steps/s eta %d:%02d%n",
                label, step, total, 100 * step / Math.max(1, total), smoothed, stepsPerSecond,
                remaining / 60, remaining % 60);
    }

    @Override
    public void onCheckpoint(Path folder) {
        System.err.printf(Locale.ROOT, "%s checkpoint %s%n", label, folder);
    }
}
