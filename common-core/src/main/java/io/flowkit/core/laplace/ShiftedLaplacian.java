package io.flowkit.core.laplace;

import io.flowkit.core.sparse.CoordinateBisection;
import io.flowkit.core.sparse.SparseCholesky;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The Cholesky factor of the shifted operator {@code L + sM} of a mesh ({@link
 * LaplaceBeltrami#shifted}), positive definite for {@code s > 0}, under a {@link CoordinateBisection}
 * nested-dissection ordering. With {@code s = τ} it is the Matérn operator; with a small {@code s} a
 * regularised Poisson operator.
 */
public final class ShiftedLaplacian {

    private ShiftedLaplacian() {}

    /**
     * Factors {@code L + sM}.
     *
     * @param operator the mesh's Laplace–Beltrami matrices
     * @param vertices the mesh's interleaved coordinates, for the ordering
     * @param shift s, positive and finite
     * @return the factor
     * @throws IllegalArgumentException if the shift is not positive or the coordinates do not match
     */
    public static SparseCholesky factor(LaplaceBeltrami operator, double[] vertices, double shift) {
        DMatrixSparseCSC a = operator.shifted(shift);
        return SparseCholesky.factor(a, CoordinateBisection.order(vertices, a));
    }
}
