package io.flowkit.validation.molecule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.math.So3;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoleculeMetricsTest {

    private static double[] rotateAndShift(double[] p, double[] r, double[] t) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i += 3) {
            double[] x = So3.apply(r, new double[] {p[i], p[i + 1], p[i + 2]});
            for (int a = 0; a < 3; a++) {
                out[i + a] = x[a] + t[a];
            }
        }
        return out;
    }

    @Test
    void rmsdIsInvariantToRigidMotionAndEqualsTheNaiveValueForAligned() {
        Random random = new Random(30);
        double[] ref = new double[3 * 12];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = 1.5 * random.nextGaussian();
        }
        double[] noisy = ref.clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += 0.05 * random.nextGaussian();
        }
        double base = StructureRmsd.rmsd(noisy, ref);
        double[] moved = rotateAndShift(noisy, So3.exp(new double[] {0.4, -1.1, 2.0}), new double[] {3, -2, 10});
        assertEquals(base, StructureRmsd.rmsd(moved, ref), 1e-10);
        // Superposition never does worse than the plain (unaligned) RMSD.
        double plain = 0;
        for (int i = 0; i < ref.length; i++) {
            plain += (noisy[i] - ref[i]) * (noisy[i] - ref[i]);
        }
        assertTrue(base <= Math.sqrt(plain / 12) + 1e-15);
        // Per-atom errors have the RMSD as their root mean square.
        double[] errors = StructureRmsd.atomErrors(moved, ref);
        double ss = 0;
        for (double e : errors) {
            ss += e * e;
        }
        assertEquals(base, Math.sqrt(ss / errors.length), 1e-12);
    }

    @Test
    void aMirrorImageCountsOnlyWhenAllowed() {
        // A chiral tetrahedral centre: C with four different substituents, and its mirror image.
        double[] ref = {0, 0, 0, 1.09, 0, 0, -0.36, 1.03, 0, -0.36, -0.51, 0.89, -0.36, -0.51, -0.89 * 1.6};
        double[] mirror = ref.clone();
        for (int i = 2; i < mirror.length; i += 3) {
            mirror[i] = -mirror[i];
        }
        assertTrue(StructureRmsd.rmsd(mirror, ref) > 0.1);
        assertEquals(0, StructureRmsd.rmsdAllowingMirrorImage(mirror, ref), 1e-10);
    }

    @Test
    void summaryCountsSharesAtThresholdsInclusively() {
        RmsdSummary s = RmsdSummary.of(new double[] {0.05, 0.1, 0.15, 0.3, 1.2}, 0.1, 0.2);
        assertEquals(5, s.count());
        assertEquals(0.36, s.mean(), 1e-12);
        assertEquals(0.15, s.median(), 1e-15);
        assertEquals(0.4, s.shareBelow(0.1), 1e-15);
        assertEquals(0.6, s.shareBelow(0.2), 1e-15);
        assertEquals(0.0, s.shareBelow(0.01));
        assertEquals(0.125, RmsdSummary.of(new double[] {0.1, 0.15}).median() - 0.0, 1e-15);
        String text = s.toTable("model").toText();
        assertTrue(text.contains("≤ 0.1 Å") && text.contains("0.4000"), text);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RmsdSummary.of(new double[0]))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RmsdSummary.of(new double[] {0.1, Double.NaN}))
                .getMessage().contains("rmsd 1"));
    }

    @Test
    void rejectsMismatchedAtomsAndBadCoordinates() {
        Molecule water = Molecule.of(new int[] {8, 1, 1}, new double[] {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0});
        Molecule swapped = Molecule.of(new int[] {1, 8, 1}, new double[] {0, 0, 0, 0.96, 0, 0, -0.24, 0.93, 0});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StructureRmsd.rmsd(swapped, water))
                .getMessage().contains("atom order differs at atom 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StructureRmsd.rmsd(new double[] {0, 0, 0}, new double[] {0, 0, 0, 1, 1, 1})).getMessage()
                .contains("1 atoms but reference has 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StructureRmsd.rmsd(new double[] {0, Double.NaN, 0}, new double[] {0, 0, 0})).getMessage()
                .contains("predicted point 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ReactionErrors.of(List.of("r1"), List.of(swapped), List.of(water))).getMessage()
                .contains("structure 0 (r1)"));
    }

    @Test
    void theTsgen2020PredictionsOnGrambow842() throws Exception {
        Grambow842 data = Grambow842.load();
        List<Reaction> reactions = data.reactions();
        ReactionErrors errors = ReactionErrors.transitionStates(reactions, data.predictedTransitionStates());
        assertEquals(reactions.size(), errors.entries().size());
        RmsdSummary summary = errors.summary(0.1, 0.2, 0.5);
        // A trained model: most predicted TS lie within a few tenths of an ångström of the reference.
        assertTrue(summary.median() > 0.01 && summary.median() < 0.5, summary.toString());
        assertTrue(summary.shareBelow(0.5) > 0.5, summary.toString());
        assertTrue(summary.shareBelow(0.1) < summary.shareBelow(0.2));
        for (ReactionErrors.Entry e : errors.entries()) {
            assertTrue(e.rmsdAllowingMirrorImage() <= e.rmsd() + 1e-12, e.id());
            assertTrue(e.maxAtomError() >= e.rmsd() - 1e-12, e.id());
        }
        // The reference TS against itself, moved rigidly: zero error.
        Molecule ts = reactions.get(0).transitionState().orElseThrow();
        Molecule moved = ts.withPositions(rotateAndShift(ts.positions(), So3.exp(new double[] {1, 2, 3}), new double[] {5, 5, 5}));
        assertEquals(0, StructureRmsd.rmsd(moved, ts), 1e-10);
        // A TS is farther from its reactant than the prediction is from the TS, on the median.
        double[] toReactant = new double[reactions.size()];
        for (int k = 0; k < reactions.size(); k++) {
            toReactant[k] = StructureRmsd.rmsd(reactions.get(k).reactant(), reactions.get(k).transitionState().orElseThrow());
        }
        assertTrue(RmsdSummary.of(toReactant).median() > summary.median());
    }
}
