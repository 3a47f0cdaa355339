package io.flowkit.cli.pointclouds;

import java.util.function.BiConsumer;

/** Prints patch progress on stderr at most every two seconds, and always at the end of a pass. */
final class PatchProgress implements BiConsumer<Integer, Integer> {

    private final String label;
    private long last = System.nanoTime();

    PatchProgress(String label) {
        this.label = label;
    }

    @Override
    public void accept(Integer done, Integer total) {
        long now = System.nanoTime();
        if (done.equals(total) || now - last > 2_000_000_000L) {
            System.err.printf("%s: %d/%d patches%n", label, done, total);
            last = now;
        }
    }
}
