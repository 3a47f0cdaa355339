package io.flowkit.core.sparse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * The dense kernel of the multifrontal {@link SparseCholesky}: the partial Cholesky factorisation
 * of a frontal matrix. The front is held by columns, {@code f[j][i]} = entry (i, j) for i ≥ j, every
 * column a separate array indexed by the row, so that the inner loops run over one index with no
 * offsets, which HotSpot's superword pass turns into SIMD code (different offsets into the same
 * array defeat it on Java 17).
 *
 * <p>Eliminating the first {@code nc} columns is a blocked left-looking column Cholesky: each panel
 * of {@link #PANEL} columns is first updated by all columns to its left, then factorised column by
 * column; the remaining columns then receive the Schur complement {@code F₂₂ − L₂₁ L₂₁ᵀ} (the update
 * matrix passed to the parent front). All three steps are one operation, {@link #update}, blocked by
 * rows and source columns for the caches and split by columns across a fork-join pool when large.
 * Every entry is updated by the same sequence of floating-point operations whatever the blocking or
 * the split, so the result does not depend on the number of threads.
 */
final class DenseFront {

    /** Result of {@link #factor}: every pivot was positive. */
    static final int OK = 0;
    /** Result of {@link #factor}: a pivot was zero or negative. */
    static final int NOT_POSITIVE = 1;
    /** Result of {@link #factor}: a pivot was infinite or NaN. */
    static final int NOT_FINITE = 2;

    /** Columns factorised together after one left-looking update; a multiple of 4. */
    static final int PANEL = 64;
    /** Rows per cache block of {@link #update}. */
    private static final int ROWS = 256;
    /** Source columns per cache block of {@link #update}; a multiple of 4 (so blocking leaves the sums alone). */
    private static final int DEPTH = 128;
    /** Updates with fewer multiply-adds run in one thread. */
    private static final double PARALLEL_WORK = 1 << 20;

    private DenseFront() {
    }

    /**
     * Eliminates the first {@code nc} columns of a symmetric front of order {@code nr}: on return
     * columns 0..nc−1 hold the factor columns (rows j..nr−1 of column j) and columns nc..nr−1 the
     * Schur complement (lower triangle).
     *
     * @param f the front by columns, each of length at least nr; only rows i ≥ j of column j are read or written
     * @param nr order of the front
     * @param nc columns to eliminate, at most nr
     * @param parallel whether large updates may be split across the current fork-join pool
     * @return {@link #OK}, {@link #NOT_POSITIVE} or {@link #NOT_FINITE} (the factorisation stops at that pivot)
     */
    static int factor(double[][] f, int nr, int nc, boolean parallel) {
        for (int k0 = 0; k0 < nc; k0 += PANEL) {
            int k1 = Math.min(nc, k0 + PANEL);
            update(f, nr, k0, k1, 0, k0, parallel);
            for (int k = k0; k < k1; k++) {
                update(f, nr, k, k + 1, k0, k, false);
                double[] col = f[k];
                double d = col[k];
                if (!(d > 0)) {
                    return Double.isNaN(d) ? NOT_FINITE : NOT_POSITIVE;
                }
                if (d == Double.POSITIVE_INFINITY) {
                    return NOT_FINITE;
                }
                d = Math.sqrt(d);
                col[k] = d;
                for (int i = k + 1; i < nr; i++) {
                    col[i] /= d;
                }
            }
        }
        update(f, nr, nc, nr, 0, nc, parallel);
        return OK;
    }

    /**
     * {@code f[j][i] −= Σ_{p0 ≤ p < p1} f[p][i] · f[p][j]} for {@code j0 ≤ j < j1} and {@code j ≤ i < nr};
     * requires {@code p1 ≤ j0}, so that sources and targets are distinct columns.
     */
    static void update(double[][] f, int nr, int j0, int j1, int p0, int p1, boolean parallel) {
        if (j0 >= j1 || p0 >= p1) {
            return;
        }
        if (parallel && ForkJoinTask.inForkJoinPool()) {
            double work = (double) (p1 - p0) * (j1 - j0) * (nr - 0.5 * (j0 + j1));
            int threads = ForkJoinTask.getPool().getParallelism();
            if (work > PARALLEL_WORK && threads > 1 && j1 - j0 > 1) {
                int pieces = (int) Math.min(Math.min(j1 - j0, 4L * threads), (long) (work / (PARALLEL_WORK / 4)));
                if (pieces > 1) {
                    splitUpdate(f, nr, j0, j1, p0, p1, pieces);
                    return;
                }
            }
        }
        serialUpdate(f, nr, j0, j1, p0, p1);
    }

    /** Splits the target columns into pieces of about equal work (column j costs nr − j) and runs them in parallel. */
    private static void splitUpdate(double[][] f, int nr, int j0, int j1, int p0, int p1, int pieces) {
        double total = 0;
        for (int j = j0; j < j1; j++) {
            total += nr - j;
        }
        List<RecursiveAction> tasks = new ArrayList<>(pieces);
        double share = total / pieces;
        double acc = 0;
        int from = j0;
        for (int j = j0; j < j1; j++) {
            acc += nr - j;
            if (acc >= share * (tasks.size() + 1) || j == j1 - 1) {
                int a = from;
                int b = j + 1;
                tasks.add(new RecursiveAction() {
                    @Override
                    protected void compute() {
                        serialUpdate(f, nr, a, b, p0, p1);
                    }
                });
                from = b;
            }
        }
        ForkJoinTask.invokeAll(tasks);
    }

    private static void serialUpdate(double[][] f, int nr, int j0, int j1, int p0, int p1) {
        for (int ic = j0; ic < nr; ic += ROWS) {
            int ie = Math.min(nr, ic + ROWS);
            int jEnd = Math.min(j1, ie);
            for (int pc = p0; pc < p1; pc += DEPTH) {
                int pe = Math.min(p1, pc + DEPTH);
                for (int j = j0; j < jEnd; j++) {
                    double[] c = f[j];
                    int lo = Math.max(ic, j);
                    int p = pc;
                    for (; p + 4 <= pe; p += 4) {
                        double[] a0 = f[p];
                        double[] a1 = f[p + 1];
                        double[] a2 = f[p + 2];
                        double[] a3 = f[p + 3];
                        axpy4(c, a0, a1, a2, a3, a0[j], a1[j], a2[j], a3[j], lo, ie);
                    }
                    switch (pe - p) {
                        case 3 -> axpy3(c, f[p], f[p + 1], f[p + 2], f[p][j], f[p + 1][j], f[p + 2][j], lo, ie);
                        case 2 -> axpy2(c, f[p], f[p + 1], f[p][j], f[p + 1][j], lo, ie);
                        case 1 -> axpy1(c, f[p], f[p][j], lo, ie);
                        default -> {
                        }
                    }
                }
            }
        }
    }

    // The kernels: one index, no offsets, separate arrays (see the class comment).

    private static void axpy4(double[] c, double[] a0, double[] a1, double[] a2, double[] a3,
            double b0, double b1, double b2, double b3, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            c[i] -= a0[i] * b0 + a1[i] * b1 + a2[i] * b2 + a3[i] * b3;
        }
    }

    private static void axpy3(double[] c, double[] a0, double[] a1, double[] a2, double b0, double b1, double b2, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            c[i] -= a0[i] * b0 + a1[i] * b1 + a2[i] * b2;
        }
    }

    private static void axpy2(double[] c, double[] a0, double[] a1, double b0, double b1, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            c[i] -= a0[i] * b0 + a1[i] * b1;
        }
    }

    private static void axpy1(double[] c, double[] a0, double b0, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            c[i] -= a0[i] * b0;
        }
    }
}
