package io.flowkit.cli.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a bench run on stderr: one bar per suite with the current step, the time spent and
 * an estimate of the time left (time per finished step × steps left). On a terminal the bar is
 * redrawn in place; otherwise each step prints one line, so that logs stay readable.
 */
public final class BenchProgress {

    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean inPlace;

    /**
     * @param out where to print (stderr)
     * @param inPlace whether to redraw one line ({@code \r}) instead of printing a line per step
     */
    public BenchProgress(PrintStream out, boolean inPlace) {
        this.out = out;
        this.inPlace = inPlace;
    }

    /** @return progress on stderr, redrawn in place when a console is attached */
    public static BenchProgress stderr() {
        return new BenchProgress(System.err, System.console() != null);
    }

    /** @return progress that prints nothing (for library use and tests) */
    public static BenchProgress silent() {
        return new BenchProgress(new PrintStream(PrintStream.nullOutputStream()), false);
    }

    /**
     * Starts the progress of a suite.
     *
     * @param suite the suite's name
     * @param total the number of steps it will report
     * @return the task; call {@link Task#step} after each step
     * @throws IllegalArgumentException if total is not positive
     */
    public Task start(String suite, int total) {
        if (total <= 0) {
            throw new IllegalArgumentException("total steps is not positive: " + total);
        }
        return new Task(suite, total);
    }

    /** The progress of one suite. */
    public final class Task {
        private final String suite;
        private final long started = System.nanoTime();
        private int total;
        private int done;

        private Task(String suite, int total) {
            this.suite = suite;
            this.total = total;
            draw("starting");
        }

        /**
         * Marks one step as finished.
         *
         * @param label what was just finished (e.g. {@code cow x4})
         */
        public void step(String label) {
            done = Math.min(total, done + 1);
            draw(label);
        }

        /**
         * Adds steps discovered on the way (e.g. objects skipped or added).
         *
         * @param more the steps to add (may be negative, never below the steps done)
         */
        public void grow(int more) {
            total = Math.max(done, total + more);
        }

        /** @return the steps finished so far */
        public int done() {
            return done;
        }

        /** Ends the bar (a line break after an in-place bar). */
        public void finish() {
            if (inPlace) {
                out.println();
            }
            out.flush();
        }

        private void draw(String label) {
            double elapsed = (System.nanoTime() - started) / 1e9;
            int filled = total == 0 ? WIDTH : (int) Math.round(WIDTH * (double) done / total);
            String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
            String left = done == 0 ? "?" : duration(elapsed / done * (total - done));
            String line = String.format(Locale.ROOT, "[%s] %s %d/%d %s | %s spent, ~%s left", suite, bar, done, total, label,
                    duration(elapsed), left);
            if (inPlace) {
                out.print("\r" + line + "\u001b[K");
            } else {
                out.println(line);
            }
            out.flush();
        }
    }

    /**
     * @param seconds a duration
     * @return it as {@code 1h02m}, {@code 3m05s} or {@code 42s}
     */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
