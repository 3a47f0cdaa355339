package io.flowkit.meshes.sparse;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.core.sparse.CoordinateBisection;
import io.flowkit.core.sparse.SparseCholesky;
import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

class CoordinateBisectionTest {

    @Test
    void isAPermutationAndReducesFillOnARealMesh() throws Exception {
        TriangleMesh mesh = MeshFolder.bunnyTriangulations().read("bunny_mixed");
        DMatrixSparseCSC l = LaplaceBeltrami.of(mesh.vertices(), mesh.faces()).stiffness();
        int[] perm = CoordinateBisection.order(mesh.vertices(), l);
        boolean[] seen = new boolean[perm.length];
        for (int v : perm) {
            assertTrue(!seen[v], "vertex " + v + " twice");
            seen[v] = true;
        }
        long natural = SparseCholesky.factorEntries(l, null);
        long ordered = SparseCholesky.factorEntries(l, perm);
        System.out.printf("bunny_mixed (%d vertices): factor entries natural %d, coordinate bisection %d (%.1fx less)%n",
                mesh.vertexCount(), natural, ordered, (double) natural / ordered);
        // Nested dissection on a surface: O(n log n) entries; the file order fills far more.
        assertTrue(ordered * 5 < natural, "natural " + natural + ", ordered " + ordered);
        double nLogN = mesh.vertexCount() * Math.log(mesh.vertexCount()) / Math.log(2);
        assertTrue(ordered < 5 * nLogN, "ordered " + ordered + " is not O(n log n): n log2 n = " + nLogN);
    }

    @Test
    void rejectsMismatchedOrNonFiniteCoordinates() {
        DMatrixSparseCSC a = new DMatrixSparseCSC(4, 4, 4);
        for (int i = 0; i < 4; i++) {
            a.set(i, i, 1);
        }
        assertThrows(IllegalArgumentException.class, () -> CoordinateBisection.order(new double[9], a));
        double[] xyz = new double[12];
        xyz[5] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoordinateBisection.order(xyz, a));
        assertTrue(e.getMessage().contains("point 1"), e.getMessage());
    }
}
