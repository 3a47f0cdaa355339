package io.flowkit.molecules.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.math.Kabsch;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.validation.molecule.energy.XtbCalculator;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The xTB refinement on a real Grambow reaction: spectator geometry relaxes, the reacting bonds are held. */
class XtbRefinerTest {

    private static void requireXtb() {
        if (XtbCalculator.isAvailable()) {
            return;
        }
        String message = "xtb is not installed: apt-get install -y xtb (or set FLOWKIT_XTB)";
        if ("1".equals(System.getenv("FLOWKIT_SKIP_XTB"))) {
            Assumptions.abort(message + "; skipped because FLOWKIT_SKIP_XTB=1");
        }
        org.junit.jupiter.api.Assertions.fail(message + "; set FLOWKIT_SKIP_XTB=1 to skip the tests that need it");
    }

    private static Molecule perturbed(Molecule m, double sigma, long seed) {
        Random random = new Random(seed);
        double[] x = m.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += sigma * random.nextGaussian();
        }
        return m.withPositions(x);
    }

    private static double distance(Molecule m, int a, int b) {
        double[] x = m.positions();
        double s = 0;
        for (int k = 0; k < 3; k++) {
            s += Math.pow(x[3 * a + k] - x[3 * b + k], 2);
        }
        return Math.sqrt(s);
    }

    @Test
    void relaxesADistortedTransitionStateAndHoldsTheReactingBonds() throws Exception {
        requireXtb();
        Reaction reaction = Grambow842.load().reactions().get(0);
        Molecule reference = reaction.transitionState().orElseThrow();
        Molecule guess = perturbed(reference, 0.06, 5);
        XtbRefiner.Refined r = XtbRefiner.builder().build().refine(reaction, guess);
        assertTrue(r.refined(), r.note());
        Molecule refined = r.structure();
        assertEquals(guess.atomCount(), refined.atomCount());
        // Closer to the DFT reference than the distorted guess, and lower in xTB energy.
        double before = Kabsch.rmsd(guess.positions(), reference.positions());
        double after = Kabsch.rmsd(refined.positions(), reference.positions());
        assertTrue(after < before, "RMSD to the reference " + before + " -> " + after);
        XtbCalculator xtb = XtbCalculator.builder().build();
        assertTrue(xtb.singlePoint(refined).energyKcalPerMol() < xtb.singlePoint(guess).energyKcalPerMol() - 1);
        // The bonds that form or break keep the guess's lengths (harmonic restraints: within 0.03 Å).
        boolean[][] inR = XtbRefiner.bonds(reaction.reactant());
        boolean[][] inP = XtbRefiner.bonds(reaction.product());
        int active = 0;
        for (int i = 0; i < guess.atomCount(); i++) {
            for (int j = i + 1; j < guess.atomCount(); j++) {
                if (inR[i][j] != inP[i][j]) {
                    active++;
                    assertEquals(distance(guess, i, j), distance(refined, i, j), 0.03, "distance " + i + "-" + j);
                }
            }
        }
        assertTrue(active >= 2, active + " forming/breaking bonds");
        assertEquals(r.shiftAngstrom(), Kabsch.rmsd(refined.positions(), guess.positions()), 1e-9);
    }

    @Test
    void keepsTheFlowsStructureWhenXtbFailsOrMovesItTooFar() throws Exception {
        Reaction reaction = Grambow842.load().reactions().get(0);
        Molecule guess = perturbed(reaction.transitionState().orElseThrow(), 0.06, 5);
        XtbRefiner broken = XtbRefiner.builder().optCalculator(XtbCalculator.builder()
                .optExecutable(Path.of("/bin/false")).build()).build();
        XtbRefiner.Refined failed = broken.refine(reaction, guess);
        assertFalse(failed.refined());
        assertSame(guess, failed.structure());
        assertTrue(failed.note().startsWith("kept the flow's structure: xtb failed"), failed.note());
        requireXtb();
        XtbRefiner.Refined tooFar = XtbRefiner.builder().optMaxShift(1e-4).build().refine(reaction, guess);
        assertFalse(tooFar.refined());
        assertSame(guess, tooFar.structure());
        assertTrue(tooFar.note().contains("moved the structure by"), tooFar.note());
        assertThrows(IllegalArgumentException.class, () -> XtbRefiner.builder().optMaxShift(0).build());
        assertThrows(IllegalArgumentException.class, () -> XtbRefiner.builder().build().refine(reaction,
                Molecule.of(new int[] {1, 1}, new double[] {0, 0, 0, 0.7, 0, 0})));
    }
}
