package io.flowkit.meshes.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import org.junit.jupiter.api.Test;

class SubdivisionAndScalingTest {

    @Test
    void midpointSubdivisionQuadruplesFacesKeepsAreaAndClosedness() throws Exception {
        TriangleMesh bunny = MeshFolder.bunnyTriangulations().read("bunny_10k");
        TriangleMesh fine = MidpointSubdivision.subdivide(bunny, 1);
        assertEquals(4 * bunny.faceCount(), fine.faceCount());
        // Closed surface: V − E + F is unchanged; E = 3F/2.
        assertEquals(bunny.vertexCount() + 3 * bunny.faceCount() / 2, fine.vertexCount());
        assertEquals(bunny.surfaceArea(), fine.surfaceArea(), 1e-9 * bunny.surfaceArea());
        assertEquals(0, MeshChecks.requireManifold(fine, "subdivided"));
    }

    @Test
    void unitBoxHasLongestSideOneAndCentre() {
        TriangleMesh m = TriangleMesh.of(new double[] {2, 2, 2, 6, 2, 2, 2, 4, 3}, new int[] {0, 1, 2});
        TriangleMesh s = UnitBox.scale(m);
        assertArrayEquals(new double[] {-0.5, -0.25, -0.125, 0.5, 0.25, 0.125}, s.boundingBox(), 1e-15);
        assertEquals(0.25, UnitBox.scaleFactor(m), 0);
    }
}
