package io.flowkit.core.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.ops.DConvertMatrixStruct;
import org.junit.jupiter.api.Test;

class SparseCholeskyTest {

    /** A random sparse symmetric positive definite matrix: B Bᵀ + I for a sparse random B. */
    static DMatrixSparseCSC randomSpd(int n, int perRow, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        // Entry (i, k) of B, grouped by the column k: (B Bᵀ)_{ij} = Σ_k B_ik B_jk.
        SparseAssembly b = new SparseAssembly(n, n, n * (perRow + 1));
        for (int i = 0; i < n; i++) {
            b.add(i, i, 1 + r.nextDouble());
            for (int k = 0; k < perRow; k++) {
                b.add(i, r.nextInt(n), r.nextDouble() - 0.5);
            }
        }
        DMatrixSparseCSC byColumn = b.build();
        SparseAssembly out = new SparseAssembly(n, n, 16 * n);
        for (int k = 0; k < n; k++) {
            for (int p = byColumn.col_idx[k]; p < byColumn.col_idx[k + 1]; p++) {
                for (int q = byColumn.col_idx[k]; q < byColumn.col_idx[k + 1]; q++) {
                    out.add(byColumn.nz_rows[p], byColumn.nz_rows[q], byColumn.nz_values[p] * byColumn.nz_values[q]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            out.add(i, i, 1.0);
        }
        return out.build();
    }

    /** The Laplacian of a w × h triangulated grid (each square cut along a diagonal, 7-point stencil) plus shift · I. */
    static DMatrixSparseCSC gridLaplacian(int w, int h, double shift) {
        int n = w * h;
        SparseAssembly s = new SparseAssembly(n, n, 7 * n);
        int[][] steps = {{1, 0}, {0, 1}, {1, 1}};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                s.add(i, i, shift);
                for (int[] d : steps) {
                    int x2 = x + d[0];
                    int y2 = y + d[1];
                    if (x2 < w && y2 < h) {
                        int j = y2 * w + x2;
                        s.add(i, j, -1);
                        s.add(j, i, -1);
                        s.add(i, i, 1);
                        s.add(j, j, 1);
                    }
                }
            }
        }
        return s.build();
    }

    static double[] gridPoints(int w, int h) {
        double[] xyz = new double[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                xyz[3 * i] = x;
                xyz[3 * i + 1] = y;
            }
        }
        return xyz;
    }

    static int[] randomPermutation(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static double[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() * 2 - 1;
        }
        return x;
    }

    /** Solves A X = B densely (EJML's LU) for interleaved right-hand sides. */
    static double[] denseSolve(DMatrixSparseCSC a, double[] rhs, int channels) {
        int n = a.numCols;
        DMatrixRMaj d = DConvertMatrixStruct.convert(a, (DMatrixRMaj) null);
        DMatrixRMaj b = new DMatrixRMaj(n, channels, true, rhs);
        DMatrixRMaj x = new DMatrixRMaj(n, channels);
        assertTrue(CommonOps_DDRM.solve(d, b, x));
        return x.data;
    }

    /** ‖A X − B‖ / ‖B‖ (Frobenius) for interleaved right-hand sides. */
    static double residual(DMatrixSparseCSC a, double[] x, double[] b, int channels) {
        double[] r = b.clone();
        for (int j = 0; j < a.numCols; j++) {
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int i = a.nz_rows[p];
                for (int c = 0; c < channels; c++) {
                    r[i * channels + c] -= a.nz_values[p] * x[j * channels + c];
                }
            }
        }
        return norm(r) / norm(b);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
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

