package io.flowkit.validation.internal;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;

/**
 * The sparse Cholesky factorisation {@code P A Pᵀ = G Gᵀ} of a symmetric positive definite matrix,
 * with EJML's up-looking factorisation ({@link CholeskyUpLooking_DSCC}, a port of CSparse) after a
 * {@link NestedDissection} ordering; solves run as two sparse triangular sweeps and are safe to call
 * from several threads.
 */
public final class SparseCholesky {

    private final int n;
    private final int[] perm;
    private final int[] colStart;
    private final int[] rowIdx;
    private final double[] values;
    private final int[] diagonal;

    private SparseCholesky(int n, int[] perm, DMatrixSparseCSC g) {
        this.n = n;
        this.perm = perm;
        this.colStart = java.util.Arrays.copyOf(g.col_idx, n + 1);
        this.rowIdx = java.util.Arrays.copyOf(g.nz_rows, g.nz_length);
        this.values = java.util.Arrays.copyOf(g.nz_values, g.nz_length);
        this.diagonal = new int[n];
        for (int j = 0; j < n; j++) {
            int d = -1;
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                if (rowIdx[p] == j) {
                    d = p;
                } else if (rowIdx[p] < j) {
                    throw new IllegalStateException("Cholesky factor is not lower triangular at column " + j);
                }
            }
            if (d < 0 || !(values[d] > 0)) {
                throw new IllegalStateException("Cholesky factor has no positive diagonal at column " + j);
            }
            diagonal[j] = d;
        }
    }

    /**
     * Factorises {@code A = a·X + b·Y} for two symmetric sparse matrices of one size.
     *
     * @param a factor of x
     * @param x first matrix
     * @param b factor of y
     * @param y second matrix (may be null)
     * @return the factorisation
     * @throws IllegalArgumentException if the combination is not positive definite
     */
    public static SparseCholesky of(double a, DMatrixSparseCSC x, double b, DMatrixSparseCSC y) {
        int n = x.numCols;
        int[] perm = NestedDissection.order(n, x.col_idx, x.nz_rows);
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            inverse[perm[k]] = k;
        }
        SparseAssembly permuted = new SparseAssembly(n, n, x.nz_length + (y == null ? 0 : y.nz_length));
        addPermuted(permuted, a, x, inverse);
        if (y != null) {
            addPermuted(permuted, b, y, inverse);
        }
        CholeskyUpLooking_DSCC chol = new CholeskyUpLooking_DSCC();
        if (!chol.decompose(permuted.build())) {
            throw new IllegalArgumentException("matrix is not positive definite: the Cholesky factorisation failed");
        }
        return new SparseCholesky(n, perm, chol.getL());
    }

    private static void addPermuted(SparseAssembly out, double factor, DMatrixSparseCSC m, int[] inverse) {
        for (int j = 0; j < m.numCols; j++) {
            for (int p = m.col_idx[j]; p < m.col_idx[j + 1]; p++) {
                out.add(inverse[m.nz_rows[p]], inverse[j], factor * m.nz_values[p]);
            }
        }
    }

    /** @return the number of stored entries of the factor (a measure of fill) */
    public int factorEntries() {
        return values.length;
    }

    /**
     * Solves {@code A x = rhs}.
     *
     * @param rhs the right-hand side, length n (not modified)
     * @return the solution
     */
    public double[] solve(double[] rhs) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = rhs[perm[k]];
        }
        // G y = P rhs
        for (int j = 0; j < n; j++) {
            double yj = x[j] / values[diagonal[j]];
            x[j] = yj;
            if (yj != 0) {
                for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                    int i = rowIdx[p];
                    if (i != j) {
                        x[i] -= values[p] * yj;
                    }
                }
            }
        }
        // Gᵀ z = y
        for (int j = n - 1; j >= 0; j--) {
            double s = x[j];
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                int i = rowIdx[p];
                if (i != j) {
                    s -= values[p] * x[i];
                }
            }
            x[j] = s / values[diagonal[j]];
        }
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[perm[k]] = x[k];
        }
        return out;
    }
}
