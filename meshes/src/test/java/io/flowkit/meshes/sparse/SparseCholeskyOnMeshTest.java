package io.flowkit.meshes.sparse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.core.sparse.CoordinateBisection;
import io.flowkit.core.sparse.SparseCholesky;
import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.junit.jupiter.api.Test;

/**
 * The sparse Cholesky of {@code flowkit-common-core} on a real mesh operator, against a dense solve
 * (its contract tests on synthetic matrices live in common-core).
 */
class SparseCholeskyOnMeshTest {

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
}