    /** The entries of the Cholesky factor of P A Pᵀ found by symbolic elimination on a dense boolean matrix. */
    static long naiveFactorEntries(DMatrixSparseCSC a, int[] perm) {
        int n = a.numCols;
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            inverse[perm == null ? k : perm[k]] = k;
        }
        boolean[][] nz = new boolean[n][n];
        for (int j = 0; j < n; j++) {
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int i = a.nz_rows[p];
                nz[inverse[i]][inverse[j]] = true;
                nz[inverse[j]][inverse[i]] = true;
            }
        }
        long count = 0;
        for (int k = 0; k < n; k++) {
            nz[k][k] = true;
            for (int i = k; i < n; i++) {
                if (nz[i][k]) {
                    count++;
                    for (int j = k + 1; j <= i; j++) {
                        if (nz[j][k]) {
                            nz[i][j] = true;
                            nz[j][i] = true;
                        }
                    }
                }
            }
        }
        return count;
    }

    private static void checkAgainstDense(DMatrixSparseCSC a, int[] perm, long seed) {
        int n = a.numCols;
        SparseCholesky chol = SparseCholesky.factor(a, perm);
        assertEquals(n, chol.size());
        assertEquals(SparseCholesky.factorEntries(a, perm), chol.factorEntries());
        assertEquals(naiveFactorEntries(a, perm), chol.factorEntries());
        assertTrue(chol.storedEntries() >= chol.factorEntries());
        int[] p = chol.permutation();
        assertEquals(chol.factorEntries(), SparseCholesky.factorEntries(a, p), "the postorder changes the fill");
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            assertEquals(i, sorted[i]);
        }
        for (int channels : new int[] {1, 3}) {
            double[] b = gaussian(n * channels, seed + channels);
            double[] x = b.clone();
            if (channels == 1) {
                x = chol.solve(b);
            } else {
                chol.solveInPlace(x, channels);
            }
            assertTrue(residual(a, x, b, channels) < 1e-10, "residual " + residual(a, x, b, channels));
            assertTrue(maxRelativeError(x, denseSolve(a, b, channels)) < 1e-9);
        }
    }

    @Test
    void randomMatricesMatchDenseSolve() {
        int[] sizes = {1, 2, 7, 40, 150, 400};
        for (int n : sizes) {
            DMatrixSparseCSC a = randomSpd(n, 2, n);
            checkAgainstDense(a, null, n);
            checkAgainstDense(a, randomPermutation(n, 17 + n), n + 1);
        }
    }

    @Test
    void gridLaplacianUnderThreeOrderings() {
        int w = 23;
        int h = 19;
        DMatrixSparseCSC a = gridLaplacian(w, h, 0.01);
        int n = w * h;
        checkAgainstDense(a, CoordinateBisection.order(gridPoints(w, h), a), 1);
        checkAgainstDense(a, null, 2);
        checkAgainstDense(a, randomPermutation(n, 5), 3);
    }

    @Test
    void largerGridHasSmallResidualAndIsDeterministic() {
        int w = 160;
        int h = 150;
        DMatrixSparseCSC a = gridLaplacian(w, h, 0.01);
        int n = w * h;
        int[] perm = CoordinateBisection.order(gridPoints(w, h), a);
        double[] b = gaussian(3 * n, 9);
        double[] reference = null;
        for (int threads : new int[] {1, 2, 3, 8, 2}) {
            SparseCholesky chol = SparseCholesky.factor(a, perm, threads);
            assertEquals(SparseCholesky.factorEntries(a, perm), chol.factorEntries());
            double[] x = b.clone();
            chol.solveInPlace(x, 3);
            assertTrue(residual(a, x, b, 3) < 1e-10, "residual " + residual(a, x, b, 3));
            if (reference == null) {
                reference = x;
            } else {
                assertArrayEquals(reference, x, "result depends on the number of threads: " + threads);
            }
        }
        SparseCholesky again = SparseCholesky.factor(a, perm);
        double[] x = b.clone();
        again.solveInPlace(x, 3);
        assertArrayEquals(reference, x);
        // One channel at a time gives the same as three together, up to rounding.
        double[] b0 = new double[n];
        for (int i = 0; i < n; i++) {
            b0[i] = b[3 * i + 1];
        }
        double[] x0 = again.solve(b0);
        for (int i = 0; i < n; i++) {
            assertEquals(x[3 * i + 1], x0[i], 1e-12 * (1 + Math.abs(x0[i])));
        }
    }

    @Test
    void arrowMatrixWithADenseRow() {
        // A tridiagonal matrix plus one vertex coupled to all others: a column of n entries.
        int n = 120;
        SparseAssembly s = new SparseAssembly(n, n, 6 * n);
        int hub = 37;
        for (int i = 0; i < n; i++) {
            s.add(i, i, i == hub ? 2.0 * n : 4);
            if (i + 1 < n && i != hub && i + 1 != hub) {
                s.add(i, i + 1, -1);
                s.add(i + 1, i, -1);
            }
            if (i != hub) {
                s.add(i, hub, 0.5);
                s.add(hub, i, 0.5);
            }
        }
        DMatrixSparseCSC a = s.build();
        int[] hubLast = new int[n];
        int[] hubFirst = new int[n];
        for (int k = 0, q = 0; k < n; k++) {
            if (k != hub) {
                hubLast[q] = k;
                hubFirst[q + 1] = k;
                q++;
            }
        }
        hubLast[n - 1] = hub;
        hubFirst[0] = hub;
        checkAgainstDense(a, hubLast, 31);
        checkAgainstDense(a, hubFirst, 32); // the hub first fills the whole factor: one dense supernode
        assertEquals((long) n * (n + 1) / 2, SparseCholesky.factorEntries(a, hubFirst));
        checkAgainstDense(a, null, 33);
    }

    /** The block-diagonal matrix of the blocks, rows and columns shuffled by a random permutation (none if seed < 0). */
    static DMatrixSparseCSC blockDiagonal(long seed, DMatrixSparseCSC... blocks) {
        int n = 0;
        int nz = 0;
        for (DMatrixSparseCSC blk : blocks) {
            n += blk.numCols;
            nz += blk.nz_length;
        }
        int[] shuffle = seed < 0 ? randomPermutation(n, 0) : randomPermutation(n, seed);
        if (seed < 0) {
            for (int i = 0; i < n; i++) {
                shuffle[i] = i;
            }
        }
        SparseAssembly s = new SparseAssembly(n, n, nz);
        int offset = 0;
        for (DMatrixSparseCSC blk : blocks) {
            for (int j = 0; j < blk.numCols; j++) {
                for (int p = blk.col_idx[j]; p < blk.col_idx[j + 1]; p++) {
                    s.add(shuffle[offset + blk.nz_rows[p]], shuffle[offset + j], blk.nz_values[p]);
                }
            }
            offset += blk.numCols;
        }
        return s.build();
    }

    @Test
    void disconnectedMatrixIsAForest() {
        // Random SPD matrices, a grid and isolated diagonal entries.
        DMatrixSparseCSC a = blockDiagonal(11, randomSpd(30, 2, 1), gridLaplacian(12, 9, 0.5), randomSpd(1, 1, 2), randomSpd(57, 3, 3),
                randomSpd(1, 1, 4));
        int n = a.numCols;
        checkAgainstDense(a, null, 21);
        checkAgainstDense(a, randomPermutation(n, 12), 22);
        // Large enough for the parallel path (banded grids in their natural order): every tree of the forest is a task.
        DMatrixSparseCSC big = blockDiagonal(-1, gridLaplacian(70, 60, 0.1), randomSpd(1, 1, 5), gridLaplacian(50, 80, 0.2),
                gridLaplacian(90, 40, 0.3));
        int m = big.numCols;
        double[] b = gaussian(3 * m, 23);
        double[] reference = null;
        for (int threads : new int[] {1, 2, 4}) {
            double[] x = b.clone();
            SparseCholesky.factor(big, null, threads).solveInPlace(x, 3);
            assertTrue(residual(big, x, b, 3) < 1e-10, "residual " + residual(big, x, b, 3));
            if (reference == null) {
                reference = x;
            } else {
                assertArrayEquals(reference, x, "result depends on the number of threads: " + threads);
            }
        }
    }

    @Test
    void oneByOne() {
        DMatrixSparseCSC a = new DMatrixSparseCSC(1, 1, 1);
        a.set(0, 0, 4);
        SparseCholesky chol = SparseCholesky.factor(a, new int[] {0});
        assertEquals(1, chol.size());
        assertEquals(1, chol.factorEntries());
        assertArrayEquals(new double[] {0.5}, chol.solve(new double[] {2}));
        double[] x = {2, -4, 8};
        chol.solveInPlace(x, 3);
        assertArrayEquals(new double[] {0.5, -1, 2}, x);
        assertArrayEquals(new int[] {0}, chol.permutation());
    }

    @Test
    void notPositiveDefiniteIsRejected() {
        DMatrixSparseCSC indefinite = gridLaplacian(10, 10, -0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(indefinite, null));
        assertTrue(e.getMessage().startsWith("matrix is not positive definite"), e.getMessage());
        int[] perm = CoordinateBisection.order(gridPoints(10, 10), indefinite);
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(indefinite, perm, 2));
        DMatrixSparseCSC singular = gridLaplacian(6, 5, 0); // the constant vector is in the kernel
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(singular, null));
        DMatrixSparseCSC nan = gridLaplacian(6, 5, 1);
        nan.set(3, 4, Double.NaN);
        nan.set(4, 3, Double.NaN);
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(nan, null));
        assertTrue(n.getMessage().startsWith("matrix is not positive definite"), n.getMessage());
        DMatrixSparseCSC negative = new DMatrixSparseCSC(1, 1, 1);
        negative.set(0, 0, -1);
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(negative, null));
    }

    @Test
    void badArgumentsAreRejected() {
        DMatrixSparseCSC a = randomSpd(5, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(a, new int[] {0, 1, 1, 3, 4}));
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(a, new int[] {0, 1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(a, new int[] {0, 1, 2, 3, 5}));
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factorEntries(a, new int[] {0, 0, 2, 3, 4}));
        DMatrixSparseCSC rect = new DMatrixSparseCSC(4, 5, 4);
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factor(rect, null));
        assertThrows(IllegalArgumentException.class, () -> SparseCholesky.factorEntries(rect, null));
        SparseCholesky chol = SparseCholesky.factor(a, null);
        assertThrows(IllegalArgumentException.class, () -> chol.solve(new double[4]));
        assertThrows(IllegalArgumentException.class, () -> chol.solveInPlace(new double[10], 3));
        assertThrows(IllegalArgumentException.class, () -> chol.solveInPlace(new double[5], 0));
    }
}
