package io.flowkit.datasets.fetch;

import java.util.List;
import java.util.Objects;

/**
 * What a fetch did to one data set: an outcome per file.
 *
 * @param dataset the data set
 * @param outcomes one per file, in manifest order
 */
public record FetchResult(DatasetEntry dataset, List<FileOutcome> outcomes) {

    /** Checks the fields and copies the list. */
    public FetchResult {
        Objects.requireNonNull(dataset, "dataset");
        outcomes = List.copyOf(outcomes);
    }

    /** @return the number of files downloaded in this fetch */
    public int downloaded() {
        return count(FileOutcome.Status.DOWNLOADED);
    }

    /** @return the number of files that were already there */
    public int present() {
        return count(FileOutcome.Status.PRESENT);
    }

    /** @return the failed files, with their reasons */
    public List<FileOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == FileOutcome.Status.FAILED).toList();
    }

    /** @return whether every file is now in place */
    public boolean ok() {
        return failures().isEmpty();
    }

    /** @return bytes received over the network for this data set */
    public long bytesReceived() {
        return outcomes.stream().mapToLong(FileOutcome::bytesReceived).sum();
    }

    private int count(FileOutcome.Status status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }
}
