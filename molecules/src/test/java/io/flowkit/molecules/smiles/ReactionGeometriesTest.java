package io.flowkit.molecules.smiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.molecules.TsGen;
import io.flowkit.validation.molecule.StructureRmsd;
import io.flowkit.validation.molecule.energy.XtbCalculator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reactant and product geometries from reaction SMILES with the real xtb (installed by CI), and the
 * transition state generated from them.
 */
class ReactionGeometriesTest {

    /** RDB7 reaction 5098: cyanide to isocyanide in HOCH2CN (7 atoms). */
    static final String RDB7_5098 = "[O:1]([C:2]([C:3]#[N:4])([H:6])[H:7])[H:5]>>[O:1]([C:2]([N+:4]#[C-:3])([H:6])[H:7])[H:5]";

    @Test
    void smilesGiveBondedGeometriesInMapOrderAndATransitionStateNearTheDftOne() throws Exception {
        ReactionGeometries geometries = ReactionGeometries.builder().optConformers(2).build();
        ReactionGeometries.Prepared p = geometries.prepare(RDB7_5098, "rdb7-5098");
        assertArrayEquals(new int[] {8, 6, 6, 7, 1, 1, 1}, p.reactant().atomicNumbers());
        assertArrayEquals(p.reactant().atomicNumbers(), p.product().atomicNumbers());
        assertNull(ReactionGeometries.bondProblem(p.reaction(), false, p.reactant().positions()));
        assertNull(ReactionGeometries.bondProblem(p.reaction(), true, p.product().positions()));
        assertEquals(0, p.reactant().charge().getAsInt());
        assertEquals(1, p.reactant().multiplicity().getAsInt());
        // The same seed gives the same geometries.
        ReactionGeometries.Prepared again = geometries.prepare(RDB7_5098, "rdb7-5098");
        assertArrayEquals(p.reactant().positions(), again.reactant().positions(), 1e-9);
        // The transition state from SMILES alone against RDB7's DFT one (mirror images allowed: the
        // SMILES has no stereocentre). From the DFT geometries the model reaches about 0.5 Å here.
        Rdb7.Entry entry = Rdb7.load().entries().stream().filter(e -> e.id().equals("rdb7-5098")).findFirst().orElseThrow();
        Molecule ts = TsGen.transitionState(p.reactant(), p.product());
        double rmsd = StructureRmsd.rmsdAllowingMirrorImage(ts, entry.reaction().transitionState().orElseThrow());
        assertTrue(rmsd < 0.4, "TS RMSD from SMILES " + rmsd);
        assertTrue(p.keptReactants() >= 1 && p.keptProducts() >= 1);
        // The one-line entry point gives the same atoms in map order.
        Molecule oneLine = TsGen.fromReactionSmiles(RDB7_5098);
        assertArrayEquals(new int[] {8, 6, 6, 7, 1, 1, 1}, oneLine.atomicNumbers());
        assertTrue(StructureRmsd.rmsdAllowingMirrorImage(oneLine, entry.reaction().transitionState().orElseThrow()) < 0.6);
    }

    @Test
    void anXtbFailureIsReportedWithItsStage() {
        XtbCalculator broken = XtbCalculator.builder().optExecutable(Path.of("/bin/false")).build();
        StageException e = assertThrows(StageException.class,
                () -> ReactionGeometries.builder().optConformers(1).optCalculator(broken).build().prepare(RDB7_5098, "x"));
        assertEquals(StageException.Stage.OPTIMIZE, e.stage());
        assertTrue(e.getMessage().startsWith("xtb optimisation: xtb failed on every conformer"), e.getMessage());
        StageException parse = assertThrows(StageException.class,
                () -> ReactionGeometries.builder().build().prepare("CC>>CC", "y"));
        assertEquals(StageException.Stage.PARSE, parse.stage());
        assertThrows(IllegalArgumentException.class, () -> ReactionGeometries.builder().optConformers(0).build());
    }
}
