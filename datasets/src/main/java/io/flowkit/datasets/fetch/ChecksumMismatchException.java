package io.flowkit.datasets.fetch;

import java.io.IOException;
import java.net.URI;

/** A downloaded file does not have the manifest's size or SHA-256; the partial download was deleted. */
public final class ChecksumMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    /**
     * @param file the file, as {@code folder/path}
     * @param url where it came from
     * @param expectedSize the manifest size
     * @param expected the manifest SHA-256
     * @param actualSize the size received
     * @param actual the SHA-256 of what was received
     */
    public ChecksumMismatchException(String file, URI url, long expectedSize, String expected, long actualSize,
            String actual) {
        super(file + ": checksum mismatch for " + url + ": expected SHA-256 " + expected
                + (expectedSize == actualSize ? "" : " (" + expectedSize + " bytes)") + ", got " + actual
                + (expectedSize == actualSize ? "" : " (" + actualSize + " bytes)")
                + "; the download was deleted");
        this.expected = expected;
        this.actual = actual;
    }

    /** @return the manifest SHA-256 */
    public String expected() {
        return expected;
    }

    /** @return the SHA-256 of what was received */
    public String actual() {
        return actual;
    }
}
