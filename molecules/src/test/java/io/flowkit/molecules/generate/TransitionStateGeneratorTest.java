package io.flowkit.molecules.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.molecules.Molecules;
import io.flowkit.molecules.model.Prior;
import io.flowkit.molecules.model.TsGenConfig;
import io.flowkit.molecules.model.TsGenModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitionStateGeneratorTest {

    private static final TsGenConfig SMALL = TsGenConfig.defaults().withSize(16, 2);

    @Test
    void theSameSeedGivesTheSameStructureWhateverTheBatchSize() {
        try (TsGenModel model = TsGenModel.create(SMALL, 3, Device.cpu())) {
            Reaction a = Reaction.of("a", Molecules.reactant(), Molecules.product());
            Reaction b = Reaction.of("b", Molecules.product(), Molecules.reactant());
            TransitionStateGenerator one = TransitionStateGenerator.builder().setModel(model)
                    .optFixedSteps(OdeSolver.rk4(), 8).optSamples(3).optSeed(9).optBatchSize(1).build();
            TransitionStateGenerator many = TransitionStateGenerator.builder().setModel(model)
                    .optFixedSteps(OdeSolver.rk4(), 8).optSamples(3).optSeed(9).optBatchSize(64).build();
            TransitionStateGenerator other = TransitionStateGenerator.builder().setModel(model)
                    .optFixedSteps(OdeSolver.rk4(), 8).optSamples(3).optSeed(10).build();
            GenerationResult r1 = one.generate(List.of(a, b));
            GenerationResult r2 = many.generate(List.of(a, b));
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(r1.transitionStates().get(i).orElseThrow().positions(),
                        r2.transitionStates().get(i).orElseThrow().positions(), 1e-4);
            }
            assertFalse(java.util.Arrays.equals(r1.transitionStates().get(0).orElseThrow().positions(),
                    other.generate(List.of(a)).transitionStates().get(0).orElseThrow().positions()));
            // The solver as every generator takes it: optSolver + optSteps is optFixedSteps.
            TransitionStateGenerator same = TransitionStateGenerator.builder().setModel(model).optSolver(OdeSolver.rk4())
                    .optSteps(8).optSamples(3).optSeed(9).optBatchSize(64).build();
            assertArrayEquals(r2.transitionStates().get(0).orElseThrow().positions(),
                    same.generate(List.of(a, b)).transitionStates().get(0).orElseThrow().positions(), 0);
        }
    }

    @Test
    void theResultSitsWithTheReactantAndRotatesWithTheInputs() {
        TsGenConfig midpoint = SMALL.withPrior(Prior.MIDPOINT, 0);
        try (TsGenModel model = TsGenModel.create(midpoint, 4, Device.cpu())) {
            TransitionStateGenerator generator = TransitionStateGenerator.builder().setModel(model)
                    .optFixedSteps(OdeSolver.rk4(), 6).build();
            Molecule ts = generator.generate(Molecules.reactant(), Molecules.product());
            double[] rot = {0.4, -1.1, 2.0};
            double[] shift = {5, 0, -3};
            Molecule moved = generator.generate(Molecules.move(Molecules.reactant(), rot, shift),
                    Molecules.move(Molecules.product(), rot, shift));
            // The deterministic prior makes the flow exact: the moved inputs give the moved structure.
            double[] expected = Molecules.move(ts, rot, shift).positions();
            assertArrayEquals(expected, moved.positions(), 1e-3);
            // (No bound on the structure itself: this model is untrained, so only the exact equivariance
            // above has a reference; the shipped model's accuracy is DefaultModelTest's.)
            assertEquals(Molecules.reactant().atomCount(), ts.atomCount());
        }
    }

    @Test
    void aBatchRunReportsFailedRecordsAndStillReturnsTheOthers() {
        try (TsGenModel model = TsGenModel.create(SMALL, 3, Device.cpu())) {
            Molecule sulphur = Molecule.of(new int[] {16, 6, 6, 7, 1, 1, 1}, Molecules.reactant().positions());
            Molecule nan = Molecules.reactant();
            List<Reaction> reactions = List.of(Reaction.of("good", Molecules.reactant(), Molecules.product()),
                    Reaction.of("unknown element", sulphur, sulphur));
            GenerationResult result = TransitionStateGenerator.builder().setModel(model)
                    .optFixedSteps(OdeSolver.euler(), 4).build().generate(reactions);
            assertTrue(result.transitionStates().get(0).isPresent());
            assertTrue(result.transitionStates().get(1).isEmpty());
            assertEquals(1, result.succeeded());
            assertTrue(result.failures().get(1).contains("unknown element"), result.failures().get(1));
            assertTrue(result.failures().get(1).contains("element 16"), result.failures().get(1));
            IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                    () -> TransitionStateGenerator.builder().setModel(model).build().generate(sulphur, sulphur));
            assertTrue(single.getMessage().contains("element 16"), single.getMessage());
            assertThrows(IllegalArgumentException.class, () -> TransitionStateGenerator.builder().build());
            assertThrows(IllegalArgumentException.class,
                    () -> Molecule.of(new int[] {1}, new double[] {0, Double.NaN, 0}), "NaN is refused when read");
            assertEquals(7, nan.atomCount());
        }
    }

    @Test
    void theMeanFallsBackToTheMedoidWhenItPutsTwoAtomsOnEachOther() {
        // Two samples that swap atoms 1 and 2 (1 Å apart): their mean puts both at the same place.
        double[] a = {0, 0, 0, 1.2, 0, 0, 1.2, 1.0, 0};
        double[] b = {0, 0, 0, 1.2, 1.0, 0, 1.2, 0, 0};
        double[] c = {0, 0, 0.01, 1.2, 0.02, 0, 1.2, 1.0, 0};
        double[] swapped = TransitionStateGenerator.meanOrMedoid(new double[][] {a, b, c});
        double[] medoid = TransitionStateGenerator.medoid(new double[][] {a, b, c});
        assertArrayEquals(medoid, swapped, 0);
        assertTrue(medoid == a || medoid == b || medoid == c, "the medoid is one of the samples");
        // Samples that agree give their plain mean.
        double[] d = {0, 0, 0, 1.2, 0.1, 0, 1.2, 1.1, 0};
        double[] mean = TransitionStateGenerator.meanOrMedoid(new double[][] {a, d});
        assertArrayEquals(new double[] {0, 0, 0, 1.2, 0.05, 0, 1.2, 1.05, 0}, mean, 1e-12);
    }

    @Test
    void aHugeCoordinateFailsOnlyItsOwnReaction() {
        try (TsGenModel model = TsGenModel.create(SMALL, 3, Device.cpu())) {
            double[] broken = Molecules.product().positions();
            broken[4] = 1e5;
            Molecule far = Molecule.of(Molecules.product().atomicNumbers(), broken);
            List<Reaction> reactions = List.of(Reaction.of("first", Molecules.reactant(), Molecules.product()),
                    Reaction.of("far away", Molecules.reactant(), far),
                    Reaction.of("third", Molecules.product(), Molecules.reactant()));
            GenerationResult result = TransitionStateGenerator.builder().setModel(model).optBatchSize(8)
                    .optFixedSteps(OdeSolver.euler(), 4).build().generate(reactions);
            assertEquals(2, result.succeeded());
            assertTrue(result.transitionStates().get(0).isPresent() && result.transitionStates().get(2).isPresent());
            String why = result.failures().get(1);
            assertTrue(why.contains("far away") && why.contains("atom 1 of the product") && why.contains("broken coordinate"),
                    why);
        }
    }

    @Test
    void aSavedModelLoadsWithTheSameWeightsAndProvenance(@TempDir Path dir) throws Exception {
        try (TsGenModel model = TsGenModel.create(SMALL, 12, Device.cpu())) {
            io.flowkit.flow.checkpoint.Provenance provenance = new io.flowkit.flow.checkpoint.Provenance("test", "djl",
                    "engine", "now", 12, 0, "none", SMALL.describe(), java.util.Map.of(), 1);
            model.save(dir, provenance);
            try (TsGenModel loaded = TsGenModel.load(dir, Device.cpu())) {
                assertEquals(SMALL, loaded.config());
                assertEquals(12, loaded.provenance().seed());
                TransitionStateGenerator a = TransitionStateGenerator.builder().setModel(model)
                        .optFixedSteps(OdeSolver.euler(), 3).build();
                TransitionStateGenerator b = TransitionStateGenerator.builder().setModel(loaded)
                        .optFixedSteps(OdeSolver.euler(), 3).build();
                assertArrayEquals(a.generate(Molecules.reactant(), Molecules.product()).positions(),
                        b.generate(Molecules.reactant(), Molecules.product()).positions(), 0.0);
            }
            java.nio.file.Files.writeString(dir.resolve("model.json"), "{ broken");
            java.io.IOException broken = assertThrows(java.io.IOException.class, () -> TsGenModel.load(dir, Device.cpu()));
            assertTrue(broken.getMessage().contains("model.json is not valid"), broken.getMessage());
            java.io.IOException missing = assertThrows(java.io.IOException.class,
                    () -> TsGenModel.load(dir.resolve("nothing"), Device.cpu()));
            assertTrue(missing.getMessage().contains("not a TS-GEN model folder"), missing.getMessage());
        }
    }
}
