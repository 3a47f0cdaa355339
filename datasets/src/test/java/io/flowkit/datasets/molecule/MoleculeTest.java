package io.flowkit.datasets.molecule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoleculeTest {

    private static final int[] ETHANOL_Z = {6, 6, 8, 1, 1, 1, 1, 1, 1};

    private static String rejection(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void holdsElementsPositionsAndOptionalFields() {
        double[] xyz = new double[27];
        xyz[3] = 1.52;
        Molecule m = Molecule.builder().setAtomicNumbers(ETHANOL_Z).setPositions(xyz).optCharge(0).optMultiplicity(1)
                .optBonds(List.of(new Bond(0, 1, 1))).optTitle("ethanol\nline two").optProperty("source", "test").build();
        assertEquals(9, m.atomCount());
        assertEquals("C2H6O", m.formula());
        assertEquals("O", m.symbol(2));
        assertEquals(1.52, m.coordinate(1, 0));
        assertEquals("ethanol line two", m.title());
        assertEquals(1.52, m.positionView().get(3));
        xyz[3] = 99;
        assertEquals(1.52, m.coordinate(1, 0), "defensive copy");
        assertEquals(m, m.toBuilder().build());
        Molecule moved = m.withPositions(new double[27]);
        assertEquals(0, moved.coordinate(1, 0));
        assertEquals(m.bonds(), moved.bonds());
        assertArrayEquals(ETHANOL_Z, moved.atomicNumbers());
    }

    @Test
    void rejectsInvalidContentNamingTheProblem() {
        assertEquals("atom 1 has a non-finite coordinate: NaN",
                rejection(() -> Molecule.of(new int[] {1, 1}, new double[] {0, 0, 0, Double.NaN, 0, 0})));
        assertEquals("atom 0 has a non-finite coordinate: Infinity",
                rejection(() -> Molecule.of(new int[] {1}, new double[] {Double.POSITIVE_INFINITY, 0, 0})));
        assertEquals("positions hold 1 atoms but there are 2 atomic numbers",
                rejection(() -> Molecule.of(new int[] {1, 1}, new double[3])));
        assertEquals("atom 1 has an atomic number out of range 1..118: 0",
                rejection(() -> Molecule.of(new int[] {1, 0}, new double[6])));
        assertEquals("molecule has no atoms", rejection(() -> Molecule.of(new int[0], new double[0])));
        assertEquals("multiplicity is not positive: 0",
                rejection(() -> Molecule.builder().setAtomicNumbers(new int[] {1}).setPositions(new double[3]).optMultiplicity(0).build()));
        assertEquals("bond 0-5 refers to an atom beyond 1", rejection(() -> Molecule.builder().setAtomicNumbers(new int[] {1, 1})
                .setPositions(new double[6]).optBonds(List.of(new Bond(0, 5, 1))).build()));
        assertEquals("bond joins atom 2 to itself", rejection(() -> new Bond(2, 2, 1)));
        assertEquals("unknown element symbol: Xx", rejection(() -> Elements.atomicNumber("Xx")));
        assertEquals(17, Elements.atomicNumber("CL"));
    }

    @Test
    void reactionsCheckTheAtomOrderOfEveryStructure() {
        Molecule r = Molecule.of(new int[] {8, 1, 1}, new double[9]);
        Molecule p = Molecule.of(new int[] {1, 8, 1}, new double[9]);
        assertEquals("reaction rxn7: atom 0 is O in the reactant but H in the product (atom order differs)",
                rejection(() -> Reaction.of("rxn7", r, p)));
        assertEquals("reaction rxn8: the reactant has 3 atoms but the transition state has 2",
                rejection(() -> Reaction.builder().setId("rxn8").setReactant(r).setProduct(r)
                        .optTransitionState(Molecule.of(new int[] {8, 1}, new double[6])).build()));
        Reaction ok = Reaction.builder().setId("x").setReactant(r).setProduct(r).optTransitionState(r)
                .optEnergies(new ReactionEnergies(-1, 0.5, -2)).build();
        assertEquals(1.5, ok.energies().orElseThrow().forwardBarrierEv());
        assertEquals(2.5, ok.energies().orElseThrow().reverseBarrierEv());
        assertEquals(-1, ok.energies().orElseThrow().reactionEnergyEv());
        assertEquals("transition state energy is not finite: NaN", rejection(() -> new ReactionEnergies(0, Double.NaN, 0)));
    }
}
