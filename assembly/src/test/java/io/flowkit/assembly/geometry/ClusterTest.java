package io.flowkit.assembly.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.assembly.RigidPose;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Joining parts into one rigid body. */
class ClusterTest {

    private static final Function<PartSurface, List<PlanarRegion>> DETECT = s -> PlanarRegions.detect(s, 4, 0.02);

    @Test
    void joiningTwoHalvesDropsTheSharedFacesAndTheirFlatRegions() throws Exception {
        FracturedSurfaces f = FracturedSurfaces.of("cow", 2, 4000, 0);
        Cluster a = Cluster.of(0, 2, f.parts().get(0), DETECT, 4);
        Cluster b = Cluster.of(1, 2, f.parts().get(1), DETECT, 4);
        assertEquals(1, a.regions().size(), "one cut, one cap");
        double tolerance = PairwiseRegistration.tolerance(a.surface(), b.surface());
        Cluster joined = a.join(b, f.relative(0, 1), tolerance);
        assertArrayEquals(new int[] {0, 1}, joined.parts());
        assertTrue(joined.pose(0).isIdentity());
        assertArrayEquals(f.relative(0, 1).translation(), joined.pose(1).translation(), 1e-9);
        assertArrayEquals(f.relative(0, 1).rotation(), joined.pose(1).rotation(), 1e-9);
        int capPoints = a.regions().get(0).members().length + b.regions().get(0).members().length;
        int all = a.surface().size() + b.surface().size();
        // The caps are inside the cow now: about their points are gone, and no flat region is left.
        assertTrue(joined.surface().size() < all - 0.8 * capPoints && joined.surface().size() > all - 1.2 * capPoints,
                joined.surface().size() + " of " + all + ", caps " + capPoints);
        assertTrue(joined.regions().isEmpty(), "flat regions left: " + joined.regions().size());
    }

    @Test
    void twoThinPlatesJoinedFaceToFaceKeepTheirPoints() {
        // Each plate is a single square face: joined face to face, every point is shared, and
        // dropping them would leave nothing to register.
        int side = 6;
        double[] x = new double[3 * side * side];
        double[] up = new double[x.length];
        double[] down = new double[x.length];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                int k = 3 * (i * side + j);
                x[k] = i * 0.1;
                x[k + 1] = j * 0.1;
                up[k + 2] = 1;
                down[k + 2] = -1;
            }
        }
        Cluster top = Cluster.of(0, 2, PartSurface.of("top", x, down, 0.25), DETECT, 4);
        Cluster bottom = Cluster.of(1, 2, PartSurface.of("bottom", x, up, 0.25), DETECT, 4);
        Cluster joined = bottom.join(top, RigidPose.identity(), 0.15);
        assertEquals(2 * side * side, joined.surface().size());
    }
}
