package io.flowkit.datasets.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Rdb7Test {

    private static Rdb7 data;

    @BeforeAll
    static void load() throws IOException {
        data = Rdb7.load();
    }

    @Test
    void holdsEveryReactionWithOneAtomOrderAndFiniteCoordinates() {
        assertEquals(11_822, data.size());
        Set<String> ids = new HashSet<>();
        int minAtoms = Integer.MAX_VALUE;
        int maxAtoms = 0;
        for (Rdb7.Entry e : data.entries()) {
            Reaction r = e.reaction();
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            Molecule ts = r.transitionState().orElseThrow();
            for (Molecule m : List.of(r.reactant(), ts, r.product())) {
                assertEquals(r.atomCount(), m.atomCount(), r.id());
                for (double x : m.positions()) {
                    assertTrue(Double.isFinite(x) && Math.abs(x) < 100, r.id() + " coordinate " + x);
                }
            }
            for (int i = 0; i < r.atomCount(); i++) {
                int z = r.reactant().atomicNumber(i);
                assertTrue(z == 1 || z == 6 || z == 7 || z == 8, r.id() + " element " + z);
                assertEquals(z, ts.atomicNumber(i), r.id());
                assertEquals(z, r.product().atomicNumber(i), r.id());
            }
            minAtoms = Math.min(minAtoms, r.atomCount());
            maxAtoms = Math.max(maxAtoms, r.atomCount());
            assertTrue(Double.isFinite(e.barrierKcalPerMol()) && e.barrierKcalPerMol() > 0, r.id());
        }
        assertEquals(4, minAtoms);
        assertEquals(23, maxAtoms);
    }

    @Test
    void keepsIdsBarriersSmilesAndTheGrambowIndex() {
        Rdb7.Entry first = data.entries().get(0);
        assertEquals("rdb7-0", first.id());
        assertEquals(48.61085, first.barrierKcalPerMol(), 1e-9);
        assertEquals(-1.308713, first.reaction().reactant().coordinate(0, 0), 1e-9);
        assertEquals("[C:1]([c:2]1[n:3][o:4][n:5][n:6]1)([H:7])([H:8])[H:9]", first.reaction().reactant().title());
        assertTrue(first.grambow842Index().isEmpty());
        long inGrambow = data.entries().stream().filter(e -> e.grambow842Index().isPresent()).count();
        assertEquals(737, inGrambow);
        Set<Integer> distinct = new HashSet<>();
        data.entries().forEach(e -> e.grambow842Index().ifPresent(distinct::add));
        assertEquals(737, distinct.size());
        assertTrue(distinct.stream().allMatch(i -> i >= 0 && i < 842));
    }

    @Test
    void everySharedGrambowRecordIsMatchedWithTheSameGeometriesAndInOrder() throws IOException {
        Grambow842 grambow = Grambow842.load();
        Map<Integer, Rdb7.Entry> matched = data.grambowRecords(grambow);
        // 737 of the 742 records are in RDB7 (the 104 reactions RDB7 holds back include the other 5).
        assertEquals(737, matched.size());
        assertEquals(Set.of(27, 95, 149, 533, 638), missing(matched.keySet(), grambow.size()));
        int previous = -1;
        for (var m : matched.entrySet()) {
            Reaction g = grambow.reactions().get(m.getKey());
            Reaction r = m.getValue().reaction();
            assertEquals(g.atomCount(), r.atomCount(), r.id());
            // The same reaction: reactant, product and TS superpose to within rounding (SDF keeps 4 decimals).
            for (int role = 0; role < 3; role++) {
                Molecule a = role == 0 ? g.reactant() : role == 1 ? g.product() : g.transitionState().orElseThrow();
                Molecule b = role == 0 ? r.reactant() : role == 1 ? r.product() : r.transitionState().orElseThrow();
                double rmsd = io.flowkit.core.math.Kabsch.rmsd(a.positions(), b.positions());
                assertTrue(rmsd < 1e-3, r.id() + " role " + role + " against grambow-842 record " + m.getKey() + ": " + rmsd);
            }
            int index = m.getValue().grambow842Index().getAsInt();
            assertTrue(index > previous && index >= m.getKey(), "842 index " + index + " of record " + m.getKey());
            previous = index;
        }
    }

    private static Set<Integer> missing(Set<Integer> present, int size) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (int i = 0; i < size; i++) {
            if (!present.contains(i)) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void reactantKeysGroupReactionsOfOneReactantWhateverTheMapNumbers() {
        // Records 0 and 1 share the reactant (the same mapped SMILES on the left).
        assertEquals(data.reactantKey(0), data.reactantKey(1));
        assertFalse(data.reactantKey(0).contains(":"), data.reactantKey(0));
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            keys.add(data.reactantKey(i));
        }
        assertTrue(keys.size() > 500 && keys.size() < data.size() / 2, keys.size() + " reactants");
    }

    @Test
    void aBrokenRecordIsNamedWithItsFileAndRecord(@TempDir Path dir) throws IOException {
        Path source = DataLocation.dataset(Rdb7.DATASET);
        List<String> csv = Files.readAllLines(source.resolve("reactions.csv")).subList(0, 4);
        Files.write(dir.resolve("reactions.csv"), csv);
        for (String name : List.of("reactants.xyz", "ts.xyz", "products.xyz")) {
            Files.write(dir.resolve(name), firstFrames(source.resolve(name), 3));
        }
        assertEquals(3, Rdb7.load(dir).size());

        // A non-finite coordinate in frame 2 of ts.xyz.
        List<String> ts = new ArrayList<>(Files.readAllLines(dir.resolve("ts.xyz")));
        int frame2 = frameStart(ts, 2);
        ts.set(frame2 + 3, "N NaN 0.0 0.0");
        Files.write(dir.resolve("ts.xyz"), ts);
        IOException e = assertThrows(IOException.class, () -> Rdb7.load(dir));
        assertTrue(e.getMessage().contains("ts.xyz") && e.getMessage().contains("atom 1"), e.getMessage());

        // Swapped atoms in the products: the atom order differs from the reactants.
        Files.write(dir.resolve("ts.xyz"), firstFrames(source.resolve("ts.xyz"), 3));
        List<String> products = new ArrayList<>(Files.readAllLines(dir.resolve("products.xyz")));
        int p1 = frameStart(products, 1);
        String c = products.get(p1 + 2);
        products.set(p1 + 2, products.get(p1 + 2 + 8));
        products.set(p1 + 2 + 8, c);
        Files.write(dir.resolve("products.xyz"), products);
        MalformedInputException order = assertThrows(MalformedInputException.class, () -> Rdb7.load(dir));
        assertEquals(1, order.record());
        assertTrue(order.getMessage().contains("products.xyz") && order.getMessage().contains("atom order"),
                order.getMessage());

        // A SMILES whose map number names the wrong element.
        Files.write(dir.resolve("products.xyz"), firstFrames(source.resolve("products.xyz"), 3));
        List<String> rows = new ArrayList<>(csv);
        rows.set(3, rows.get(3).replaceFirst("\\[C:1\\]", "[N:1]"));
        Files.write(dir.resolve("reactions.csv"), rows);
        MalformedInputException map = assertThrows(MalformedInputException.class, () -> Rdb7.load(dir));
        assertEquals(2, map.record());
        assertTrue(map.getMessage().contains("reactions.csv") && map.getMessage().contains("map number 1"),
                map.getMessage());

        // A binary table and a missing file.
        Files.write(dir.resolve("reactions.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        IOException binary = assertThrows(IOException.class, () -> Rdb7.load(dir));
        assertTrue(binary.getMessage().contains("reactions.csv"), binary.getMessage());
        Files.write(dir.resolve("reactions.csv"), csv);
        Files.delete(dir.resolve("ts.xyz"));
        IOException missing = assertThrows(IOException.class, () -> Rdb7.load(dir));
        assertTrue(missing.getMessage().contains("ts.xyz") && missing.getMessage().contains("missing"),
                missing.getMessage());
    }

    private static List<String> firstFrames(Path file, int frames) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return new ArrayList<>(lines.subList(0, frameStart(lines, frames)));
    }

    private static int frameStart(List<String> lines, int frame) {
        int at = 0;
        for (int f = 0; f < frame; f++) {
            at += Integer.parseInt(lines.get(at).strip()) + 2;
        }
        return at;
    }
}
