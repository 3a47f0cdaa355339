package io.flowkit.datasets.fetch;

import io.flowkit.core.io.AtomicFiles;
import io.flowkit.core.io.DataLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Downloads the files of manifest data sets into a data root, verifying each against the manifest's
 * size and SHA-256.
 *
 * <p>For each file: if it is already there with the right size and SHA-256 it is left alone.
 * Otherwise it is downloaded to {@code <file>.part} beside its final place; a {@code .part} left by an
 * earlier, interrupted run is continued with an HTTP {@code Range: bytes=N-} request (if the server
 * answers 200 instead of 206 the download starts over; a 416, or a {@code .part} longer than the
 * file, starts over too). A dropped connection is retried a few times, resuming each time. The
 * finished {@code .part} is checked (size and SHA-256) and moved onto its final name atomically; on a
 * mismatch it is deleted and a {@link ChecksumMismatchException} names the file, the address, and
 * both checksums. A file never appears under its final name half-written.
 *
 * <pre>{@code
 * DataFetcher fetcher = DataFetcher.builder().optProgress(listener).build();
 * for (FetchResult r : fetcher.fetchAll(DataManifest.load().datasets())) { ... }
 * }</pre>
 */
public final class DataFetcher {

    private static final int BUFFER = 1 << 16;

