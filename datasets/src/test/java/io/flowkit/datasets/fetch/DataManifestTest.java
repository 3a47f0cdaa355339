package io.flowkit.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.io.DataLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled manifest: it lists every data set, and its sizes and checksums match the files under FLOWKIT_DATA. */
class DataManifestTest {

    private static final List<String> NAMES = List.of("grambow-842", "rdb7", "pugan-meshes", "pugan-official", "punet-mc5k",
            "bunny-triangulations", "elephant-poses", "faust-remeshed", "cgal", "breaking-bad-everyday",
            "partnet-sample");

    @Test
    void listsEveryDataSetWithItsFolderAsShortName() {
        DataManifest manifest = DataManifest.load();
        assertEquals(NAMES, manifest.names());
        for (DatasetEntry d : manifest.datasets()) {
            assertEquals(DataLocation.shortName(d.folder()), d.name());
            assertTrue(!d.files().isEmpty() && !d.licence().isBlank(), d.name());
            assertEquals("https", d.source().getScheme(), d.name());
            for (FileEntry f : d.files()) {
                assertEquals("https", f.url().getScheme(), f.path());
                assertTrue(f.origin() == Origin.INDEXED || !f.note().isEmpty(), d.name() + "/" + f.path() + " needs a note");
            }
        }
        assertEquals(manifest.dataset("grambow-842"), manifest.dataset("reactions/grambow-842"));
    }

    /**
     * What keeps the manifest honest: every listed data set and file is under FLOWKIT_DATA with that
     * size and SHA-256, and no other file.
     */
    @Test
    void sizesAndChecksumsMatchTheFilesUnderFlowkitData() throws IOException {
        Path root = DataLocation.root();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (DatasetEntry d : DataManifest.load().datasets()) {
            Path folder = root.resolve(d.folder());
            if (!Files.isDirectory(folder)) {
                // Every data set is read by some test: a missing one is a failure, not a skip.
                problems.add(d.folder() + ": missing under " + root + " (flowkit data fetch --only " + d.name() + ")");
                continue;
            }
            for (FileEntry f : d.files()) {
                Path p = folder.resolve(f.path());
                if (!Files.isRegularFile(p)) {
                    problems.add(d.folder() + "/" + f.path() + ": missing");
                } else if (Files.size(p) != f.size()) {
                    problems.add(d.folder() + "/" + f.path() + ": " + Files.size(p) + " bytes, manifest " + f.size());
                } else if (!Checksums.sha256(p).equals(f.sha256())) {
                    problems.add(d.folder() + "/" + f.path() + ": SHA-256 differs from the manifest");
                }
                checked++;
            }
            Set<String> listed = d.files().stream().map(FileEntry::path).collect(Collectors.toSet());
            try (Stream<Path> s = Files.walk(folder)) {
                Set<String> unlisted = s.filter(Files::isRegularFile)
                        .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !listed.contains(p) && !p.equals("SOURCE.txt"))
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!unlisted.isEmpty()) {
                    problems.add(d.folder() + ": not in the manifest: " + unlisted);
                }
            }
            assertEquals(DatasetState.PRESENT, DatasetState.of(root, d), d.name());
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 0, "no data set under " + root);
    }

    @Test
    void unknownNamesAreListedWithTheKnownOnes() {
        DataManifest manifest = DataManifest.load();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> manifest.select(List.of("cgal", "bunny", "faust")));
        assertTrue(e.getMessage().startsWith("unknown data sets 'bunny', 'faust'; known: grambow-842, "), e.getMessage());
        assertEquals(2, manifest.select(List.of("cgal", "meshes/cgal", "punet-mc5k")).size());
        assertEquals(NAMES.size(), manifest.select(List.of()).size());
    }

    @Test
    void malformedLinesAreNamedByLine() {
        String text = "# comment\ndataset\tx\ta/x\tMIT\thttps://example.org/x\n"
                + "file\tx\tone.txt\t3\t" + "ab".repeat(32) + "\thttps://example.org/one.txt\tindexed\t\n"
                + "file\tx\t../two.txt\t3\t" + "ab".repeat(32) + "\thttps://example.org/two.txt\tindexed\t\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataManifest.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "m.tsv"));
        assertTrue(e.getMessage().startsWith("m.tsv: line 4: not a plain relative path"), e.getMessage());
        String undeclared = "file\ty\tone.txt\t3\t" + "ab".repeat(32) + "\thttps://example.org/one.txt\tguessed\t\n";
        e = assertThrows(IllegalArgumentException.class,
                () -> DataManifest.parse(new ByteArrayInputStream(undeclared.getBytes(StandardCharsets.UTF_8)), "m.tsv"));
        assertTrue(e.getMessage().contains("line 1: file of undeclared data set 'y'"), e.getMessage());
    }
}
