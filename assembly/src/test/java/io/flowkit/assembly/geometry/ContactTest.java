package io.flowkit.assembly.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.assembly.RigidPose;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    void matingPartsTouchOverTheirCapWithoutOverlapOrSteps() throws Exception {
        FracturedSurfaces f = FracturedSurfaces.of("bull", 2, 4000, 1);
        PartSurface a = marked(f.parts().get(0));
        PartSurface b = marked(f.parts().get(1));
        double cap = PlanarRegions.detect(b, 4, 0.02).get(0).area();
        double tol = PairwiseRegistration.tolerance(a, b);
        Contact truth = Contact.measure(a, b, f.relative(0, 1), tol);
        assertEquals(cap, truth.contactArea(), 0.2 * cap);
        // Near creases the nearest sample's normal side misjudges a few points.
        assertTrue(truth.insideArea() < 0.1 * cap, "inside " + truth.insideArea() + " of cap " + cap);
        assertTrue(truth.stepArea() < 0.05 * cap, "steps " + truth.stepArea() + " of cap " + cap);
    }

    @Test
    void pushingOnePartIntoTheOtherShowsAsInsideAndLowersTheScore() throws Exception {
        FracturedSurfaces f = FracturedSurfaces.of("bull", 2, 4000, 1);
        PartSurface a = marked(f.parts().get(0));
        PartSurface b = marked(f.parts().get(1));
        double tol = PairwiseRegistration.tolerance(a, b);
        RigidPose truth = f.relative(0, 1);
        // The cap normal of b, assembled, points into a: move b along it by three tolerances (the
        // inside test looks at points within four tolerances of the other surface).
        double[] n = truth.rotate(PlanarRegions.detect(b, 4, 0.02).get(0).normal());
        RigidPose pushed = moved(truth, n, 3 * tol);
        Contact right = Contact.measure(a, b, truth, tol);
        Contact wrong = Contact.measure(a, b, pushed, tol);
        double cap = PlanarRegions.detect(b, 4, 0.02).get(0).area();
        assertTrue(wrong.insideArea() > 0.5 * cap, "inside " + wrong.insideArea() + " of cap " + cap);
        assertTrue(wrong.insideArea() > 5 * right.insideArea(), "inside " + wrong.insideArea() + " against " + right.insideArea());
        assertTrue(wrong.score(2, 3) < right.score(2, 3));
    }

    @Test
    void aCapSetDownInsideALargerCapLeavesAStep() throws Exception {
        FracturedSurfaces f = FracturedSurfaces.of("cow", 2, 6000, 3);
        PartSurface a = marked(f.parts().get(0));
        PartSurface b = marked(f.parts().get(1));
        double tol = PairwiseRegistration.tolerance(a, b);
        RigidPose truth = f.relative(0, 1);
        // Slide b within the cap plane by a quarter of the cap's size: its outline then crosses a's
        // cap, where its outer surface meets a's fracture face edge-on.
        PlanarRegion capB = PlanarRegions.detect(b, 4, 0.02).get(0);
        double[] u = truth.rotate(capB.u());
        double shift = 0.25 * Math.sqrt(capB.area());
        RigidPose slid = moved(truth, u, shift);
        Contact right = Contact.measure(a, b, truth, tol);
        Contact wrong = Contact.measure(a, b, slid, tol);
        assertTrue(wrong.stepArea() > 3 * Math.max(right.stepArea(), 1e-3),
                "steps " + wrong.stepArea() + " against " + right.stepArea());
        assertTrue(wrong.score(2, 3) < right.score(2, 3));
    }

    @Test
    void contactsAdd() {
        Contact c = new Contact(1, 2, 3).plus(new Contact(0.5, 0.25, 0.125));
        assertEquals(1.5, c.contactArea());
        assertEquals(2.25, c.insideArea());
        assertEquals(3.125, c.stepArea());
        assertEquals(1.5 - 2 * 2.25 - 3 * 3.125, c.score(2, 3), 1e-12);
    }

    /** The pose followed by a translation of the given length along a unit direction. */
    private static RigidPose moved(RigidPose pose, double[] direction, double length) {
        double[] t = pose.translation();
        return RigidPose.of(pose.rotation(), new double[] {t[0] + length * direction[0], t[1] + length * direction[1],
                t[2] + length * direction[2]});
    }

    private static PartSurface marked(PartSurface s) {
        List<PlanarRegion> regions = PlanarRegions.detect(s, 4, 0.02);
        return s.withFlatRegions(regions);
    }
}
