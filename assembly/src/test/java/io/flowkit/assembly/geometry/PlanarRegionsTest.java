package io.flowkit.assembly.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.datasets.sampling.UniformSurfaceSampler;
import io.flowkit.datasets.pointcloud.PointCloud;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanarRegionsTest {

    @Test
    void theTwoCapsOfOneCutAreFoundOnBothPartsAndMate() throws Exception {
        FracturedSurfaces f = FracturedSurfaces.of("cow", 2, 4000, 3);
        PlanarRegion a = PlanarRegions.detect(f.parts().get(0), 4, 0.02).get(0);
        PlanarRegion b = PlanarRegions.detect(f.parts().get(1), 4, 0.02).get(0);
        // The same cut seen from both sides: equal areas (up to the sampling and the points lost at
        // the rim), opposite normals once assembled, one plane.
        assertEquals(a.area(), b.area(), 0.2 * a.area());
        RigidPose truth = f.relative(0, 1);
        double[] nb = truth.rotate(b.normal());
        double dot = nb[0] * a.normal()[0] + nb[1] * a.normal()[1] + nb[2] * a.normal()[2];
        assertTrue(dot < -0.999, "cap normals are not opposite: " + dot);
        double[] cb = truth.apply(b.centroid());
        double offset = 0;
        for (int d = 0; d < 3; d++) {
            offset += (cb[d] - a.centroid()[d]) * a.normal()[d];
        }
        assertEquals(0, offset, 0.01);
        // The rim and its outline are proper subsets: a ring around the face, and on a single cut
        // all of the rim borders the cow's own surface.
        assertTrue(a.rim().length > 20 && a.rim().length < a.members().length / 2, "rim " + a.rim().length);
        assertEquals(a.rim().length, a.outline().length);
    }

    @Test
    void aSmoothClosedSurfaceHasNoFlatRegions() throws Exception {
        TriangleMesh sphere = MeshFiles.read(DataLocation.dataset("meshes/cgal").resolve("sphere.off"));
        PointCloud cloud = UniformSurfaceSampler.sample(sphere, 3000, 5).points();
        PartSurface s = PartSurface.of("sphere", cloud.positions(), cloud.normals().orElseThrow(), sphere.surfaceArea());
        List<PlanarRegion> regions = PlanarRegions.detect(s, 4, 0.02);
        assertTrue(regions.isEmpty(), regions.size() + " flat regions on a sphere");
        assertFalse(s.withFlatRegions(regions).flat(0));
    }
}
