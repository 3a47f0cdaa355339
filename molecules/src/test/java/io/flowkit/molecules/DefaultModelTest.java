package io.flowkit.molecules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.io.CdkMolecules;
import io.flowkit.molecules.bench.TsGenEvaluation;
import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.molecules.bench.Rdb7Evaluation;
import io.flowkit.molecules.data.Rdb7Split;
import io.flowkit.molecules.featurize.ReactionFrame;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.validation.molecule.RmsdSummary;
import io.flowkit.validation.molecule.StructureRmsd;
import org.junit.jupiter.api.Test;
import org.openscience.cdk.interfaces.IAtomContainer;

/** The committed default model on the real held-out reactions of RDB7's test (a) (the Grambow test reactions). */
class DefaultModelTest {

    @Test
    void theDefaultModelBeatsTheMidpointAndThe2020ModelOnTestA() throws Exception {
        Grambow842 grambow = Grambow842.load();
        Rdb7Split split = Rdb7Split.of(Rdb7.load(), grambow);
        try (TsGenModel model = TsGenModel.loadDefault(Device.cpu())) {
            assertTrue(model.provenance().dataset().contains("reactions/rdb7 train split"), model.provenance().dataset());
            TransitionStateGenerator generator = TransitionStateGenerator.builder().setModel(model).build();
            TsGenEvaluation.Result result = Rdb7Evaluation.run(generator, "default", split, grambow,
                    Rdb7Evaluation.Part.GRAMBOW);
            assertTrue(result.failures().isEmpty(), result.failures().toString());
            RmsdSummary generated = result.methods().get(0).summary();
            RmsdSummary tsgen2020 = result.methods().get(1).summary();
            RmsdSummary midpoint = result.methods().get(2).summary();
            assertEquals(99, generated.count());
            // The references are independent of this code: the 2020 model's published predictions of these
            // reactions (0.380 Å median, 0.436 mean) and the aligned midpoint (0.502 / 0.513). Measured:
            // 0.226 / 0.312; the margins below are what a model worth shipping must keep.
            assertTrue(generated.median() < tsgen2020.median() - 0.1,
                    "median " + generated.median() + " vs the 2020 model " + tsgen2020.median());
            assertTrue(generated.mean() < midpoint.mean() - 0.1, "mean " + generated.mean() + " vs " + midpoint.mean());
        }
    }

    @Test
    void theOneLinerGivesTheSameStructureForOurTypesAndForCdk() throws Exception {
        Reaction r = Grambow842.load().reactions().get(5);
        Molecule ts = TsGen.transitionState(r.reactant(), r.product());
        IAtomContainer container = TsGen.transitionState(CdkMolecules.toAtomContainer(r.reactant()),
                CdkMolecules.toAtomContainer(r.product()));
        Molecule viaCdk = CdkMolecules.fromAtomContainer(container);
        assertEquals(r.reactant().atomCount(), container.getAtomCount());
        assertEquals(r.reactant().atomCount(), ts.atomCount());
        Molecule reference = r.transitionState().orElseThrow();
        // Closer to the DFT transition state than the aligned midpoint of R and P (the naive answer).
        ReactionFrame frame = ReactionFrame.of(r, 0);
        Molecule midpoint = frame.toMolecule(frame.midpoint(), "midpoint");
        assertTrue(StructureRmsd.rmsd(ts, reference) < StructureRmsd.rmsd(midpoint, reference),
                "RMSD " + StructureRmsd.rmsd(ts, reference) + " vs the midpoint's " + StructureRmsd.rmsd(midpoint, reference));
        double[] a = ts.positions();
        double[] b = viaCdk.positions();
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-4, "coordinate " + i);
        }
    }
}
