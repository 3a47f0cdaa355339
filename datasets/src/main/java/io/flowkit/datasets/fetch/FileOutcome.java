package io.flowkit.datasets.fetch;

import java.util.Objects;

/**
 * What happened to one file of a fetch.
 *
 * @param file the manifest entry
 * @param status downloaded, already present or failed
 * @param bytesReceived bytes received over the network for it in this fetch (resumed bytes not counted)
 * @param reason why it failed (names the file and the address), or an empty string
 */
public record FileOutcome(FileEntry file, Status status, long bytesReceived, String reason) {

    /** The three ends of a file's fetch. */
    public enum Status {
        /** Downloaded (or completed from a partial download) and verified. */
        DOWNLOADED,
        /** Already there with the right size and SHA-256: nothing downloaded. */
        PRESENT,
        /** Not there after the fetch; see the reason. */
        FAILED
    }

    /** Checks the fields. */
    public FileOutcome {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }
}
