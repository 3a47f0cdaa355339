package io.flowkit.core.sparse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.misc.ColumnCounts_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;

/**
 * The sparse Cholesky factorisation {@code P A Pᵀ = G Gᵀ} of a symmetric positive definite matrix
 * under a given fill-reducing ordering P (for example {@link CoordinateBisection}), by the
 * supernodal multifrontal method (Duff and Reid 1983; Liu 1992, "The multifrontal method for sparse
 * matrix solution"; Ng and Peyton 1993, "Block sparse Cholesky algorithms on advanced uniprocessor
 * computers"; Davis 2006, "Direct Methods for Sparse Linear Systems").
 *
 * <p>The symbolic analysis ({@link SupernodalStructure}) groups the columns of G into supernodes,
 * ranges of columns sharing one row structure, after renumbering them by a postorder of the
 * elimination tree ({@link #permutation()} reports the composed ordering). Each supernode is then
 * eliminated from a dense frontal matrix, assembled from the entries of A in its columns and the
 * update matrices of its children, by {@link DenseFront}; the front's columns become columns of G
 * and its Schur complement the update matrix passed to the parent. Independent subtrees run in
 * parallel on a fork-join pool and large fronts split their dense updates across it; every entry is
 * computed by the same operations in the same order whatever the number of threads, so the factor
 * is identical bit for bit. Factor once, then {@link #solve} as often as needed; solves run two
 * sweeps over the supernodes for all right-hand sides at once, allocate their own work space and
 * are safe to call from several threads.
 *
 * <p>Memory: G is kept as the lower trapezoids of the supernodes' dense blocks, in a few large
 * arrays: its entries plus the explicit zeros of relaxed supernodes (about 15% more on a mesh
 * Laplacian under nested dissection). While factorising, each thread also holds the fronts under
 * way, reused through a pool; the largest front of order r takes about 8 r² bytes.
 */
public final class SparseCholesky {

    private static final String NOT_POSITIVE = "matrix is not positive definite: the Cholesky factorisation failed";
    private static final String NOT_FINITE = "matrix is not positive definite: the Cholesky factor has a non-finite entry";

    /** Values per storage block (at most): the factor is kept in a few large arrays, not one per column. */
    private static final int BLOCK_VALUES = 1 << 27;

    private final int n;
    private final int[] perm;
    private final long factorEntries;
    private final int[] first;
    private final int[] rowStart;
    private final int[] rows;
    /**
     * The factor, supernode by supernode: supernode s occupies {@code blocks[blockOf[s]]} from
     * {@code offset[s]}, its columns one after another, column j holding its rows from the diagonal
     * down (the lower trapezoid of the supernode's dense block, by columns).
     */
    private final double[][] blocks;
    private final int[] blockOf;
    private final int[] offset;
    private final int maxRows;

    private SparseCholesky(SupernodalStructure st, Storage storage) {
        this.n = st.n;
        this.perm = st.perm;
        this.factorEntries = st.factorEntries;
        this.first = st.first;
        this.rowStart = st.rowStart;
        this.rows = st.rows;
        this.blocks = storage.blocks;
        this.blockOf = storage.blockOf;
        this.offset = storage.offset;
        int most = 0;
        for (int s = 0; s < st.supernodes; s++) {
            most = Math.max(most, st.rowCount(s));
        }
        this.maxRows = most;
    }

    /**
     * Factorises a symmetric positive definite matrix under an ordering, on as many threads as
     * there are processors.
     *
     * @param a symmetric n × n matrix, both triangles stored (only the entries of one triangle
     *     after permutation are read)
     * @param perm {@code perm[k]} = the original row placed at position k; null for the natural order
     * @return the factorisation
     * @throws IllegalArgumentException if a is not square, perm is not a permutation of 0..n−1, or a
     *     is not (numerically) positive definite
     */
    public static SparseCholesky factor(DMatrixSparseCSC a, int[] perm) {
        return factor(a, perm, Runtime.getRuntime().availableProcessors());
    }

    /** {@link #factor(DMatrixSparseCSC, int[])} on at most {@code threads} threads (1: the calling thread only). */
    static SparseCholesky factor(DMatrixSparseCSC a, int[] perm, int threads) {
        int[] p = checkPermutation(a, perm);
        SupernodalStructure st = SupernodalStructure.analyse(a, p);
        Storage storage = new Storage(st);
        new Multifrontal(st, storage).run(threads);
        return new SparseCholesky(st, storage);
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
        return permuted(a, perm, false);
    }

