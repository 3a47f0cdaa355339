package io.flowkit.datasets.molecule.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.molecule.Reaction;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads files written here with jHDF in the layout of the Transition1x release. */
class Transition1xReaderTest {

    @TempDir
    Path dir;

    /** One structure: atomic numbers, frames × atoms × 3 positions, per-frame energies. */
    private static void structure(WritableGroup rxn, String name, int[] z, double[][][] positions, double[] energies) {
        WritableGroup g = rxn.putGroup(name);
        g.putDataset("atomic_numbers", z);
        g.putDataset("positions", positions);
        g.putDataset(Transition1xReader.ENERGY, energies);
    }

    private static double[][][] frames(double... xyz) {
        double[][] atoms = new double[xyz.length / 3][];
        for (int i = 0; i < atoms.length; i++) {
            atoms[i] = new double[] {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]};
        }
        return new double[][][] {atoms};
    }

    private Path write(int[] productNumbers) {
        Path file = dir.resolve("t1x.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup split = hdf.putGroup("data");
            WritableGroup formula = split.putGroup("CHN");
            int[] z = {6, 1, 7};
            WritableGroup rxn = formula.putGroup("rxn0001");
            // the NEB path at the reaction level, which the reader skips
            rxn.putDataset("atomic_numbers", z);
            rxn.putDataset("positions", new double[][][] {frames(0, 0, 0, 1, 0, 0, 2, 0, 0)[0], frames(0, 0, 0, 1, 1, 0, 2, 0, 0)[0]});
            rxn.putDataset(Transition1xReader.ENERGY, new double[] {-2500.0, -2498.0});
            structure(rxn, "reactant", z, frames(0, 0, 0, 1.07, 0, 0, -1.16, 0, 0), new double[] {-2500.0});
            structure(rxn, "transition_state", z, frames(0, 0, 0, 0.6, 1.0, 0, -1.18, 0, 0), new double[] {-2498.0});
            structure(rxn, "product", productNumbers, frames(0, 0, 0, -2.2, 0, 0, -1.17, 0, 0), new double[] {-2500.5});
            WritableGroup other = split.putGroup("H2O").putGroup("rxn0002");
            int[] w = {8, 1, 1};
            structure(other, "reactant", w, frames(0, 0, 0, 0.96, 0, 0, 0, 0.96, 0), new double[] {-2080.0});
            structure(other, "transition_state", w, frames(0, 0, 0, 1.2, 0, 0, 0, 0.96, 0), new double[] {-2078.0});
            structure(other, "product", w, frames(0, 0, 0, 0.96, 0, 0, 0, -0.96, 0), new double[] {-2079.0});
        }
        return file;
    }

    @Test
    void readsReactionsWithTransitionStatesAndEnergies() throws IOException {
        List<Reaction> reactions = Transition1xReader.read(write(new int[] {6, 1, 7}), "data");
        assertEquals(2, reactions.size());
        Reaction r = reactions.get(0);
        assertEquals("CHN/rxn0001", r.id());
        assertArrayEquals(new int[] {6, 1, 7}, r.reactant().atomicNumbers());
        assertArrayEquals(new double[] {0, 0, 0, 0.6, 1.0, 0, -1.18, 0, 0}, r.transitionState().orElseThrow().positions());
        assertEquals(2.0, r.energies().orElseThrow().forwardBarrierEv(), 1e-12);
        assertEquals(-0.5, r.energies().orElseThrow().reactionEnergyEv(), 1e-12);
        assertEquals("H2O/rxn0002", reactions.get(1).id());
        assertEquals(1.0, reactions.get(1).energies().orElseThrow().reverseBarrierEv(), 1e-12);
    }

    @Test
    void rejectsAMissingSplitAndMismatchedAtomOrder() {
        Path file = write(new int[] {6, 7, 1});
        MalformedInputException split = assertThrows(MalformedInputException.class, () -> Transition1xReader.read(file, "test"));
        assertTrue(split.getMessage().contains("no split group '/test'"), split.getMessage());
        MalformedInputException order = assertThrows(MalformedInputException.class, () -> Transition1xReader.read(file, "data"));
        assertTrue(order.getMessage().startsWith(file.toString()), order.getMessage());
        assertTrue(order.getMessage().contains("atom 1 is H in the reactant but N in the product"), order.getMessage());
    }
}
