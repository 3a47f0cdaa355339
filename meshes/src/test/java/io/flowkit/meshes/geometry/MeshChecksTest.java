package io.flowkit.meshes.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.FaustRemeshed;
import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import org.junit.jupiter.api.Test;

class MeshChecksTest {

    /** A unit square split into two triangles (four boundary edges... plus the diagonal inside). */
    static TriangleMesh square() {
        return TriangleMesh.of(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0}, new int[] {0, 1, 2, 0, 2, 3});
    }

    static String message(TriangleMesh mesh) {
        return assertThrows(IllegalArgumentException.class, () -> MeshChecks.requireManifold(mesh, "m")).getMessage();
    }

    @Test
    void countsBoundaryEdgesOfOpenAndClosedMeshes() throws Exception {
        assertEquals(4, MeshChecks.requireManifold(square(), "square"));
        TriangleMesh bunny = MeshFolder.bunnyTriangulations().read("bunny_10k");
        assertEquals(0, MeshChecks.requireManifold(bunny, "bunny_10k"));
    }

    @Test
    void theBunnyTriangulationsAndTheFaustRemeshingsAreCleanClosedSurfaces() throws Exception {
        // Every real triangulation the mesh tests use passes the classic checks and has no boundary
        // (so the robust Laplacian's tufted cover of each is two copies of it: no flips across sheets).
        for (String name : MeshFolder.bunnyTriangulations().names()) {
            assertEquals(0, MeshChecks.requireManifold(MeshFolder.bunnyTriangulations().read(name), name), name);
        }
        for (String shape : FaustRemeshed.SHAPES) {
            for (String r : FaustRemeshed.REMESHINGS) {
                assertEquals(0, MeshChecks.requireManifold(FaustRemeshed.load().read(shape, r).mesh(), r), shape + " " + r);
            }
        }
    }

    @Test
    void rejectsDegenerateIsolatedAndNonManifoldInput() {
        double[] v = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};
        assertTrue(message(TriangleMesh.of(v, new int[] {0, 1, 1})).contains("repeats a vertex"));
        double[] collinear = {0, 0, 0, 1, 0, 0, 2, 0, 0};
        assertTrue(message(TriangleMesh.of(collinear, new int[] {0, 1, 2})).contains("degenerate"));
        assertTrue(message(TriangleMesh.of(v, new int[] {0, 1, 2})).contains("vertex 3 is isolated"));
        double[] fan = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1};
        String nm = message(TriangleMesh.of(fan, new int[] {0, 1, 2, 0, 1, 3, 0, 1, 4}));
        assertTrue(nm.contains("edge (0, 1) is non-manifold") && nm.contains("3 triangles"), nm);
        assertTrue(message(TriangleMesh.of(v, new int[0])).contains("no triangles"));
    }
}
