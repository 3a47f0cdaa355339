package io.flowkit.molecules.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.molecules.Molecules;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenConfig;
import io.flowkit.molecules.model.TsGenModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsGenBatchTest {

    /** Records 0..n-1, each the test reaction rigidly moved by its own amount; record 7 is not one reaction. */
    private static List<ReactionRecord> records(int n) {
        List<ReactionRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] rot = {0.1 * i, -0.05 * i, 0.2};
            double[] shift = {i, 0, -i};
            Molecule r = Molecules.move(Molecules.reactant(), rot, shift);
            Molecule p = i == 7 ? Molecule.of(new int[] {6, 1}, new double[] {0, 0, 0, 1.1, 0, 0})
                    : Molecules.move(Molecules.product(), rot, shift);
            out.add(ReactionRecord.ofGeometries(i, "record " + i, "rxn-" + i, r, p));
        }
        return out;
    }

    @Test
    void aJobSplitIntoWholeBlocksGivesExactlyWhatOneRunGives() {
        try (TsGenModel model = TsGenModel.create(TsGenConfig.defaults().withSize(16, 2), 3, Device.cpu())) {
            TsGenBatch batch = TsGenBatch.builder()
                    .setGenerator(TransitionStateGenerator.builder().setModel(model).optSeed(5).build()).build();
            int n = TsGenBatch.BLOCK + 8;
            List<ReactionRecord> all = records(n);
            List<TsRecord> whole = batch.run(all);
            // The second block first, then the first: order and split do not matter.
            List<TsRecord> parts = new ArrayList<>(batch.run(all.subList(TsGenBatch.BLOCK, n)));
            parts.addAll(0, batch.run(all.subList(0, TsGenBatch.BLOCK)));
            assertEquals(n, whole.size());
            for (int i = 0; i < n; i++) {
                TsRecord a = whole.get(i);
                TsRecord b = parts.get(i);
                assertEquals(i, a.index());
                if (i == 7) {
                    assertFalse(a.succeeded());
                    assertEquals(TsRecord.Stage.READ, a.stage());
                    assertTrue(a.message().startsWith("record 7: "), a.message());
                    assertEquals(a.message(), b.message());
                    continue;
                }
                assertTrue(a.succeeded(), a.message());
                assertNull(a.note());
                assertArrayEquals(a.transitionState().positions(), b.transitionState().positions(), 0.0, "record " + i);
            }
            // Record i draws from stream i: the same reaction under another record number differs.
            List<ReactionRecord> renumbered = List.of(ReactionRecord.ofGeometries(3, "x", "x", Molecules.reactant(),
                    Molecules.product()), ReactionRecord.ofGeometries(4, "y", "y", Molecules.reactant(), Molecules.product()));
            List<TsRecord> two = batch.run(renumbered);
            assertFalse(java.util.Arrays.equals(two.get(0).transitionState().positions(),
                    two.get(1).transitionState().positions()));
        }
    }

    @Test
    void recordsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> ReactionRecord.invalid(-1, "r", "bad"));
        assertThrows(IllegalArgumentException.class, () -> new ReactionRecord(0, "r", null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new ReactionRecord(0, "r", null, null, null, "bad", null));
        assertThrows(IllegalArgumentException.class, () -> new TsRecord(0, "r", null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> TsGenBatch.builder().build());
        try (TsGenModel model = TsGenModel.create(TsGenConfig.defaults().withSize(16, 2), 3, Device.cpu())) {
            TsGenBatch noGeometries = TsGenBatch.builder()
                    .setGenerator(TransitionStateGenerator.builder().setModel(model).build()).build();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> noGeometries.run(List.of(ReactionRecord.ofSmiles(0, "line 1", "t", "[H:1][H:2]>>[H:1].[H:2]"))));
            assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        }
    }
}
