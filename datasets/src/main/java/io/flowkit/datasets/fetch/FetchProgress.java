package io.flowkit.datasets.fetch;

import java.net.URI;

/** Hears how a fetch goes, file by file; every method does nothing unless overridden. */
public interface FetchProgress {

    /** A listener that ignores everything. */
    FetchProgress NONE = new FetchProgress() {
    };

    /**
     * A request for a file is answered and its bytes are about to arrive.
     *
     * @param dataset the data set
     * @param file the file
     * @param from the address asked
     * @param offset bytes already on disk that this request continues (0 when starting afresh)
     */
    default void started(DatasetEntry dataset, FileEntry file, URI from, long offset) {
    }

    /**
     * Bytes arrived.
     *
     * @param dataset the data set
     * @param file the file
     * @param bytesOnDisk bytes of the file written so far, resumed ones included
     */
    default void advanced(DatasetEntry dataset, FileEntry file, long bytesOnDisk) {
    }

    /**
     * An attempt failed and will be tried again (resuming where possible).
     *
     * @param dataset the data set
     * @param file the file
     * @param attempt the number of the failed attempt, from 1
     * @param cause what went wrong
     */
    default void retrying(DatasetEntry dataset, FileEntry file, int attempt, Exception cause) {
    }

    /**
     * A file is done: downloaded, already present, or failed.
     *
     * @param dataset the data set
     * @param outcome what happened
     */
    default void finished(DatasetEntry dataset, FileOutcome outcome) {
    }
}