    private final Path root;
    private final URI mirror;
    private final FetchProgress progress;
    private final Duration timeout;
    private final int retries;
    private final Duration retryDelay;
    private final HttpClient client;
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    private DataFetcher(Builder b) {
        this.root = b.root;
        this.mirror = b.mirror;
        this.progress = b.progress;
        this.timeout = b.timeout;
        this.retries = b.retries;
        this.retryDelay = b.retryDelay;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** @return a builder with the defaults: root {@code DataLocation.root()}, no mirror, 60 s timeout, 3 retries */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the data root the files go to */
    public Path root() {
        return root;
    }

    /** @return the mirror, if one replaces the original addresses */
    public Optional<URI> mirror() {
        return Optional.ofNullable(mirror);
    }

    /**
     * The address a file is fetched from: its original address, or with a mirror
     * {@code mirror + folder + "/" + path}.
     *
     * @param dataset the data set
     * @param file one of its files
     * @return the address
     */
    public URI addressOf(DatasetEntry dataset, FileEntry file) {
        if (mirror == null) {
            return file.url();
        }
        String base = mirror.toString();
        return URI.create(base + (base.endsWith("/") ? "" : "/") + encodePath(dataset.folder()) + "/"
                + encodePath(file.path()));
    }

    /**
     * @param dataset the data set
     * @param file one of its files
     * @return where the file belongs under the data root
     */
    public Path targetOf(DatasetEntry dataset, FileEntry file) {
        return root.resolve(dataset.folder()).resolve(file.path());
    }

    /**
     * Fetches several data sets, one after the other.
     *
     * @param datasets the data sets
     * @return one result per data set
     * @throws InterruptedException if the thread is interrupted; files finished so far stay in place
     */
    public List<FetchResult> fetchAll(List<DatasetEntry> datasets) throws InterruptedException {
        List<FetchResult> results = new ArrayList<>();
        for (DatasetEntry d : datasets) {
            results.add(fetch(d));
        }
        return results;
    }

    /**
     * Fetches every file of a data set; a failed file does not stop the others.
     *
     * @param dataset the data set
     * @return an outcome per file
     * @throws InterruptedException if the thread is interrupted; files finished so far stay in place
     */
    public FetchResult fetch(DatasetEntry dataset) throws InterruptedException {
        List<FileOutcome> outcomes = new ArrayList<>();
        for (FileEntry f : dataset.files()) {
            FileOutcome outcome;
            try {
                outcome = fetchFile(dataset, f);
            } catch (IOException | RuntimeException e) {
                outcome = new FileOutcome(f, FileOutcome.Status.FAILED, 0, describe(e));
            }
            outcomes.add(outcome);
            progress.finished(dataset, outcome);
        }
        return new FetchResult(dataset, outcomes);
    }

    /**
     * Fetches one file (see the class description).
     *
     * @param dataset the data set
     * @param file one of its files
     * @return {@code PRESENT} or {@code DOWNLOADED}
     * @throws ChecksumMismatchException if what arrived does not match the manifest (the {@code .part} is deleted)
     * @throws HttpStatusException if the server answers with a status other than 200, 206 (or 416, which restarts)
     * @throws IOException if the download keeps failing after the retries, or the file cannot be written;
     *     a derived file (see {@link Origin#DERIVED}) without a mirror fails here without a request
     * @throws InterruptedException if the thread is interrupted
     */
    public FileOutcome fetchFile(DatasetEntry dataset, FileEntry file) throws IOException, InterruptedException {
        Path target = targetOf(dataset, file);
        String label = dataset.folder() + "/" + file.path();
        if (Files.isRegularFile(target) && Files.size(target) == file.size()
                && Checksums.sha256(target).equals(file.sha256())) {
            return new FileOutcome(file, FileOutcome.Status.PRESENT, 0, "");
        }
        URI url = addressOf(dataset, file);
        if (file.origin() == Origin.DERIVED && mirror == null) {
            throw new IOException(label + ": no public address serves these bytes (derived from " + url
                    + (file.note().isEmpty() ? "" : ": " + file.note()) + "); fetch it from a mirror (--mirror)");
        }
        if (url.getHost() != null && unreachable.contains(url.getHost())) {
            throw new IOException(label + ": not tried: " + url.getHost() + " could not be reached earlier in this run ("
                    + url + ")");
        }
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long[] received = {0};
        int failures = 0;
        boolean restartedStale = false;
        while (true) {
            long have = Files.isRegularFile(part) ? Files.size(part) : 0;
            if (have > file.size() && received[0] == 0) {
                Files.delete(part); // longer than the file: an earlier run's leftover of another version
                have = 0;
            }
            if (have < file.size()) {
                try {
                    receive(dataset, file, url, part, have, received);
                } catch (RestartException e) {
                    Files.deleteIfExists(part);
                    failures = failed(dataset, file, url, ++failures, e);
                    continue;
                } catch (HttpStatusException e) {
                    throw e;
                } catch (IOException e) {
                    failures = failed(dataset, file, url, ++failures, e);
                    continue;
                }
                if (Files.size(part) < file.size()) {
                    failures = failed(dataset, file, url, ++failures, new IOException("the body ended after "
                            + Files.size(part) + " of " + file.size() + " bytes"));
                    continue;
                }
            }
            long size = Files.size(part);
            String sha = Checksums.sha256(part);
            if (size == file.size() && sha.equals(file.sha256())) {
                AtomicFiles.moveIntoPlace(part, target);
                return new FileOutcome(file, FileOutcome.Status.DOWNLOADED, received[0], "");
            }
            Files.deleteIfExists(part);
            if (received[0] == 0 && !restartedStale) {
                restartedStale = true; // a complete .part from an earlier run that does not match: start over once
                continue;
            }
            throw new ChecksumMismatchException(label, url, file.size(), file.sha256(), size, sha);
        }
    }

    /** Counts a failed attempt: waits and returns the count, or throws when the retries are spent. */
    private int failed(DatasetEntry dataset, FileEntry file, URI url, int failures, IOException cause)
            throws IOException, InterruptedException {
        if (failures > retries) {
            if (url.getHost() != null && isConnectFailure(cause)) {
                unreachable.add(url.getHost()); // spare the other files of this host the same wait
            }
            throw new IOException(dataset.folder() + "/" + file.path() + ": download from " + url + " failed "
                    + failures + " times; last: " + describe(cause) + " (run again to resume)", cause);
        }
        progress.retrying(dataset, file, failures, cause);
        Thread.sleep(retryDelay.toMillis() * failures);
        return failures;
    }

    /** @return whether the failure is one of reaching the host at all (refused, unknown, timed out connecting) */
    private static boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.http.HttpConnectTimeoutException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Describes an exception for a message: its message, or its class and the first message among its causes.
     *
     * @param e the exception
     * @return for example {@code ConnectException: Connection refused}
     */
    static String describe(Throwable e) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return e.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** One request: appends to (206) or rewrites (200) the .part file, counting the bytes received. */
    private void receive(DatasetEntry dataset, FileEntry file, URI url, Path part, long have, long[] received)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("User-Agent", "flowkit-data-fetch");
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            boolean append;
            if (status == 206) {
                String range = response.headers().firstValue("Content-Range").orElse("bytes " + have + "-");
                if (!range.startsWith("bytes " + have + "-")) {
                    throw new RestartException("asked for bytes " + have + "- but got " + range);
                }
                append = true;
            } else if (status == 200) {
                append = false; // the whole file, whatever was asked: start over
            } else if (status == 416) {
                throw new RestartException("HTTP 416 for bytes " + have + "-");
            } else {
                throw new HttpStatusException(dataset.folder() + "/" + file.path(), url, status);
            }
            long written = append ? have : 0;
            progress.started(dataset, file, url, written);
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    written += n;
                    received[0] += n;
                    progress.advanced(dataset, file, written);
                }
            }
        }
    }

    /** Percent-encodes a relative path, segment by segment, leaving unreserved characters and {@code /}. */
    static String encodePath(String path) {
        StringBuilder s = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                s.append(c);
            } else {
                s.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return s.toString();
    }

    /** The server cannot continue the partial file: delete it and start over. */
    private static final class RestartException extends IOException {
        private static final long serialVersionUID = 1L;

        RestartException(String message) {
            super(message);
        }
    }

    /** Builds a {@link DataFetcher}; every setting is optional. */
    public static final class Builder {
        private Path root;
        private URI mirror;
        private FetchProgress progress = FetchProgress.NONE;
        private Duration timeout = Duration.ofSeconds(60);
        private int retries = 3;
        private Duration retryDelay = Duration.ofMillis(500);

        private Builder() {}

        /**
         * @param root the data root to fill (default: {@code DataLocation.root()}, that is {@code FLOWKIT_DATA})
         * @return this builder
         */
        public Builder optRoot(Path root) {
            this.root = root;
            return this;
        }

        /**
         * @param mirror an http(s) address under which every file is at {@code folder/path}; replaces
         *     the original addresses (default: none)
         * @return this builder
         */
        public Builder optMirror(URI mirror) {
            this.mirror = mirror;
            return this;
        }

        /**
         * @param progress hears each file's progress (default: nothing)
         * @return this builder
         */
        public Builder optProgress(FetchProgress progress) {
            this.progress = progress;
            return this;
        }

        /**
         * @param timeout limit for connecting and for a server to start answering (default: 60 s)
         * @return this builder
         */
        public Builder optTimeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * @param retries how many times a dropped or refused connection is retried per file, resuming
         *     each time (default: 3)
         * @return this builder
         */
        public Builder optRetries(int retries) {
            this.retries = retries;
            return this;
        }

        /**
         * @param retryDelay the wait before the first retry; the n-th waits n times as long (default: 0.5 s)
         * @return this builder
         */
        public Builder optRetryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the fetcher
         * @throws IllegalArgumentException if the mirror is not an absolute http(s) address, the timeout
         *     is not positive, or the retries or the retry delay are negative
         */
        public DataFetcher build() {
            if (root == null) {
                root = DataLocation.root();
            }
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(retryDelay, "retryDelay");
            if (mirror != null && (!mirror.isAbsolute() || mirror.getHost() == null
                    || !("http".equalsIgnoreCase(mirror.getScheme()) || "https".equalsIgnoreCase(mirror.getScheme())))) {
                throw new IllegalArgumentException("mirror is not an http(s) address: " + mirror);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout is not positive: " + timeout);
            }
            if (retries < 0) {
                throw new IllegalArgumentException("retries is negative: " + retries);
            }
            if (retryDelay.isNegative()) {
                throw new IllegalArgumentException("retry delay is negative: " + retryDelay);
            }
            return new DataFetcher(this);
        }
    }
}
