package io.flowkit.meshes.bench;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.core.sparse.CoordinateBisection;
import io.flowkit.core.sparse.SparseAssembly;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;

/**
 * The sampler's previous solver, kept only to be timed beside the current one in the same run: the
 * classic cotangent {@code L + τM}, the same coordinate-bisection ordering, and EJML's up-looking
 * Cholesky ({@link CholeskyUpLooking_DSCC}, a port of CSparse's {@code cs_chol}; Davis 2006) with
 * column-by-column sparse triangular solves.
 */
final class UpLookingBaseline {

    private UpLookingBaseline() {}

    /**
     * The baseline's figures.
     *
     * @param buildSeconds assembly, ordering and factorisation
     * @param sampleSeconds one 3-channel solve (two triangular sweeps per channel)
     * @param factorEntries entries of the factor
     */
    record Timing(double buildSeconds, double sampleSeconds, long factorEntries) {}

    /**
     * Builds and times one solve.
     *
     * @param mesh the mesh
     * @param tau the shift τ
     * @return the timings
     */
    static Timing measure(TriangleMesh mesh, double tau) {
        long t0 = System.nanoTime();
        DMatrixSparseCSC a = LaplaceBeltrami.cotangent(mesh.vertices(), mesh.faces()).shifted(tau);
        int[] perm = CoordinateBisection.order(mesh.vertices(), a);
        int n = a.numCols;
        int[] inverse = CommonOps_DSCC.permutationInverse(perm, n);
        SparseAssembly upperTriangle = new SparseAssembly(n, n, a.nz_length / 2 + n);
        for (int j = 0; j < n; j++) {
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                if (a.nz_rows[p] <= j) {
                    upperTriangle.add(a.nz_rows[p], j, a.nz_values[p]);
                }
            }
        }
        DMatrixSparseCSC upper = upperTriangle.build();
        DMatrixSparseCSC permuted = new DMatrixSparseCSC(n, n, 0);
        CommonOps_DSCC.permuteSymmetric(upper, inverse, permuted, null);
        permuted.sortIndices(null);
        CholeskyUpLooking_DSCC chol = new CholeskyUpLooking_DSCC();
        if (!chol.decompose(permuted)) {
            throw new IllegalStateException("the baseline factorisation failed");
        }
        DMatrixSparseCSC g = chol.getL();
        double build = (System.nanoTime() - t0) / 1e9;
        SplittableRandom random = new SplittableRandom(1);
        double[][] b = new double[3][n];
        for (double[] column : b) {
            for (int i = 0; i < n; i++) {
                column[i] = random.nextGaussian();
            }
        }
        long t1 = System.nanoTime();
        for (double[] column : b) {
            TriangularSolver_DSCC.solveL(g, column);
            TriangularSolver_DSCC.solveTranL(g, column);
        }
        return new Timing(build, (System.nanoTime() - t1) / 1e9, g.nz_length);
    }
}
