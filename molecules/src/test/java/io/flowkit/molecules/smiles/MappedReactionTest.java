package io.flowkit.molecules.smiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.validation.molecule.AtomSymmetry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/** Parsing of atom-mapped reaction SMILES on real RDB7 reactions. */
class MappedReactionTest {

    @Test
    void atomsFollowTheMapNumbersAndMatchTheDftGeometriesOfRdb7() throws Exception {
        List<Rdb7.Entry> entries = Rdb7.load().entries();
        int checked = 0;
        for (int i = 0; i < entries.size(); i += 397) {
            Rdb7.Entry e = entries.get(i);
            MappedReaction r;
            try {
                r = MappedReaction.parse(e.smiles());
            } catch (IllegalArgumentException unparseable) {
                continue; // a few RDB7 SMILES have aromatic rings CDK cannot kekulise (counted in the bench)
            }
            // RDB7's geometries are in map order too: the elements must agree atom by atom.
            assertArrayEquals(e.reaction().reactant().atomicNumbers(), r.atomicNumbers(), e.id());
            assertEquals(r.atomCount(), r.reactantGraph().getAtomCount());
            // Map number k + 1 is atom k on both sides.
            for (IAtomContainer side : new IAtomContainer[] {r.reactantGraph(), r.productGraph()}) {
                for (int k = 0; k < side.getAtomCount(); k++) {
                    assertEquals(r.atomicNumbers()[k], side.getAtom(k).getAtomicNumber(), e.id() + " atom " + k);
                }
            }
            checked++;
        }
        assertTrue(checked >= 25, "checked " + checked);
    }

    @Test
    void mappedSmilesRoundTrip() {
        String smiles = "[C:1]([c:2]1[n:3][o:4][n:5][n:6]1)([H:7])([H:8])[H:9]"
                + ">>[C:1]([C:2]([N:3]=[O:4])=[N+:6]=[N-:5])([H:7])([H:8])[H:9]";
        MappedReaction first = MappedReaction.parse(smiles);
        SmilesGenerator generator = new SmilesGenerator(SmiFlavor.AtomAtomMap);
        String written = write(generator, first.reactantGraph()) + ">>" + write(generator, first.productGraph());
        MappedReaction again = MappedReaction.parse(written);
        assertArrayEquals(first.atomicNumbers(), again.atomicNumbers());
        assertEquals(bondSet(first, false), bondSet(again, false));
        assertEquals(bondSet(first, true), bondSet(again, true));
        assertEquals(0, again.charge());
        assertEquals(1, again.multiplicity());
    }

    private static String write(SmilesGenerator generator, IAtomContainer side) {
        try {
            IAtomContainer copy = side.clone();
            for (int k = 0; k < copy.getAtomCount(); k++) {
                copy.getAtom(k).setProperty(org.openscience.cdk.CDKConstants.ATOM_ATOM_MAPPING, k + 1);
            }
            return generator.create(copy);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> bondSet(MappedReaction r, boolean products) {
        Set<String> bonds = new HashSet<>();
        IAtomContainer side = products ? r.productGraph() : r.reactantGraph();
        for (IBond b : side.bonds()) {
            int i = side.indexOf(b.getBegin());
            int j = side.indexOf(b.getEnd());
            bonds.add(Math.min(i, j) + "-" + Math.max(i, j));
        }
        return bonds;
    }

    @Test
    void aromaticRingsWrittenWithAnExplicitDoubleBondAreKekulised() {
        // RDB7 reaction 2213's reactant: CDK's parser refuses to kekulise it; the ring has one valid
        // Kekulé structure, C2=N3 (as written) and C4=N5.
        MappedReaction r = MappedReaction.parse("[N:1]([c:2]1=[n:3][c:4]([H:9])[n:5][o:6]1)([H:7])[H:8]"
                + ">>[N:1]([C:2]1=[N:3][C:4]([H:9])=[N:5][O:6]1)([H:7])[H:8]");
        Set<String> doubles = new HashSet<>();
        for (IBond b : r.reactantGraph().bonds()) {
            if (b.getOrder() == IBond.Order.DOUBLE) {
                int i = r.reactantGraph().indexOf(b.getBegin());
                int j = r.reactantGraph().indexOf(b.getEnd());
                doubles.add(Math.min(i, j) + "=" + Math.max(i, j));
            }
        }
        assertEquals(Set.of("1=2", "3=4"), doubles);
        assertTrue(message("[N:1]([c:2]1[c:3][c:4][c:5][c:6]1)([H:7])[H:8]>>[N:1]([H:7])[H:8]").contains("cannot parse"));
    }

    @Test
    void symmetryKeepsTheAtomsThatTakeNoPartInterchangeable() {
        // Methane losing hydrogen 5: hydrogens 2-4 stay interchangeable (3! = 6), hydrogen 5 does not.
        MappedReaction r = MappedReaction.parse("[C:1]([H:2])([H:3])([H:4])[H:5]>>[C:1]([H:2])([H:3])[H:4].[H:5]");
        AtomSymmetry s = r.symmetry();
        assertEquals(6, s.size());
        for (int k = 0; k < s.size(); k++) {
            int[] p = s.permutation(k);
            assertEquals(0, p[0]);
            assertEquals(4, p[4]);
        }
        // The nitrile oxide reaction of the round trip: only the methyl's three hydrogens.
        assertEquals(6, MappedReaction.parse("[C:1]([c:2]1[n:3][o:4][n:5][n:6]1)([H:7])([H:8])[H:9]"
                + ">>[C:1]([C:2]([N:3]=[O:4])=[N+:6]=[N-:5])([H:7])([H:8])[H:9]").symmetry().size());
    }

    @Test
    void unmappedPartlyMappedAndInconsistentReactionsAreRefusedWithAMessage() {
        assertTrue(message("CCO>>CC=O").contains("has no map number"));
        assertTrue(message("[C:1]([H:2])([H:3])([H:4])[H:5]>>[C:1]([H:2])([H:3])[H:4].[H]").contains("has no map number"));
        assertTrue(message("[CH4:1]>>[CH4:1]").contains("implicit hydrogen"));
        assertTrue(message("[C:1]([H:2])([H:3])([H:4])[H:5]>>[N:1]([H:2])([H:3])([H:4])[H:5]")
                .contains("map number 1 is C in the reactants but N in the products"));
        assertTrue(message("[C:1]([H:2])([H:3])([H:4])[H:7]>>[C:1]([H:2])([H:3])([H:4])[H:7]").contains("outside 1..5"));
        assertTrue(message("[C:1]([H:2])([H:2])([H:4])[H:5]>>[C:1]([H:2])([H:3])([H:4])[H:5]").contains("appears twice"));
        assertTrue(message("[C:1]([H:2])([H:3])([H:4])[H:5]").contains("not a reaction SMILES"));
        assertTrue(message("[C:1](((>>").contains("cannot parse"));
    }

    private static String message(String smiles) {
        return assertThrows(IllegalArgumentException.class, () -> MappedReaction.parse(smiles)).getMessage();
    }
}
