package io.flowkit.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.validation.report.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finished sections are kept and reused only under the same key and with their pictures present. */
class SectionStoreTest {

    @TempDir
    Path dir;

    private static BenchSection section() {
        ResultTable table = ResultTable.builder().optTitle("t").setColumns("method", "CD").optDecimals("CD", 4)
                .addRow("ours", 0.28341).addRow("midpoint", 0.2931).optNote("a note").optMetadata("seed", 3L).build();
        ResultTable published = PublishedFigures.assembly();
        return new BenchSection("pufm", List.of(table), List.of("p.png"), List.of("n1"), "trained 10 steps", published,
                125.5);
    }

    private static BenchSuite suite(String settings) {
        return new BenchSuite() {
            @Override
            public String name() {
                return "pufm";
            }

            @Override
            public String settings() {
                return settings;
            }

            @Override
            public BenchSection run(BenchContext context) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void roundTripsASectionUnderItsKey() throws Exception {
        Files.writeString(dir.resolve("p.png"), "png");
        SectionStore store = new SectionStore(dir);
        BenchContext context = new BenchContext(dir, 3, false, Device.cpu(), BenchProgress.silent());
        String key = SectionStore.key(suite(""), context, "1.0");
        store.save(section(), key);
        Optional<BenchSection> kept = store.find("pufm", key);
        assertTrue(kept.isPresent());
        BenchSection s = kept.get();
        assertEquals(section().tables().get(0).toJson(), s.tables().get(0).toJson());
        assertEquals(section().published().toJson(), s.published().toJson());
        assertEquals(List.of("p.png"), s.pictures());
        assertEquals(List.of("n1"), s.notes());
        assertEquals(125.5, s.seconds(), "the suite's time is kept with it");
        assertEquals("trained 10 steps", s.provenance());
    }

    @Test
    void anotherKeyOrAMissingPictureRunsTheSuiteAgain() throws Exception {
        Files.writeString(dir.resolve("p.png"), "png");
        SectionStore store = new SectionStore(dir);
        BenchContext quick = new BenchContext(dir, 3, false, Device.cpu(), BenchProgress.silent());
        BenchContext full = new BenchContext(dir, 3, true, Device.cpu(), BenchProgress.silent());
        BenchContext seed4 = new BenchContext(dir, 4, false, Device.cpu(), BenchProgress.silent());
        String key = SectionStore.key(suite(""), quick, "1.0");
        store.save(section(), key);
        assertTrue(store.find("pufm", SectionStore.key(suite(""), full, "1.0")).isEmpty());
        assertTrue(store.find("pufm", SectionStore.key(suite(""), seed4, "1.0")).isEmpty());
        assertTrue(store.find("pufm", SectionStore.key(suite("model m"), quick, "1.0")).isEmpty());
        assertTrue(store.find("pufm", SectionStore.key(suite(""), quick, "1.1")).isEmpty());
        Files.delete(dir.resolve("p.png"));
        assertTrue(store.find("pufm", key).isEmpty());
    }

    @Test
    void aDamagedFileIsIgnored() throws Exception {
        Files.createDirectories(dir.resolve("sections"));
        Files.writeString(dir.resolve("sections/pufm.json"), "{\"key\": \"k\", \"section\": {\"tables\": 3");
        assertTrue(new SectionStore(dir).find("pufm", "k").isEmpty());
    }
}
