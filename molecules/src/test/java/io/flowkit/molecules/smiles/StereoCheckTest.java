package io.flowkit.molecules.smiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.Rdb7;
import org.junit.jupiter.api.Test;

/** The stereo check against RDB7's DFT geometries, which its SMILES were written from. */
class StereoCheckTest {

    @Test
    void dftGeometriesMatchTheirSmilesAndTheirMirrorImagesAreRecognised() throws Exception {
        int checked = 0;
        int chiral = 0;
        int matching = 0;
        for (Rdb7.Entry e : Rdb7.load().entries()) {
            if (!e.smiles().split(">>")[0].contains("@")) {
                continue;
            }
            MappedReaction r;
            try {
                r = MappedReaction.parse(e.smiles());
            } catch (IllegalArgumentException unparseable) {
                continue;
            }
            assertTrue(r.reactantGraph().stereoElements().iterator().hasNext(), e.id() + " lost its stereo elements");
            double[] x = e.reaction().reactant().positions();
            // The DFT geometry has the SMILES's configuration (a few strained cages are written as
            // their mirror image: accepted, never a mismatch).
            StereoCheck.Outcome asGiven = StereoCheck.check(r.reactantGraph(), x);
            assertTrue(asGiven != StereoCheck.Outcome.MISMATCH, e.id());
            matching += asGiven == StereoCheck.Outcome.MATCH ? 1 : 0;
            // The mirror image is the other enantiomer, or the same stereoisomer for an achiral one
            // (meso, bridged rings): never a mismatch.
            StereoCheck.Outcome mirrored = StereoCheck.check(r.reactantGraph(), StereoCheck.mirror(x));
            assertTrue(mirrored != StereoCheck.Outcome.MISMATCH, e.id());
            chiral += mirrored != asGiven ? 1 : 0;
            if (++checked == 30) {
                break;
            }
        }
        assertEquals(30, checked);
        // With the volume sign convention inverted, most would be MIRROR: 22 of 30 are MATCH, the rest
        // mirror images (RDB7 writes some cages and meso-like rings as their mirror image).
        assertTrue(matching >= 20, "DFT geometries matching their SMILES: " + matching + " of 30");
        assertTrue(chiral >= 15, "chiral " + chiral);
    }
}
