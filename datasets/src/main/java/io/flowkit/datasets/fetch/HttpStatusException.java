package io.flowkit.datasets.fetch;

import java.io.IOException;
import java.net.URI;

/** A server answered a download with a status that is neither 200 nor 206; not retried. */
public final class HttpStatusException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient URI url;
    private final int status;

    /**
     * @param file the file, as {@code folder/path}
     * @param url the address asked
     * @param status the HTTP status received
     */
    public HttpStatusException(String file, URI url, int status) {
        super(file + ": HTTP " + status + " for " + url);
        this.url = url;
        this.status = status;
    }

    /** @return the address asked */
    public URI url() {
        return url;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
