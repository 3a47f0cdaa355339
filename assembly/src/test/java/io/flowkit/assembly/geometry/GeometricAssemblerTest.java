package io.flowkit.assembly.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.assembly.RigidPose;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometricAssemblerTest {

    @Test
    void reassemblesRealMeshesCutInTwo() throws Exception {
        for (String mesh : List.of("cow", "bull")) {
            for (long seed = 0; seed < 2; seed++) {
                FracturedSurfaces f = FracturedSurfaces.of(mesh, 2, 4000, seed);
                int anchor = f.example().anchor();
                GeometricAssembler.Result r = GeometricAssembler.assembleParts(f.parts(), anchor);
                // Poses are relative to the anchor's; the example's truth has the anchor in place.
                assertEquals(1.0, f.example().evaluate(r.poses()).partAccuracy(), mesh + " seed " + seed);
                assertEquals("anchor", r.source().get(anchor));
                assertTrue(r.poses().get(anchor).isIdentity());
                int other = 1 - anchor;
                assertEquals("geometry", r.source().get(other));
                assertTrue(r.confidence()[other] > 0.5, mesh + " confidence " + r.confidence()[other]);
            }
        }
    }

    @Test
    void reassemblesRealMeshesCutInFive() throws Exception {
        // Two validation cases (meshes and seeds the settings were chosen on) that the joining
        // search gets right; the 5-part figures on unseen meshes are in the bench.
        for (String mesh : List.of("bull", "elephant")) {
            FracturedSurfaces f = FracturedSurfaces.of(mesh, 5, 10000, 1);
            GeometricAssembler.Result r = GeometricAssembler.assembleParts(f.parts(), f.example().anchor());
            assertEquals(1.0, f.example().evaluate(r.poses()).partAccuracy(), mesh);
            for (int q = 0; q < 5; q++) {
                assertTrue(r.confidence()[q] > 0.5, mesh + " part " + q + " confidence " + r.confidence()[q]);
                assertEquals(q == f.example().anchor() ? "anchor" : "geometry", r.source().get(q));
            }
        }
    }

    @Test
    void theSameInputGivesTheSameAssembly() throws Exception {
        FracturedSurfaces f = FracturedSurfaces.of("cow", 3, 3000, 4);
        GeometricAssembler.Result a = GeometricAssembler.assembleParts(f.parts(), f.example().anchor());
        GeometricAssembler.Result b = GeometricAssembler.assembleParts(f.parts(), f.example().anchor());
        assertEquals(a.poses(), b.poses());
    }

    @Test
    void aCorrectHypothesisIsKeptWhereGeometryAlsoAgrees() throws Exception {
        FracturedSurfaces f = FracturedSurfaces.of("bull", 2, 4000, 1);
        int anchor = f.example().anchor();
        List<RigidPose> truth = List.of(f.relative(anchor, 0), f.relative(anchor, 1));
        GeometricAssembler.Result r = GeometricAssembler.builder().build().assemble(f.parts(), anchor, List.of(truth));
        assertEquals(1.0, f.example().evaluate(r.poses()).partAccuracy());
    }

    @Test
    void theTrueAssemblyScoresAtLeastAsHighAsTheOneFound() throws Exception {
        // A sphere in 5 parts, which the search gets wrong (its caps are alike): the score itself
        // still prefers the truth, so the search is what fails there.
        FracturedSurfaces f = FracturedSurfaces.of("sphere966", 5, 10000, 0);
        int anchor = f.example().anchor();
        GeometricAssembler assembler = GeometricAssembler.builder().build();
        GeometricAssembler.Result r = assembler.assemble(f.parts(), anchor, List.of());
        List<RigidPose> truth = new ArrayList<>();
        for (int q = 0; q < f.parts().size(); q++) {
            truth.add(f.relative(anchor, q));
        }
        assertTrue(f.example().evaluate(r.poses()).partAccuracy() < 1, "the search found the truth: pick another case");
        Contact right = assembler.objective(f.parts(), truth);
        Contact found = assembler.objective(f.parts(), r.poses());
        assertTrue(assembler.score(right) >= assembler.score(found) - 1e-9,
                "truth " + assembler.score(right) + " below the result's " + assembler.score(found));
        assertTrue(right.contactArea() > 0 && right.stepArea() < 0.05 * right.contactArea(),
                "truth contact " + right.contactArea() + ", steps " + right.stepArea());
    }

    @Test
    void rejectsBadInputAndSettings() throws Exception {
        FracturedSurfaces f = FracturedSurfaces.of("cow", 2, 2000, 0);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> GeometricAssembler.assembleParts(f.parts().subList(0, 1), 0));
        assertTrue(one.getMessage().contains("at least 2 parts"), one.getMessage());
        IllegalArgumentException anchor = assertThrows(IllegalArgumentException.class,
                () -> GeometricAssembler.assembleParts(f.parts(), 2));
        assertEquals("anchor is not a part: 2 of 2", anchor.getMessage());
        IllegalArgumentException hypothesis = assertThrows(IllegalArgumentException.class,
                () -> GeometricAssembler.builder().build().assemble(f.parts(), 0, List.of(List.of(RigidPose.identity()))));
        assertEquals("a hypothesis has 1 poses for 2 parts", hypothesis.getMessage());
        assertEquals("beam width is not positive: 0",
                assertThrows(IllegalArgumentException.class, () -> GeometricAssembler.builder().optBeamWidth(0).build())
                        .getMessage());
        assertEquals("step penalty is not a finite non-negative number: -1.0",
                assertThrows(IllegalArgumentException.class, () -> GeometricAssembler.builder().optStepPenalty(-1).build())
                        .getMessage());
    }

    @Test
    void partSurfaceRejectsBadInputNamingThePart() {
        double[] few = new double[3 * 10];
        assertEquals("left: too few points for the geometric stage: 10 (at least 16)",
                assertThrows(IllegalArgumentException.class, () -> PartSurface.of("left", few, few, 1)).getMessage());
        double[] x = new double[3 * 20];
        double[] n = new double[3 * 20];
        for (int i = 0; i < 20; i++) {
            x[3 * i] = i;
            n[3 * i + 2] = 1;
        }
        x[7] = Double.NaN;
        assertEquals("left: point 2 has a non-finite coordinate or a zero normal",
                assertThrows(IllegalArgumentException.class, () -> PartSurface.of("left", x, n, 1)).getMessage());
        x[7] = 0;
        assertEquals("left: area is not positive: 0.0",
                assertThrows(IllegalArgumentException.class, () -> PartSurface.of("left", x, n, 0)).getMessage());
    }
}
