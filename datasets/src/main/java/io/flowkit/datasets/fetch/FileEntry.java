package io.flowkit.datasets.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One file of a data set in the manifest.
 *
 * @param path the path inside the data set folder, with {@code /} separators
 * @param size the size in bytes
 * @param sha256 the SHA-256 of the content, 64 lower-case hex digits
 * @param url the original public address of the file
 * @param origin how the address was established (see {@link Origin})
 * @param note what the reader should know about the address, or an empty string
 */
public record FileEntry(String path, long size, String sha256, URI url, Origin origin, String note) {

    /**
     * Checks the fields: a relative path without {@code ..}, a non-negative size, a 64-digit hex checksum.
     *
     * @throws IllegalArgumentException naming the file and the bad field
     */
    public FileEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(origin, "origin");
        note = note == null ? "" : note;
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || ("/" + path + "/").contains("/../")
                || ("/" + path + "/").contains("/./")) {
            throw new IllegalArgumentException("not a plain relative path: '" + path + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException(path + ": negative size " + size);
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(path + ": not a SHA-256 (64 hex digits): '" + sha256 + "'");
        }
    }
}
