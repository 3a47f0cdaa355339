package io.flowkit.core.sparse;

import java.util.Objects;
import org.ejml.data.DMatrixSparseCSC;

/**
 * A fill-reducing ordering for the sparse Cholesky factorisation of a symmetric matrix whose rows
 * are points in space, such as the Laplacian of a mesh: nested dissection (George 1973, "Nested
 * dissection of a regular finite element mesh") with separators found by coordinate bisection.
 *
 * <p>A set of vertices is cut at the median of its x, y or z coordinate, whichever axis gives the
 * smallest separator: the vertices of one side that have a neighbour on the other side (the side
 * with fewer such vertices). The separator is taken out; the two remaining parts are ordered recursively, and the separator
 * last, so that eliminating one part creates no fill in the other. Sets of at most
 * {@link #LEAF_SIZE} vertices are kept in their given order. On a surface mesh of n vertices the
 * separators have about √n vertices, and the factor about {@code n log n} entries instead of the
 * natural order's up to {@code n²}.
 */
public final class CoordinateBisection {

    /** Sets of at most this many vertices are not split further. */
    public static final int LEAF_SIZE = 48;

    /** Sets of at least this many vertices have their two parts ordered in parallel. */
    private static final int PARALLEL_SIZE = 20_000;

    private final double[] xyz;
    private final int[] adjStart;
    private final int[] adj;
    private final int[] mark;
    private final int[] perm;
    private final java.util.concurrent.atomic.AtomicInteger stamp = new java.util.concurrent.atomic.AtomicInteger();

    private CoordinateBisection(double[] xyz, int[] adjStart, int[] adj, int n) {
        this.xyz = xyz;
        this.adjStart = adjStart;
        this.adj = adj;
        this.mark = new int[n];
        this.perm = new int[n];
    }

    /**
     * The ordering of a symmetric matrix whose row i belongs to the point i.
     *
     * @param xyz interleaved coordinates of the n points, one per row
     * @param pattern symmetric n × n sparsity pattern (both triangles stored; values and diagonal ignored)
     * @return {@code perm[k]} = the original row placed at position k, a permutation of 0..n−1
     * @throws IllegalArgumentException if the sizes do not match or a coordinate is not finite
     */
    public static int[] order(double[] xyz, DMatrixSparseCSC pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return order(xyz, pattern.numCols, pattern.col_idx, pattern.nz_rows);
    }

