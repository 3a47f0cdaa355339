package io.flowkit.meshes.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.sparse.CoordinateBisection;
import io.flowkit.core.sparse.SparseCholesky;
import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.core.laplace.LaplaceBeltrami;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.junit.jupiter.api.Test;

class SparseCholeskyTest {

    /** A random sparse symmetric positive definite matrix: B Bᵀ + I for a sparse random B. */
    static DMatrixSparseCSC randomSpd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixSparseCSC b = new DMatrixSparseCSC(n, n, 4 * n);
        for (int i = 0; i < n; i++) {
            b.set(i, i, 1 + r.nextDouble());
            for (int k = 0; k < 2; k++) {
                b.set(i, r.nextInt(n), r.nextDouble() - 0.5);
            }
        }
        DMatrixSparseCSC bt = CommonOps_DSCC.transpose(b, null, null);
        DMatrixSparseCSC a = CommonOps_DSCC.mult(b, bt, null);
        return a;
    }

    static double[] denseSolve(DMatrixSparseCSC a, double[] rhs) {
        DMatrixRMaj d = DConvertMatrixStruct.convert(a, (DMatrixRMaj) null);
        DMatrixRMaj x = new DMatrixRMaj(rhs.length, 1);
        assertTrue(CommonOps_DDRM.solve(d, new DMatrixRMaj(rhs.length, 1, true, rhs), x));
        return x.data;
    }

    static double[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    static double maxRelativeError(double[] x, double[] reference) {
        double scale = 0;
        double err = 0;
        for (int i = 0; i < x.length; i++) {
            scale = Math.max(scale, Math.abs(reference[i]));
            err = Math.max(err, Math.abs(x[i] - reference[i]));
        }
        return err / scale;
    }

    @Test
    void solvesRandomSpdLikeDenseUnderAnyOrdering() {
        int n = 80;
        DMatrixSparseCSC a = randomSpd(n, 1);
        double[] rhs = gaussian(n, 2);
        double[] reference = denseSolve(a, rhs);
        int[] shuffled = new int[n];
        for (int i = 0; i < n; i++) {
            shuffled[i] = i;
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        for (int[] perm : new int[][] {null, shuffled}) {
            double[] x = SparseCholesky.factor(a, perm).solve(rhs);
            assertTrue(maxRelativeError(x, reference) < 1e-10, "error " + maxRelativeError(x, reference));
        }
    }

    @Test
    void multiChannelSolveMatchesChannelByChannel() {
        int n = 50;
        SparseCholesky chol = SparseCholesky.factor(randomSpd(n, 4), null);
        double[] b = gaussian(3 * n, 5);
        double[] x = b.clone();
        chol.solveInPlace(x, 3);
        for (int c = 0; c < 3; c++) {
            double[] bc = new double[n];
            for (int i = 0; i < n; i++) {
                bc[i] = b[3 * i + c];
            }
            double[] xc = chol.solve(bc);
            for (int i = 0; i < n; i++) {
                assertEquals(xc[i], x[3 * i + c], 1e-12 * (1 + Math.abs(xc[i])));
            }
        }
    }

    @Test
    void solvesRealMeshOperatorLikeDense() throws Exception {
        TriangleMesh mesh = MeshFolder.cgal().read("hand");
        LaplaceBeltrami op = LaplaceBeltrami.of(mesh.vertices(), mesh.faces());
        double scale = 1 / mesh.boundingBoxDiagonal();
        double tau = 100 / (scale * scale);
        DMatrixSparseCSC a = CommonOps_DSCC.add(1, op.stiffness(), tau, op.mass(), null, null, null);
        double[] rhs = gaussian(op.size(), 6);
        double[] reference = denseSolve(a, rhs);
        SparseCholesky chol = SparseCholesky.factor(a, CoordinateBisection.order(mesh.vertices(), a));
        double err = maxRelativeError(chol.solve(rhs), reference);
        assertTrue(err < 1e-9, "error " + err);
    }

    @Test
    void rejectsIndefiniteMatricesAndBadPermutations() {
        DMatrixSparseCSC a = new DMatrixSparseCSC(2, 2, 4);
        a.set(0, 0, 1);
        a.set(1, 1, -1);
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(a, null));
        DMatrixSparseCSC b = randomSpd(5, 7);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparseCholesky.factor(b, new int[] {0, 1, 1, 3, 4}));
        assertTrue(e.getMessage().contains("not a permutation"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(b, null).solve(new double[4]));
    }

    @Test
    void symbolicCountMatchesNumericFactor() {
        DMatrixSparseCSC a = randomSpd(120, 8);
        SparseCholesky chol = SparseCholesky.factor(a, null);
        assertEquals(chol.factorEntries(), SparseCholesky.factorEntries(a, null));
    }
}
