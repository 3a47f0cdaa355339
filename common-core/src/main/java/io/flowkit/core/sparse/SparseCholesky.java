package io.flowkit.meshes.sparse;

import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.misc.ColumnCounts_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;

/**
 * The sparse Cholesky factorisation {@code P A Pᵀ = G Gᵀ} of a symmetric positive definite matrix
 * under a given fill-reducing ordering P (for example {@link CoordinateBisection}): the numeric
 * factorisation is EJML's up-looking Cholesky ({@link CholeskyUpLooking_DSCC}, a port of CSparse's
 * {@code cs_chol}; Davis 2006, "Direct Methods for Sparse Linear Systems"), which has no
 * fill-reducing ordering of its own. Factor once, then {@link #solve} as often as needed; solves
 * run as two sparse triangular sweeps over all right-hand sides at once, allocate their own work
 * space and are safe to call from several threads.
 */
public final class SparseCholesky {

    private final int n;
    private final int[] perm;
    private final int[] colStart;
    private final int[] rowIdx;
    private final double[] values;
    private final double[] diagonal;

    private SparseCholesky(int n, int[] perm, DMatrixSparseCSC g) {
        this.n = n;
        this.perm = perm;
        this.diagonal = new double[n];
        int offDiagonal = g.nz_length - n;
        this.colStart = new int[n + 1];
        this.rowIdx = new int[offDiagonal];
        this.values = new double[offDiagonal];
        int q = 0;
        for (int j = 0; j < n; j++) {
            colStart[j] = q;
            boolean found = false;
            for (int p = g.col_idx[j]; p < g.col_idx[j + 1]; p++) {
                int i = g.nz_rows[p];
                if (i == j) {
                    diagonal[j] = g.nz_values[p];
                    found = true;
                } else if (i < j) {
                    throw new IllegalStateException("Cholesky factor is not lower triangular at column " + j);
                } else {
                    rowIdx[q] = i;
                    values[q++] = g.nz_values[p];
                }
            }
            if (!found || !(diagonal[j] > 0)) {
                throw new IllegalStateException("Cholesky factor has no positive diagonal at column " + j);
            }
        }
        colStart[n] = q;
    }

    /**
     * Factorises a symmetric positive definite matrix under an ordering.
     *
     * @param a symmetric n × n matrix, both triangles stored (only the entries of one triangle
     *     after permutation are read)
     * @param perm {@code perm[k]} = the original row placed at position k; null for the natural order
     * @return the factorisation
     * @throws IllegalArgumentException if a is not square, perm is not a permutation of 0..n−1, or a
     *     is not (numerically) positive definite
     */
    public static SparseCholesky factor(DMatrixSparseCSC a, int[] perm) {
        int[] p = checkPermutation(a, perm);
        CholeskyUpLooking_DSCC chol = new CholeskyUpLooking_DSCC();
        if (!chol.decompose(permutedUpper(a, p))) {
            throw new IllegalArgumentException("matrix is not positive definite: the Cholesky factorisation failed");
        }
        DMatrixSparseCSC g = chol.getL();
        for (int k = 0; k < g.nz_length; k++) {
            if (!Double.isFinite(g.nz_values[k])) {
                throw new IllegalArgumentException("matrix is not positive definite: the Cholesky factor has a non-finite entry");
            }
        }
        return new SparseCholesky(a.numCols, p, g);
    }

    /**
     * The number of entries (diagonal included) that the Cholesky factor of a would have under an
     * ordering, found symbolically (elimination tree and column counts, without factorising).
     *
     * @param a symmetric n × n matrix, both triangles stored
     * @param perm the ordering; null for the natural order
     * @return the number of entries of the lower-triangular factor, a measure of fill
     * @throws IllegalArgumentException if a is not square or perm is not a permutation
     */
    public static long factorEntries(DMatrixSparseCSC a, int[] perm) {
        int[] p = checkPermutation(a, perm);
        DMatrixSparseCSC c = permutedUpper(a, p);
        int size = c.numCols;
        int[] parent = new int[size];
        int[] post = new int[size];
        int[] counts = new int[size];
        TriangularSolver_DSCC.eliminationTree(c, false, parent, null);
        TriangularSolver_DSCC.postorder(parent, size, post, null);
        new ColumnCounts_DSCC(false).process(c, parent, post, counts);
        long sum = 0;
        for (int k : counts) {
            sum += k;
        }
        return sum;
    }

    private static int[] checkPermutation(DMatrixSparseCSC a, int[] perm) {
        Objects.requireNonNull(a, "matrix");
        int n = a.numCols;
        if (a.numRows != n) {
            throw new IllegalArgumentException("matrix is not square: " + a.numRows + " x " + n);
        }
        if (perm == null) {
            int[] id = new int[n];
            for (int i = 0; i < n; i++) {
                id[i] = i;
            }
            return id;
        }
        if (perm.length != n) {
            throw new IllegalArgumentException("permutation has " + perm.length + " entries but the matrix has " + n + " rows");
        }
        boolean[] seen = new boolean[n];
        for (int k = 0; k < n; k++) {
            int v = perm[k];
            if (v < 0 || v >= n || seen[v]) {
                throw new IllegalArgumentException("not a permutation: entry " + k + " is " + v);
            }
            seen[v] = true;
        }
        return perm.clone();
    }

