package io.flowkit.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.io.DataLocation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DataFetcher} against a loopback server holding copies of the real Breaking Bad files from
 * FLOWKIT_DATA: full fetch, nothing to do, resumed and restarted downloads, a checksum mismatch, a 404.
 */
class DataFetcherTest {

    private static final String DATASET = "breaking-bad-everyday";
    /** The largest file of the data set (294,134 bytes), for the single-file cases. */
    private static final String BIG = "everyday/Bowl/4b93a81c3534e56d19620b61f6587b3e/fractured_13/part_000.ply";

    @TempDir
    Path dir;

    private final Path data = DataLocation.root();
    private DatasetEntry dataset;
    private MirrorServer server;

    @BeforeEach
    void serve() throws IOException {
        dataset = DataManifest.load().dataset(DATASET);
        server = MirrorServer.serving(data, dataset);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DataFetcher fetcher() {
        return DataFetcher.builder().optRoot(dir).optMirror(server.mirror()).optTimeout(Duration.ofSeconds(10))
                .optRetryDelay(Duration.ofMillis(10)).build();
    }

    private FileEntry big() {
        return dataset.files().stream().filter(f -> f.path().equals(BIG)).findFirst().orElseThrow();
    }

    private Path original(FileEntry f) {
        return data.resolve(dataset.folder()).resolve(f.path());
    }

    private Path target(FileEntry f) {
        return dir.resolve(dataset.folder()).resolve(f.path());
    }

    private Path part(FileEntry f) {
        return target(f).resolveSibling(target(f).getFileName() + ".part");
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    /** @return N of the request's {@code Range: bytes=N-} header */
    private static long resumeOffset(MirrorServer.Request r) {
        assertTrue(r.range() != null && r.range().matches("bytes=\\d+-"), r.toString());
        return Long.parseLong(r.range().substring(6, r.range().length() - 1));
    }

    @Test
    void fullFetchMatchesTheOriginalsByteForByteAndASecondFetchDownloadsNothing() throws Exception {
        FetchResult first = fetcher().fetch(dataset);
        assertTrue(first.ok(), first.failures().toString());
        assertEquals(dataset.files().size(), first.downloaded());
        assertEquals(dataset.totalBytes(), first.bytesReceived());
        for (FileEntry f : dataset.files()) {
            assertEquals(-1, Files.mismatch(original(f), target(f)), f.path());
        }
        assertEquals(List.of(), leftovers());
        assertEquals(DatasetState.PRESENT, DatasetState.of(dir, dataset, true));

        int before = server.requests().size();
        FetchResult second = fetcher().fetch(dataset);
        assertEquals(dataset.files().size(), second.present());
        assertEquals(0, second.downloaded());
        assertEquals(0, second.bytesReceived());
        assertEquals(before, server.requests().size(), "the second fetch made requests");
    }

    @Test
    void aDroppedDownloadIsResumedWithARangeRequest() throws Exception {
        FileEntry f = big();
        server.cutFirstAnswer(dataset.folder() + "/" + f.path());
        FileOutcome outcome = fetcher().fetchFile(dataset, f);
        assertEquals(FileOutcome.Status.DOWNLOADED, outcome.status());
        assertEquals(-1, Files.mismatch(original(f), target(f)));
        List<MirrorServer.Request> seen = server.requests();
        assertEquals(2, seen.size(), seen.toString());
        assertEquals(null, seen.get(0).range());
        long resumedAt = resumeOffset(seen.get(1));
        assertTrue(resumedAt > 0 && resumedAt <= f.size() / 2, seen.toString()); // what arrived of the first half
        assertEquals(206, seen.get(1).status());
        assertEquals(f.size(), outcome.bytesReceived());
        assertFalse(Files.exists(part(f)));
    }

    @Test
    void aServerThatIgnoresRangeStillEndsWithTheRightFile() throws Exception {
        FileEntry f = big();
        server.cutFirstAnswer(dataset.folder() + "/" + f.path());
        server.ignoreRange();
        FileOutcome outcome = fetcher().fetchFile(dataset, f);
        assertEquals(FileOutcome.Status.DOWNLOADED, outcome.status());
        assertEquals(-1, Files.mismatch(original(f), target(f)));
        List<MirrorServer.Request> seen = server.requests();
        assertEquals(2, seen.size(), seen.toString());
        assertTrue(resumeOffset(seen.get(1)) > 0, seen.toString());
        assertEquals(200, seen.get(1).status());
    }

    @Test
    void aLeftoverPartFromAnEarlierRunIsResumed() throws Exception {
        FileEntry f = big();
        byte[] bytes = Files.readAllBytes(original(f));
        Files.createDirectories(part(f).getParent());
        Files.write(part(f), Arrays.copyOf(bytes, 100_000));
        FileOutcome outcome = fetcher().fetchFile(dataset, f);
        assertEquals(FileOutcome.Status.DOWNLOADED, outcome.status());
        assertEquals(f.size() - 100_000, outcome.bytesReceived());
        assertEquals(List.of(new MirrorServer.Request("/" + dataset.folder() + "/" + f.path(), "bytes=100000-", 206)),
                server.requests());
        assertEquals(-1, Files.mismatch(original(f), target(f)));
        assertFalse(Files.exists(part(f)));
    }

    @Test
    void aPartLongerThanTheFileOrARefusedRangeStartsOver() throws Exception {
        FileEntry f = big();
        Files.createDirectories(part(f).getParent());
        Files.write(part(f), new byte[(int) f.size() + 10]);
        assertEquals(FileOutcome.Status.DOWNLOADED, fetcher().fetchFile(dataset, f).status());
        assertEquals(null, server.requests().get(0).range());
        assertEquals(-1, Files.mismatch(original(f), target(f)));

        Files.delete(target(f));
        Files.write(part(f), Arrays.copyOf(Files.readAllBytes(original(f)), 1000));
        server.refuseRange(dataset.folder() + "/" + f.path());
        assertEquals(FileOutcome.Status.DOWNLOADED, fetcher().fetchFile(dataset, f).status());
        List<MirrorServer.Request> seen = server.requests();
        assertEquals(416, seen.get(1).status());
        assertEquals(null, seen.get(2).range());
        assertEquals(-1, Files.mismatch(original(f), target(f)));
    }

    @Test
    void alteredBytesEndInAChecksumErrorWithNothingLeftBehind() throws Exception {
        FileEntry f = big();
        byte[] altered = Files.readAllBytes(original(f));
        altered[altered.length / 2] ^= 1;
        server.put(dataset.folder() + "/" + f.path(), altered);
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> fetcher().fetchFile(dataset, f));
        String m = e.getMessage();
        assertTrue(m.contains(dataset.folder() + "/" + f.path()), m);
        assertTrue(m.contains(server.mirror() + dataset.folder() + "/" + f.path()), m);
        assertTrue(m.contains(f.sha256()) && m.contains(e.actual()) && !e.actual().equals(f.sha256()), m);
        assertFalse(Files.exists(target(f)));
        assertFalse(Files.exists(part(f)));

        FetchResult result = fetcher().fetch(dataset);
        assertEquals(1, result.failures().size());
        assertEquals(f, result.failures().get(0).file());
        assertTrue(result.failures().get(0).reason().contains("checksum mismatch"), result.failures().get(0).reason());
        assertEquals(dataset.files().size() - 1, result.downloaded());
        assertEquals(List.of(), leftovers());
        assertEquals(DatasetState.INCOMPLETE, DatasetState.of(dir, dataset));
    }

    @Test
    void aMissingFileNamesTheAddressAndTheStatus() throws Exception {
        FileEntry f = big();
        DatasetEntry elsewhere = new DatasetEntry("nowhere", "assembly/nowhere", "", URI.create("https://example.org/"),
                List.of(f));
        HttpStatusException e = assertThrows(HttpStatusException.class, () -> fetcher().fetchFile(elsewhere, f));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("404") && e.getMessage().contains(server.mirror() + "assembly/nowhere/" + f.path()),
                e.getMessage());
        assertEquals(1, server.requests().size(), "a 404 is not retried");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aDroppedConnectionIsRetriedOnlyAFewTimes() throws Exception {
        FileEntry f = big();
        DataFetcher noServer = DataFetcher.builder().optRoot(dir).optMirror(URI.create("http://127.0.0.1:1/"))
                .optRetries(2).optRetryDelay(Duration.ZERO).optTimeout(Duration.ofSeconds(5)).build();
        IOException e = assertThrows(IOException.class, () -> noServer.fetchFile(dataset, f));
        assertTrue(e.getMessage().contains("failed 3 times") && e.getMessage().contains("http://127.0.0.1:1/"),
                e.getMessage());
        FetchResult rest = noServer.fetch(dataset);
        assertEquals(dataset.files().size(), rest.failures().size());
        assertTrue(rest.failures().get(0).reason().contains("not tried: 127.0.0.1 could not be reached"),
                rest.failures().get(0).reason());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aDerivedFileNeedsAMirror() throws Exception {
        DatasetEntry grambow = DataManifest.load().dataset("grambow-842");
        FileEntry ts = grambow.files().stream().filter(f -> f.origin() == Origin.DERIVED).findFirst().orElseThrow();
        DataFetcher original = DataFetcher.builder().optRoot(dir).build();
        IOException e = assertThrows(IOException.class, () -> original.fetchFile(grambow, ts));
        assertTrue(e.getMessage().contains("mirror") && e.getMessage().contains(ts.url().toString()), e.getMessage());
        assertFalse(Files.exists(dir.resolve(grambow.folder())));
    }

    @Test
    void theBuilderRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> DataFetcher.builder().optMirror(URI.create("ftp://host/")).build());
        assertThrows(IllegalArgumentException.class, () -> DataFetcher.builder().optMirror(URI.create("data/")).build());
        assertThrows(IllegalArgumentException.class, () -> DataFetcher.builder().optTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> DataFetcher.builder().optRetries(-1).build());
        assertEquals(DataLocation.root(), DataFetcher.builder().build().root());
        DataFetcher f = DataFetcher.builder().optMirror(URI.create("https://mirror.example/flowkit")).build();
        assertEquals(URI.create("https://mirror.example/flowkit/assembly/breaking-bad-everyday/" + BIG),
                f.addressOf(dataset, big()));
        assertEquals(big().url(), DataFetcher.builder().build().addressOf(dataset, big()));
    }
}
