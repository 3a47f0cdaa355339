package io.flowkit.molecules.featurize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.math.Kabsch;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.molecules.Molecules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactionFrameTest {

    @Test
    void centresTheReactantAndSuperposesTheProductOnIt() {
        Molecule r = Molecules.move(Molecules.reactant(), new double[] {0.3, 0.2, -0.1}, new double[] {4, -2, 7});
        Molecule p = Molecules.move(Molecules.product(), new double[] {-1.2, 0.4, 2.0}, new double[] {-9, 1, 0});
        ReactionFrame frame = ReactionFrame.of("x", r, p);
        double[] centred = frame.reactant();
        double[] sum = new double[3];
        for (int i = 0; i < centred.length; i++) {
            sum[i % 3] += centred[i];
        }
        assertArrayEquals(new double[] {0, 0, 0}, sum, 1e-9);
        // P is placed where it fits R best: no rigid motion of it comes closer.
        double fitted = Kabsch.rmsd(frame.product(), centred);
        double direct = rmsdNoFit(frame.product(), centred);
        assertEquals(fitted, direct, 1e-9, "the product is already superposed on the reactant");
        // Mapping back puts the reactant where it was.
        assertArrayEquals(r.positions(), frame.toMolecule(frame.reactant(), "back").positions(), 1e-9);
        assertEquals(r.atomCount(), frame.atomCount());
    }

    private static double rmsdNoFit(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / (a.length / 3));
    }

    @Test
    void badReactionsAreRejectedNamingTheReactionAndTheAtoms() {
        Molecule r = Molecules.reactant();
        double[] crowded = r.positions();
        crowded[3] = crowded[0] + 0.1;
        crowded[4] = crowded[1];
        crowded[5] = crowded[2];
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
                () -> ReactionFrame.of("rxn7", r.withPositions(crowded), Molecules.product()));
        assertTrue(overlap.getMessage().contains("reaction rxn7: atoms 0 and 1 of the reactant overlap"), overlap.getMessage());
        Molecule swapped = Molecule.of(new int[] {6, 8, 6, 7, 1, 1, 1}, Molecules.product().positions());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> ReactionFrame.of("rxn8", r, swapped));
        assertTrue(order.getMessage().contains("rxn8"), order.getMessage());
        Molecule sulphur = Molecule.of(new int[] {16, 6, 6, 7, 1, 1, 1}, r.positions());
        ReactionFrame frame = ReactionFrame.of("rxn9", sulphur, sulphur);
        IllegalArgumentException element = assertThrows(IllegalArgumentException.class,
                () -> ReactionBatch.of(List.of(frame), ElementVocabulary.organic()));
        assertTrue(element.getMessage().contains("reaction rxn9: atom 0 is element 16, which the model was not trained on"),
                element.getMessage());
    }

    @Test
    void batchesPadSmallerReactionsWithMaskedDummyAtoms() {
        ReactionFrame seven = ReactionFrame.of("seven", Molecules.reactant(), Molecules.product());
        Molecule water = Molecule.of(new int[] {8, 1, 1}, new double[] {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0});
        ReactionFrame three = ReactionFrame.of(Reaction.builder().setId("water").setReactant(water).setProduct(water)
                .optTransitionState(water).build(), 0.5);
        ReactionBatch batch = ReactionBatch.of(List.of(seven, three), ElementVocabulary.organic());
        assertEquals(7, batch.atoms());
        float[] mask = batch.coordinateMask();
        assertEquals(7 * 3 + 3 * 3, (int) java.util.stream.IntStream.range(0, mask.length).filter(i -> mask[i] == 1).count());
        assertEquals(0f, batch.reactants()[21 + 3 * 3], "padding sits at the origin");
        assertEquals(null, batch.transitionStates(), "not every reaction has a transition state");
    }
}