    /** The upper triangle of P A Pᵀ, rows sorted within each column. */
    static DMatrixSparseCSC permutedUpper(DMatrixSparseCSC a, int[] perm) {
        int n = a.numCols;
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            inverse[perm[k]] = k;
        }
        int[] count = new int[n + 1];
        for (int j = 0; j < n; j++) {
            int pj = inverse[j];
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int pi = inverse[a.nz_rows[p]];
                if (pi <= pj) {
                    count[pj + 1]++;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            count[j + 1] += count[j];
        }
        int nz = count[n];
        int[] rows = new int[nz];
        double[] vals = new double[nz];
        int[] next = Arrays.copyOf(count, n);
        for (int j = 0; j < n; j++) {
            int pj = inverse[j];
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int pi = inverse[a.nz_rows[p]];
                if (pi <= pj) {
                    rows[next[pj]] = pi;
                    vals[next[pj]++] = a.nz_values[p];
                }
            }
        }
        for (int j = 0; j < n; j++) {
            // Insertion sort of a short column.
            for (int p = count[j] + 1; p < count[j + 1]; p++) {
                int r = rows[p];
                double v = vals[p];
                int q = p - 1;
                while (q >= count[j] && rows[q] > r) {
                    rows[q + 1] = rows[q];
                    vals[q + 1] = vals[q];
                    q--;
                }
                rows[q + 1] = r;
                vals[q + 1] = v;
            }
        }
        DMatrixSparseCSC c = new DMatrixSparseCSC(n, n, 0);
        c.col_idx = count;
        c.nz_rows = rows;
        c.nz_values = vals;
        c.nz_length = nz;
        c.indicesSorted = true;
        return c;
    }

    /** @return the dimension n */
    public int size() {
        return n;
    }

    /** @return the number of entries of the factor G, diagonal included (a measure of fill) */
    public long factorEntries() {
        return (long) values.length + n;
    }

    /** @return a copy of the ordering: {@code perm[k]} = the original row placed at position k */
    public int[] permutation() {
        return perm.clone();
    }

    /**
     * Solves {@code A x = b} for one right-hand side.
     *
     * @param b length n (not modified)
     * @return x
     * @throws IllegalArgumentException if the length is not n
     */
    public double[] solve(double[] b) {
        double[] x = b.clone();
        solveInPlace(x, 1);
        return x;
    }

    /**
     * Solves {@code A X = B} for several right-hand sides stored interleaved, row-major: entry
     * {@code (i, c)} at {@code [i · channels + c]}, the layout of a mesh's xyz coordinates.
     *
     * @param x on entry B, on return X; length n · channels
     * @param channels the number of right-hand sides, at least 1
     * @throws IllegalArgumentException if the length is not n · channels
     */
    public void solveInPlace(double[] x, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels is below 1: " + channels);
        }
        if (x.length != (long) n * channels) {
            throw new IllegalArgumentException("right-hand side has " + x.length + " values, expected " + n + " x " + channels);
        }
        int c = channels;
        double[] y = new double[x.length];
        for (int k = 0; k < n; k++) {
            System.arraycopy(x, perm[k] * c, y, k * c, c);
        }
        if (c == 1) {
            sweep1(y);
        } else {
            sweep(y, c);
        }
        for (int k = 0; k < n; k++) {
            System.arraycopy(y, k * c, x, perm[k] * c, c);
        }
    }

    private void sweep1(double[] y) {
        for (int j = 0; j < n; j++) {
            double yj = y[j] / diagonal[j];
            y[j] = yj;
            if (yj != 0) {
                for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                    y[rowIdx[p]] -= values[p] * yj;
                }
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            double s = y[j];
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                s -= values[p] * y[rowIdx[p]];
            }
            y[j] = s / diagonal[j];
        }
    }

    private void sweep(double[] y, int c) {
        double[] s = new double[c];
        for (int j = 0; j < n; j++) {
            int bj = j * c;
            double d = diagonal[j];
            for (int h = 0; h < c; h++) {
                y[bj + h] /= d;
            }
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                int bi = rowIdx[p] * c;
                double v = values[p];
                for (int h = 0; h < c; h++) {
                    y[bi + h] -= v * y[bj + h];
                }
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            int bj = j * c;
            System.arraycopy(y, bj, s, 0, c);
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                int bi = rowIdx[p] * c;
                double v = values[p];
                for (int h = 0; h < c; h++) {
                    s[h] -= v * y[bi + h];
                }
            }
            double d = diagonal[j];
            for (int h = 0; h < c; h++) {
                y[bj + h] = s[h] / d;
            }
        }
    }
}
