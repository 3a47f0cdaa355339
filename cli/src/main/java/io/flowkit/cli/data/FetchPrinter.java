package io.flowkit.cli.data;

import io.flowkit.datasets.fetch.DatasetEntry;
import io.flowkit.datasets.fetch.FetchProgress;
import io.flowkit.datasets.fetch.FileEntry;
import io.flowkit.datasets.fetch.FileOutcome;
import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;

/** Prints a fetch's progress on stderr: each download's start and end, and its bytes at most every two seconds. */
final class FetchPrinter implements FetchProgress {

    private final PrintStream err;
    private long last = System.nanoTime();

    FetchPrinter(PrintStream err) {
        this.err = err;
    }

    private static String label(DatasetEntry d, FileEntry f) {
        return d.folder() + "/" + f.path();
    }

    @Override
    public void started(DatasetEntry dataset, FileEntry file, URI from, long offset) {
        err.println(label(dataset, file) + ": " + (offset > 0 ? "resuming at " + offset + " of " : "") + file.size()
                + " bytes from " + from);
        last = System.nanoTime();
    }

    @Override
    public void advanced(DatasetEntry dataset, FileEntry file, long bytesOnDisk) {
        long now = System.nanoTime();
        if (now - last > 2_000_000_000L) {
            err.printf(Locale.ROOT, "%s: %d of %d bytes (%.0f%%)%n", label(dataset, file), bytesOnDisk, file.size(),
                    100.0 * bytesOnDisk / Math.max(1, file.size()));
            last = now;
        }
    }

    @Override
    public void retrying(DatasetEntry dataset, FileEntry file, int attempt, Exception cause) {
        err.println(label(dataset, file) + ": attempt " + attempt + " failed ("
                + (cause.getMessage() != null ? cause.getMessage() : cause.toString()) + "); retrying");
    }

    @Override
    public void finished(DatasetEntry dataset, FileOutcome outcome) {
        switch (outcome.status()) {
            case DOWNLOADED -> err.println(label(dataset, outcome.file()) + ": done, " + outcome.file().size()
                    + " bytes, SHA-256 verified");
            case FAILED -> err.println("FAILED: " + outcome.reason()); // the reason names the file
            case PRESENT -> { } // already there: nothing to say per file; the summary counts it
            default -> throw new IllegalStateException(outcome.status().toString());
        }
    }
}
