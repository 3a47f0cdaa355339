package io.flowkit.meshes.sparse;

import io.flowkit.validation.mesh.LaplaceBeltrami;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The shifted operator {@code L + sM} of a mesh (cotangent stiffness L, lumped mass M, shift
 * {@code s > 0}), positive definite, and its sparse Cholesky factor after a
 * {@link CoordinateBisection} nested-dissection ordering. With {@code s = τ} it is the Matérn
 * operator; with a small {@code s} it is a regularised Poisson operator.
 */
public final class ShiftedLaplacian {

    private ShiftedLaplacian() {}

    /**
     * Assembles {@code L + sM}.
     *
     * @param operator the mesh's Laplace–Beltrami matrices
     * @param shift s, positive and finite
     * @return a new sparse matrix
     * @throws IllegalArgumentException if the shift is not positive
     */
    public static DMatrixSparseCSC matrix(LaplaceBeltrami operator, double shift) {
        if (!(shift > 0) || !Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift is not positive: " + shift);
        }
        DMatrixSparseCSC l = operator.stiffness();
        double[] mass = operator.massDiagonal();
        for (int j = 0; j < l.numCols; j++) {
            boolean found = false;
            for (int p = l.col_idx[j]; p < l.col_idx[j + 1]; p++) {
                if (l.nz_rows[p] == j) {
                    l.nz_values[p] += shift * mass[j];
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw new IllegalStateException("Laplacian has no diagonal entry in column " + j);
            }
        }
        return l;
    }

    /**
     * Factors {@code L + sM}.
     *
     * @param operator the mesh's Laplace–Beltrami matrices
     * @param vertices the mesh's interleaved coordinates, for the ordering
     * @param shift s, positive and finite
     * @return the factor
     * @throws IllegalArgumentException if the shift is not positive
     */
    public static SparseCholesky factor(LaplaceBeltrami operator, double[] vertices, double shift) {
        DMatrixSparseCSC a = matrix(operator, shift);
        return SparseCholesky.factor(a, CoordinateBisection.order(vertices, a));
    }
}
