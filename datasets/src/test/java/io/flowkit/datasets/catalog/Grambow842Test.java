package io.flowkit.datasets.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Grambow842Test {

    private static Grambow842 data;

    @BeforeAll
    static void load() throws IOException {
        data = Grambow842.load();
    }

    @Test
    void holdsEveryReactionWithConsistentAtomOrder() {
        assertEquals(742, data.size());
        assertEquals(742, data.predictedTransitionStates().size());
        Set<String> ids = new HashSet<>();
        for (Reaction r : data.reactions()) {
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            assertTrue(r.id().matches("rxn\\d+"), r.id());
            assertTrue(r.atomCount() >= 7 && r.atomCount() <= 21, r.id() + " has " + r.atomCount() + " atoms");
            Molecule ts = r.transitionState().orElseThrow();
            for (int i = 0; i < r.atomCount(); i++) {
                int z = r.reactant().atomicNumber(i);
                assertTrue(z == 1 || z == 6 || z == 7 || z == 8, "element " + z);
                assertEquals(z, ts.atomicNumber(i));
                assertEquals(z, r.product().atomicNumber(i));
                assertEquals(z, data.predictedTransitionStates().get(data.reactions().indexOf(r)).atomicNumber(i));
            }
        }
    }

    @Test
    void keepsMappedSmilesTitlesAndGeometriesInAngstrom() {
        Reaction first = data.reactions().get(0);
        assertEquals("rxn010218", first.id());
        assertEquals("[O:1]([C:2]([C:3]#[N:4])([H:6])[H:7])[H:5]", first.reactant().title());
        assertEquals(-1.1959, first.reactant().coordinate(0, 0), 1e-9);
        assertEquals(0.5188, first.reactant().coordinate(0, 1), 1e-9);
        assertEquals(-0.4163, first.reactant().coordinate(0, 2), 1e-9);
        assertEquals(-0.9918, first.transitionState().orElseThrow().coordinate(0, 0), 1e-9);
        assertEquals(0, first.reactant().charge().getAsInt());
        // Bonded atoms in a molecule lie between 0.9 and 1.8 Å apart (C, N, O, H covalent bonds).
        Molecule m = first.reactant();
        m.bonds().forEach(b -> {
            double d = 0;
            for (int k = 0; k < 3; k++) {
                double x = m.coordinate(b.first(), k) - m.coordinate(b.second(), k);
                d += x * x;
            }
            assertTrue(Math.sqrt(d) > 0.9 && Math.sqrt(d) < 1.8, "bond length " + Math.sqrt(d));
        });
        assertEquals(6, m.bonds().size());
    }

    @Test
    void everyMoleculeIsANeutralSingletDespiteTheRadicalFlagsOfTheFiles() throws Exception {
        // The raw SDF records carry M  RAD flags (read literally, many products would be triplets or higher).
        long flagged = io.flowkit.datasets.molecule.io.SdfFormat.readAll(
                io.flowkit.core.io.DataLocation.dataset(Grambow842.DATASET).resolve("products.sdf")).stream()
                .filter(m -> m.multiplicity().orElse(1) > 1).count();
        assertTrue(flagged > 0, "products.sdf has M  RAD lines");
        for (var r : data.reactions()) {
            for (var m : java.util.List.of(r.reactant(), r.product(), r.transitionState().orElseThrow())) {
                assertEquals(0, m.charge().getAsInt(), r.id());
                assertEquals(0, java.util.Arrays.stream(m.atomicNumbers()).sum() % 2, r.id() + " has an even electron count");
                assertEquals(1, m.multiplicity().getAsInt(), r.id());
            }
        }
        assertTrue(data.predictedTransitionStates().stream().allMatch(m -> m.multiplicity().getAsInt() == 1));
    }
}