    /** The transpose of {@link #permutedUpper}: the same entries of A, as the lower triangle of P A Pᵀ, rows sorted. */
    static DMatrixSparseCSC permutedLower(DMatrixSparseCSC a, int[] perm) {
        return permuted(a, perm, true);
    }

    /**
     * The entries a(r, c) with {@code inverse[r] ≤ inverse[c]}, placed at (inverse[r], inverse[c]),
     * or transposed; rows sorted within each column.
     */
    private static DMatrixSparseCSC permuted(DMatrixSparseCSC a, int[] perm, boolean transpose) {
        int n = a.numCols;
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            inverse[perm[k]] = k;
        }
        int[] start = new int[n + 1];
        for (int j = 0; j < n; j++) {
            int pj = inverse[j];
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int pi = inverse[a.nz_rows[p]];
                if (pi <= pj) {
                    start[(transpose ? pi : pj) + 1]++;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            start[j + 1] += start[j];
        }
        int nz = start[n];
        int[] rowsOut = new int[nz];
        double[] vals = new double[nz];
        int[] next = Arrays.copyOf(start, n);
        for (int j = 0; j < n; j++) {
            int pj = inverse[j];
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                int pi = inverse[a.nz_rows[p]];
                if (pi <= pj) {
                    int q = next[transpose ? pi : pj]++;
                    rowsOut[q] = transpose ? pj : pi;
                    vals[q] = a.nz_values[p];
                }
            }
        }
        for (int j = 0; j < n; j++) {
            sortColumn(rowsOut, vals, start[j], start[j + 1]);
        }
        DMatrixSparseCSC c = new DMatrixSparseCSC(n, n, 0);
        c.col_idx = start;
        c.nz_rows = rowsOut;
        c.nz_values = vals;
        c.nz_length = nz;
        c.indicesSorted = true;
        return c;
    }

    /** Sorts the entries from..to−1 by row: insertion sort for a short column, else through sorted keys. */
    private static void sortColumn(int[] rows, double[] vals, int from, int to) {
        if (to - from <= 32) {
            for (int p = from + 1; p < to; p++) {
                int r = rows[p];
                double v = vals[p];
                int q = p - 1;
                while (q >= from && rows[q] > r) {
                    rows[q + 1] = rows[q];
                    vals[q + 1] = vals[q];
                    q--;
                }
                rows[q + 1] = r;
                vals[q + 1] = v;
            }
            return;
        }
        long[] keys = new long[to - from];
        for (int p = from; p < to; p++) {
            keys[p - from] = ((long) rows[p] << 32) | (p - from);
        }
        Arrays.sort(keys);
        double[] copy = Arrays.copyOfRange(vals, from, to);
        for (int k = 0; k < keys.length; k++) {
            rows[from + k] = (int) (keys[k] >>> 32);
            vals[from + k] = copy[(int) keys[k]];
        }
    }

    /** Where each supernode's values go: consecutive supernodes share a block of at most {@link #BLOCK_VALUES} values. */
    private static final class Storage {
        final double[][] blocks;
        final int[] blockOf;
        final int[] offset;

        Storage(SupernodalStructure st) {
            int ns = st.supernodes;
            blockOf = new int[ns];
            offset = new int[ns];
            List<Long> sizes = new ArrayList<>();
            long fill = 0;
            for (int s = 0; s < ns; s++) {
                long size = trapezoid(st.columns(s), st.rowCount(s));
                if (size > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("the Cholesky factor is too large: a supernode of " + size + " values");
                }
                if (fill > 0 && fill + size > BLOCK_VALUES) {
                    sizes.add(fill);
                    fill = 0;
                }
                blockOf[s] = sizes.size();
                offset[s] = (int) fill;
                fill += size;
            }
            sizes.add(fill);
            blocks = new double[sizes.size()][];
            for (int b = 0; b < blocks.length; b++) {
                blocks[b] = new double[(int) (long) sizes.get(b)];
            }
        }
    }

    /** Values in the lower trapezoid of a block with c columns and r ≥ c rows. */
    private static long trapezoid(long c, long r) {
        return c * r - c * (c - 1) / 2;
    }

    /** The numeric factorisation: supernodes eliminated children first, independent subtrees in parallel. */
    private static final class Multifrontal {

        /** Factorisations with less work (multiply-adds) run in the calling thread. */
        private static final double SEQUENTIAL_WORK = 4e6;

        private final SupernodalStructure st;
        private final Storage storage;
        /** The front of each supernode, kept from its elimination until its parent assembles it. */
        private final double[][][] fronts;
        private final AtomicReference<String> failure = new AtomicReference<>();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        /** The work space of the calling thread, when it factorises alone; pool threads carry their own. */
        private Workspace callerWorkspace;
        private AtomicIntegerArray pending;
        private CountDownLatch done;

        Multifrontal(SupernodalStructure st, Storage storage) {
            this.st = st;
            this.storage = storage;
            this.fronts = new double[st.supernodes][][];
        }

        void run(int threads) {
            int ns = st.supernodes;
            double[] work = subtreeWork();
            double total = 0;
            for (int s = 0; s < ns; s++) {
                if (st.parent[s] < 0) {
                    total += work[s];
                }
            }
            if (threads <= 1 || total < SEQUENTIAL_WORK) {
                callerWorkspace = new Workspace(st.n);
                for (int s = 0; s < ns && failure.get() == null; s++) {
                    node(s);
                }
                callerWorkspace = null;
            } else {
                runParallel(threads, work, total);
            }
            if (error.get() != null) {
                Throwable t = error.get();
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw new IllegalStateException(t);
            }
            if (failure.get() != null) {
                throw new IllegalArgumentException(failure.get());
            }
        }

        /** Estimated multiply-adds of each subtree: Σ_k (nr − k)² over the nc columns of a supernode, plus its assembly. */
        private double[] subtreeWork() {
            int ns = st.supernodes;
            double[] work = new double[ns];
            for (int s = 0; s < ns; s++) {
                double nc = st.columns(s);
                double nr = st.rowCount(s);
                work[s] += nr * nr * nc - nr * nc * nc + nc * nc * nc / 3.0 + nr * nr;
                if (st.parent[s] >= 0) {
                    work[st.parent[s]] += work[s];
                }
            }
            return work;
        }

        /**
         * Subtrees with at most 1/(8 · threads) of the work run as one sequential task; the
         * supernodes above them each become a task once all their children are done.
         */
        private void runParallel(int threads, double[] work, double total) {
            int ns = st.supernodes;
            double threshold = total / (8.0 * threads);
            pending = new AtomicIntegerArray(ns);
            List<Task> initial = new ArrayList<>();
            int roots = 0;
            for (int s = 0; s < ns; s++) {
                int p = st.parent[s];
                if (p < 0) {
                    roots++;
                }
                if (work[s] > threshold) {
                    int children = st.childStart[s + 1] - st.childStart[s];
                    pending.set(s, children);
                    if (children == 0) {
                        initial.add(new Task(s, s));
                    }
                } else if (p < 0 || work[p] > threshold) {
                    initial.add(new Task(st.firstDescendant[s], s));
                }
            }
            done = new CountDownLatch(roots);
            ForkJoinPool pool = new ForkJoinPool(threads, Worker::new, null, false);
            try {
                for (Task t : initial) {
                    pool.execute(t);
                }
                boolean interrupted = false;
                while (true) {
                    try {
                        done.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                pool.shutdown();
            }
        }

        /** Eliminates supernodes from..to in order, then releases the parent of {@code to}. */
        private final class Task extends RecursiveAction {
            private final int from;
            private final int to;

            Task(int from, int to) {
                this.from = from;
                this.to = to;
            }

            @Override
            protected void compute() {
                try {
                    for (int s = from; s <= to && failure.get() == null && error.get() == null; s++) {
                        node(s);
                    }
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                }
                int p = st.parent[to];
                if (p < 0) {
                    done.countDown();
                } else if (pending.decrementAndGet(p) == 0) {
                    new Task(p, p).fork();
                }
            }
        }

        /** Assembles and eliminates the front of supernode s, stores its factor columns and keeps its update matrix. */
        private void node(int s) {
            Worker worker = Thread.currentThread() instanceof Worker w ? w : null;
            Workspace ws = worker != null ? worker.workspace(st.n) : callerWorkspace;
            int nc = st.columns(s);
            int nr = st.rowCount(s);
            double[][] front = assemble(s, ws);
            int status = DenseFront.factor(front, nr, nc, worker != null);
            if (status != DenseFront.OK) {
                failure.compareAndSet(null, status == DenseFront.NOT_FINITE ? NOT_FINITE : NOT_POSITIVE);
                return;
            }
            double[] dst = storage.blocks[storage.blockOf[s]];
            int o = storage.offset[s];
            for (int jj = 0; jj < nc; jj++) {
                System.arraycopy(front[jj], jj, dst, o, nr - jj);
                o += nr - jj;
                ws.give(front[jj]);
                front[jj] = null;
            }
            if (nr > nc) {
                fronts[s] = front;
            }
        }

        /** The front of s: the entries of A in its columns, then its children's update matrices in order (extend-add). */
        private double[][] assemble(int s, Workspace ws) {
            int f = st.first[s];
            int nc = st.columns(s);
            int r0 = st.rowStart[s];
            int nr = st.rowCount(s);
            int[] rows = st.rows;
            int[] map = ws.map;
            int[] rel = ws.rel;
            for (int k = 0; k < nr; k++) {
                map[rows[r0 + k]] = k;
            }
            double[][] front = new double[nr][];
            for (int q = 0; q < nr; q++) {
                front[q] = ws.take(nr, q);
            }
            DMatrixSparseCSC lower = st.lower;
            for (int jj = 0; jj < nc; jj++) {
                scatterAdd(front[jj], map, lower.nz_rows, lower.nz_values, lower.col_idx[f + jj], lower.col_idx[f + jj + 1]);
            }
            for (int t = st.childStart[s]; t < st.childStart[s + 1]; t++) {
                int c = st.children[t];
                double[][] u = fronts[c];
                fronts[c] = null;
                int cnc = st.columns(c);
                int cr0 = st.rowStart[c] + cnc;
                int m = st.rowCount(c) - cnc;
                for (int x = 0; x < m; x++) {
                    rel[x] = map[rows[cr0 + x]];
                }
                for (int x = 0; x < m; x++) {
                    double[] src = u[cnc + x];
                    extendAdd(front[rel[x]], src, cnc, rel, x, m);
                    ws.give(src);
                }
            }
            return front;
        }

        /** {@code dst[map[rows[p]]] += values[p]} for p in from..to−1. */
        private static void scatterAdd(double[] dst, int[] map, int[] rows, double[] values, int from, int to) {
            for (int p = from; p < to; p++) {
                dst[map[rows[p]]] += values[p];
            }
        }

        /** {@code dst[rel[y]] += src[offset + y]} for y in from..to−1: a column of a child's update matrix into its parent's front. */
        private static void extendAdd(double[] dst, double[] src, int offset, int[] rel, int from, int to) {
            for (int y = from; y < to; y++) {
                dst[rel[y]] += src[offset + y];
            }
        }
    }

    /** A thread of the factorisation's pool, with its work space. */
    private static final class Worker extends ForkJoinWorkerThread {
        private Workspace workspace;

        Worker(ForkJoinPool pool) {
            super(pool);
        }

        Workspace workspace(int n) {
            if (workspace == null) {
                workspace = new Workspace(n);
            }
            return workspace;
        }
    }

    /**
     * A thread's work space: global row → local row of the front being assembled, a child's
     * relative indices, and the column arrays of finished fronts for reuse (by size classes a
     * factor √2 apart), so that the factorisation allocates little besides the factor.
     */
    private static final class Workspace {
        final int[] map;
        final int[] rel;
        private final double[][][] stacks = new double[64][][];
        private final int[] sizes = new int[64];

        Workspace(int n) {
            map = new int[n];
            rel = new int[n];
        }

        /** An array of length at least {@code length}, zero from {@code zeroFrom} to {@code length}. */
        double[] take(int length, int zeroFrom) {
            int c = sizeClass(length);
            if (sizes[c] == 0) {
                return new double[classLength(c)];
            }
            double[] a = stacks[c][--sizes[c]];
            stacks[c][sizes[c]] = null;
            Arrays.fill(a, zeroFrom, length, 0.0);
            return a;
        }

        /** Returns an array obtained from {@link #take} (possibly on another thread). */
        void give(double[] a) {
            int c = sizeClass(a.length);
            if (stacks[c] == null) {
                stacks[c] = new double[16][];
            } else if (sizes[c] == stacks[c].length) {
                stacks[c] = Arrays.copyOf(stacks[c], 2 * sizes[c]);
            }
            stacks[c][sizes[c]++] = a;
        }

        /** Classes 2k and 2k + 1 hold arrays of 2^k and 3 · 2^(k−1) values. */
        private static int sizeClass(int length) {
            if (length <= 16) {
                return 8;
            }
            int k = 32 - Integer.numberOfLeadingZeros(length - 1);
            return (3L << (k - 2)) >= length ? 2 * (k - 1) + 1 : 2 * k;
        }

        private static int classLength(int c) {
            int k = c >> 1;
            long length = (c & 1) == 0 ? 1L << k : 3L << (k - 1);
            return (int) Math.min(length, Integer.MAX_VALUE - 16);
        }
    }

    /** @return the dimension n */
    public int size() {
        return n;
    }

    /**
     * @return the number of entries of the factor G, diagonal included (a measure of fill): the
     *     structural count, equal to {@link #factorEntries(DMatrixSparseCSC, int[])} for the same
     *     matrix and ordering; the explicit zeros that supernodes store are not counted
     */
    public long factorEntries() {
        return factorEntries;
    }

    /** @return the number of values stored for G: the lower trapezoids of the supernodes, with their explicit zeros */
    long storedEntries() {
        long sum = 0;
        for (double[] b : blocks) {
            sum += b.length;
        }
        return sum;
    }

    /** @return the number of supernodes */
    int supernodes() {
        return first.length - 1;
    }

    /**
     * @return a copy of the ordering: {@code perm[k]} = the original row placed at position k (the
     *     given ordering composed with the elimination tree's postorder)
     */
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
        if (c == 3) {
            for (int k = 0; k < n; k++) {
                int from = perm[k] * 3;
                y[3 * k] = x[from];
                y[3 * k + 1] = x[from + 1];
                y[3 * k + 2] = x[from + 2];
            }
        } else {
            for (int k = 0; k < n; k++) {
                System.arraycopy(x, perm[k] * c, y, k * c, c);
            }
        }
        double[] local = new double[maxRows * c];
        double[] z = new double[4 * c];
        for (int s = 0; s < first.length - 1; s++) {
            forward(s, y, c, local, z);
        }
        for (int s = first.length - 2; s >= 0; s--) {
            backward(s, y, c, local, z);
        }
        if (c == 3) {
            for (int k = 0; k < n; k++) {
                int to = perm[k] * 3;
                x[to] = y[3 * k];
                x[to + 1] = y[3 * k + 1];
                x[to + 2] = y[3 * k + 2];
            }
        } else {
            for (int k = 0; k < n; k++) {
                System.arraycopy(y, k * c, x, perm[k] * c, c);
            }
        }
    }

    // The solves work on a supernode's rows gathered in a dense local vector, c values per row;
    // its columns are taken four at a time (a 4 × 4 triangle, then a rank-4 update or product for
    // the rows below), so that each value of G is loaded once for all right-hand sides.

    /** Index in its block of row 0 of column jj of supernode s (column jj holds rows jj..nr−1). */
    private int columnBase(int s, int jj, int nr) {
        return (int) (offset[s] + (long) jj * nr - (long) jj * (jj - 1) / 2 - jj);
    }

    /** Forward substitution G z = y for the columns of supernode s; its contribution to the rows below scattered into y. */
    private void forward(int s, double[] y, int c, double[] loc, double[] z) {
        double[] g = blocks[blockOf[s]];
        int f = first[s];
        int nc = first[s + 1] - f;
        int r0 = rowStart[s];
        int nr = rowStart[s + 1] - r0;
        System.arraycopy(y, f * c, loc, 0, nc * c);
        Arrays.fill(loc, nc * c, nr * c, 0.0);
        int jj = 0;
        for (; jj + 4 <= nc; jj += 4) {
            int o0 = columnBase(s, jj, nr);
            int o1 = columnBase(s, jj + 1, nr);
            int o2 = columnBase(s, jj + 2, nr);
            int o3 = columnBase(s, jj + 3, nr);
            // The 4 × 4 triangle: z = the solved values of the four columns.
            for (int k = 0; k < 4; k++) {
                int col = columnBase(s, jj + k, nr);
                double d = g[col + jj + k];
                for (int h = 0; h < c; h++) {
                    double v = loc[(jj + k) * c + h] / d;
                    z[k * c + h] = v;
                    loc[(jj + k) * c + h] = v;
                }
                for (int k2 = k + 1; k2 < 4; k2++) {
                    double v = g[col + jj + k2];
                    for (int h = 0; h < c; h++) {
                        loc[(jj + k2) * c + h] -= v * z[k * c + h];
                    }
                }
            }
            if (c == 3) {
                update4x3(loc, g, o0, o1, o2, o3, jj + 4, nr, z);
            } else {
                update4(loc, g, o0, o1, o2, o3, jj + 4, nr, z, c);
            }
        }
        for (; jj < nc; jj++) {
            int o0 = columnBase(s, jj, nr);
            double d = g[o0 + jj];
            int qj = jj * c;
            for (int h = 0; h < c; h++) {
                loc[qj + h] /= d;
            }
            for (int ii = jj + 1; ii < nr; ii++) {
                double v = g[o0 + ii];
                int q = ii * c;
                for (int h = 0; h < c; h++) {
                    loc[q + h] -= v * loc[qj + h];
                }
            }
        }
        System.arraycopy(loc, 0, y, f * c, nc * c);
        for (int t = nc; t < nr; t++) {
            int bi = rows[r0 + t] * c;
            int q = t * c;
            for (int h = 0; h < c; h++) {
                y[bi + h] += loc[q + h];
            }
        }
    }

    /** Back substitution Gᵀ x = z for the columns of supernode s, the rows below already solved. */
    private void backward(int s, double[] y, int c, double[] loc, double[] z) {
        double[] g = blocks[blockOf[s]];
        int f = first[s];
        int nc = first[s + 1] - f;
        int r0 = rowStart[s];
        int nr = rowStart[s + 1] - r0;
        System.arraycopy(y, f * c, loc, 0, nc * c);
        for (int t = nc; t < nr; t++) {
            System.arraycopy(y, rows[r0 + t] * c, loc, t * c, c);
        }
        int blocked = nc & ~3;
        for (int jj = nc - 1; jj >= blocked; jj--) {
            int o0 = columnBase(s, jj, nr);
            int qj = jj * c;
            for (int h = 0; h < c; h++) {
                double sum = 0;
                for (int ii = jj + 1; ii < nr; ii++) {
                    sum += g[o0 + ii] * loc[ii * c + h];
                }
                loc[qj + h] = (loc[qj + h] - sum) / g[o0 + jj];
            }
        }
        for (int jj = blocked - 4; jj >= 0; jj -= 4) {
            int o0 = columnBase(s, jj, nr);
            int o1 = columnBase(s, jj + 1, nr);
            int o2 = columnBase(s, jj + 2, nr);
            int o3 = columnBase(s, jj + 3, nr);
            if (c == 3) {
                product4x3(loc, g, o0, o1, o2, o3, jj + 4, nr, z);
            } else {
                product4(loc, g, o0, o1, o2, o3, jj + 4, nr, z, c);
            }
            // The 4 × 4 triangle, backwards.
            for (int k = 3; k >= 0; k--) {
                int col = columnBase(s, jj + k, nr);
                double d = g[col + jj + k];
                for (int h = 0; h < c; h++) {
                    double v = loc[(jj + k) * c + h] - z[k * c + h];
                    for (int k2 = k + 1; k2 < 4; k2++) {
                        v -= g[col + jj + k2] * loc[(jj + k2) * c + h];
                    }
                    loc[(jj + k) * c + h] = v / d;
                }
            }
        }
        System.arraycopy(loc, 0, y, f * c, nc * c);
    }
    /** loc[ii] −= Σ_k G(ii, column k) z[k] for the four columns at o0..o3 and rows lo..hi−1, three values per row. */
    private static void update4x3(double[] loc, double[] g, int o0, int o1, int o2, int o3, int lo, int hi, double[] z) {
        double a0 = z[0], a1 = z[1], a2 = z[2];
        double b0 = z[3], b1 = z[4], b2 = z[5];
        double c0 = z[6], c1 = z[7], c2 = z[8];
        double d0 = z[9], d1 = z[10], d2 = z[11];
        for (int ii = lo, q = 3 * lo; ii < hi; ii++, q += 3) {
            double v0 = g[o0 + ii];
            double v1 = g[o1 + ii];
            double v2 = g[o2 + ii];
            double v3 = g[o3 + ii];
            loc[q] -= v0 * a0 + v1 * b0 + v2 * c0 + v3 * d0;
            loc[q + 1] -= v0 * a1 + v1 * b1 + v2 * c1 + v3 * d1;
            loc[q + 2] -= v0 * a2 + v1 * b2 + v2 * c2 + v3 * d2;
        }
    }

    /** {@link #update4x3} for c values per row. */
    private static void update4(double[] loc, double[] g, int o0, int o1, int o2, int o3, int lo, int hi, double[] z, int c) {
        if (c == 1) {
            double a0 = z[0], b0 = z[1], c0 = z[2], d0 = z[3];
            for (int ii = lo; ii < hi; ii++) {
                loc[ii] -= g[o0 + ii] * a0 + g[o1 + ii] * b0 + g[o2 + ii] * c0 + g[o3 + ii] * d0;
            }
            return;
        }
        for (int ii = lo; ii < hi; ii++) {
            double v0 = g[o0 + ii];
            double v1 = g[o1 + ii];
            double v2 = g[o2 + ii];
            double v3 = g[o3 + ii];
            int q = ii * c;
            for (int h = 0; h < c; h++) {
                loc[q + h] -= v0 * z[h] + v1 * z[c + h] + v2 * z[2 * c + h] + v3 * z[3 * c + h];
            }
        }
    }

    /** z[k] = Σ_ii G(ii, column k) loc[ii] for the four columns at o0..o3 and rows lo..hi−1, three values per row. */
    private static void product4x3(double[] loc, double[] g, int o0, int o1, int o2, int o3, int lo, int hi, double[] z) {
        double a0 = 0, a1 = 0, a2 = 0, b0 = 0, b1 = 0, b2 = 0;
        double c0 = 0, c1 = 0, c2 = 0, d0 = 0, d1 = 0, d2 = 0;
        for (int ii = lo, q = 3 * lo; ii < hi; ii++, q += 3) {
            double x0 = loc[q];
            double x1 = loc[q + 1];
            double x2 = loc[q + 2];
            double v0 = g[o0 + ii];
            double v1 = g[o1 + ii];
            double v2 = g[o2 + ii];
            double v3 = g[o3 + ii];
            a0 += v0 * x0;
            a1 += v0 * x1;
            a2 += v0 * x2;
            b0 += v1 * x0;
            b1 += v1 * x1;
            b2 += v1 * x2;
            c0 += v2 * x0;
            c1 += v2 * x1;
            c2 += v2 * x2;
            d0 += v3 * x0;
            d1 += v3 * x1;
            d2 += v3 * x2;
        }
        z[0] = a0;
        z[1] = a1;
        z[2] = a2;
        z[3] = b0;
        z[4] = b1;
        z[5] = b2;
        z[6] = c0;
        z[7] = c1;
        z[8] = c2;
        z[9] = d0;
        z[10] = d1;
        z[11] = d2;
    }

    /** {@link #product4x3} for c values per row. */
    private static void product4(double[] loc, double[] g, int o0, int o1, int o2, int o3, int lo, int hi, double[] z, int c) {
        if (c == 1) {
            double a0 = 0, b0 = 0, c0 = 0, d0 = 0;
            for (int ii = lo; ii < hi; ii++) {
                double x0 = loc[ii];
                a0 += g[o0 + ii] * x0;
                b0 += g[o1 + ii] * x0;
                c0 += g[o2 + ii] * x0;
                d0 += g[o3 + ii] * x0;
            }
            z[0] = a0;
            z[1] = b0;
            z[2] = c0;
            z[3] = d0;
            return;
        }
        Arrays.fill(z, 0.0);
        for (int ii = lo; ii < hi; ii++) {
            double v0 = g[o0 + ii];
            double v1 = g[o1 + ii];
            double v2 = g[o2 + ii];
            double v3 = g[o3 + ii];
            int q = ii * c;
            for (int h = 0; h < c; h++) {
                double x0 = loc[q + h];
                z[h] += v0 * x0;
                z[c + h] += v1 * x0;
                z[2 * c + h] += v2 * x0;
                z[3 * c + h] += v3 * x0;
            }
        }
    }
}