    /**
     * The ordering of a symmetric pattern given in compressed-column form.
     *
     * @param xyz interleaved coordinates of the n points
     * @param n the dimension
     * @param colStart column starts, length n + 1
     * @param rowIdx row indices of the entries (diagonal entries ignored)
     * @return {@code perm[k]} = the original row placed at position k
     * @throws IllegalArgumentException if the sizes do not match or a coordinate is not finite
     */
    public static int[] order(double[] xyz, int n, int[] colStart, int[] rowIdx) {
        Objects.requireNonNull(xyz, "xyz");
        if (xyz.length != 3 * n) {
            throw new IllegalArgumentException("xyz holds " + xyz.length / 3.0 + " points but the matrix has " + n + " rows");
        }
        for (int i = 0; i < xyz.length; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw new IllegalArgumentException("coordinate " + i % 3 + " of point " + i / 3 + " is not finite: " + xyz[i]);
            }
        }
        int[] start = new int[n + 1];
        for (int j = 0; j < n; j++) {
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                if (rowIdx[p] != j) {
                    start[j + 1]++;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            start[j + 1] += start[j];
        }
        int[] adj = new int[start[n]];
        int[] next = java.util.Arrays.copyOf(start, n);
        for (int j = 0; j < n; j++) {
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                if (rowIdx[p] != j) {
                    adj[next[j]++] = rowIdx[p];
                }
            }
        }
        CoordinateBisection cb = new CoordinateBisection(xyz, start, adj, n);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        cb.dissect(all, 0, n, 0);
        return cb.perm;
    }

    /**
     * Orders set[from, to) into perm[out, out + to − from) (the range is reordered in place as
     * scratch). The two parts of a large set are ordered in parallel: they write disjoint ranges of
     * perm, mark disjoint vertices, and every task takes its own stamps, so the result does not depend
     * on the schedule.
     */
    private void dissect(int[] set, int from, int to, int out) {
        int size = to - from;
        if (size <= LEAF_SIZE) {
            System.arraycopy(set, from, perm, out, size);
            return;
        }
        int mid = from + size / 2;
        // Try the median cut along each axis and keep the one with the smallest separator.
        int bestAxis = -1;
        int bestSeparator = Integer.MAX_VALUE;
        for (int axis = 0; axis < 3; axis++) {
            select(set, from, to - 1, mid, axis);
            int separator = split(set, from, mid, to);
            if (separator < bestSeparator) {
                bestSeparator = separator;
                bestAxis = axis;
            }
        }
        if (bestAxis != 2) {
            select(set, from, to - 1, mid, bestAxis);
        }
        // Left = set[from, mid), right = set[mid, to).
        int left = markHalves(set, from, mid, to);
        int right = left + 1;
        int leftBoundary = countBoundary(set, from, mid, right);
        int rightBoundary = countBoundary(set, mid, to, left);
        // Move the separator (boundary of the smaller side) to the end of its range.
        int aFrom;
        int aTo;
        int bFrom;
        int bTo;
        int sepFrom;
        int sepTo;
        if (leftBoundary <= rightBoundary) {
            int cut = partitionBoundary(set, from, mid, right);
            aFrom = from;
            aTo = cut;
            bFrom = mid;
            bTo = to;
            sepFrom = cut;
            sepTo = mid;
        } else {
            int cut = partitionBoundary(set, mid, to, left);
            aFrom = from;
            aTo = mid;
            bFrom = mid;
            bTo = cut;
            sepFrom = cut;
            sepTo = to;
        }
        int bOut = out + (aTo - aFrom);
        int sepOut = bOut + (bTo - bFrom);
        System.arraycopy(set, sepFrom, perm, sepOut, sepTo - sepFrom);
        if (size >= PARALLEL_SIZE) {
            java.util.concurrent.ForkJoinTask<?> a = java.util.concurrent.ForkJoinTask.adapt(
                    () -> dissect(set, aFrom, aTo, out)).fork();
            dissect(set, bFrom, bTo, bOut);
            a.join();
        } else {
            dissect(set, aFrom, aTo, out);
            dissect(set, bFrom, bTo, bOut);
        }
    }

    /** The separator size of the cut set[from, mid) | set[mid, to): the smaller of the two boundaries. */
    private int split(int[] set, int from, int mid, int to) {
        int left = markHalves(set, from, mid, to);
        return Math.min(countBoundary(set, from, mid, left + 1), countBoundary(set, mid, to, left));
    }

    /** Marks set[from, mid) with a new stamp s and set[mid, to) with s + 1; returns s. */
    private int markHalves(int[] set, int from, int mid, int to) {
        int left = stamp.addAndGet(2) - 1;
        int right = left + 1;
        for (int q = from; q < to; q++) {
            mark[set[q]] = q < mid ? left : right;
        }
        return left;
    }

    private boolean touches(int v, int other) {
        for (int p = adjStart[v]; p < adjStart[v + 1]; p++) {
            if (mark[adj[p]] == other) {
                return true;
            }
        }
        return false;
    }

    private int countBoundary(int[] set, int from, int to, int other) {
        int c = 0;
        for (int q = from; q < to; q++) {
            if (touches(set[q], other)) {
                c++;
            }
        }
        return c;
    }

    /** Reorders set[from, to) so that vertices touching {@code other} come last; returns where they start. */
    private int partitionBoundary(int[] set, int from, int to, int other) {
        int[] tmp = new int[to - from];
        int a = 0;
        int b = tmp.length;
        for (int q = from; q < to; q++) {
            int v = set[q];
            if (touches(v, other)) {
                tmp[--b] = v;
            } else {
                tmp[a++] = v;
            }
        }
        System.arraycopy(tmp, 0, set, from, tmp.length);
        return from + a;
    }

    /** Quickselect: places the k-th smallest (by coordinate, ties by index) at k, smaller before, larger after. */
    private void select(int[] set, int lo, int hi, int k, int axis) {
        while (hi > lo) {
            int pivot = set[lo + (hi - lo) / 2];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (less(set[i], pivot, axis)) {
                    i++;
                }
                while (less(pivot, set[j], axis)) {
                    j--;
                }
                if (i <= j) {
                    int t = set[i];
                    set[i] = set[j];
                    set[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private boolean less(int u, int v, int axis) {
        double a = xyz[3 * u + axis];
        double b = xyz[3 * v + axis];
        return a < b || (a == b && u < v);
    }
}
