package io.flowkit.core.sparse;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.misc.ColumnCounts_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;

/**
 * The symbolic analysis of {@link SparseCholesky}: the supernodes of the Cholesky factor of
 * {@code P A Pᵀ} and their row structures.
 *
 * <ol>
 *   <li>Elimination tree, postorder and column counts of the factor (Liu 1990, "The role of
 *       elimination trees in sparse factorization"; Davis 2006, "Direct Methods for Sparse Linear
 *       Systems", ch. 4), by EJML's ports of CSparse's {@code cs_etree}, {@code cs_post},
 *       {@code cs_counts}.
 *   <li>The columns are renumbered by the postorder (composed with the given ordering, which gives
 *       the same fill), so that every subtree is a contiguous range of columns.
 *   <li>Fundamental supernodes: column j joins column j − 1 when it is j − 1's parent, its only
 *       child, and has one entry fewer (Liu, Ng and Peyton 1993, "On finding supernodes for sparse
 *       matrix computations").
 *   <li>Relaxed amalgamation (Ashcraft and Grimes 1989; the rule of CHOLMOD's {@code cholmod_super}):
 *       going from the last supernode down, supernode j is merged into its parent when the parent
 *       starts at the next column and the merged supernode of c columns stores z explicit zeros out
 *       of e entries with c ≤ 4, or c ≤ 16 and z < 0.8 e, or c ≤ 48 and z < 0.1 e, or z < 0.05 e.
 *       Wider supernodes mean fewer, larger dense blocks (Ng and Peyton 1993, "Block sparse
 *       Cholesky algorithms on advanced uniprocessor computers").
 *   <li>The rows of each supernode: its columns, then the union of its children's rows and of the
 *       rows of A in its columns below it, sorted.
 * </ol>
 *
 * The supernodes are numbered in postorder: children before parents, the subtree of s being the
 * supernodes {@code firstDescendant[s]..s}.
 */
final class SupernodalStructure {

    private static final int[] RELAX_COLUMNS = {4, 16, 48};
    private static final double[] RELAX_ZEROS = {0.8, 0.1, 0.05};

    /** The dimension. */
    final int n;
    /** The final ordering, the given one composed with the postorder: {@code perm[k]} = original row at position k. */
    final int[] perm;
    /** The entries of the factor, diagonal included, without the zeros that amalgamation stores. */
    final long factorEntries;
    /** The number of supernodes. */
    final int supernodes;
    /** Supernode s holds columns {@code first[s]..first[s+1]−1}; length supernodes + 1. */
    final int[] first;
    /** The rows of supernode s are {@code rows[rowStart[s]..rowStart[s+1]−1]}, ascending, its own columns first. */
    final int[] rowStart;
    /** Row indices, see {@link #rowStart}. */
    final int[] rows;
    /** The parent supernode, −1 for a root. */
    final int[] parent;
    /** The children of s are {@code children[childStart[s]..childStart[s+1]−1]}, ascending. */
    final int[] childStart;
    /** Children lists, see {@link #childStart}. */
    final int[] children;
    /** The subtree of s is the supernodes {@code firstDescendant[s]..s}. */
    final int[] firstDescendant;
    /**
     * The lower triangle of {@code P A Pᵀ} in the final ordering, with values and rows sorted (the
     * transpose of the upper triangle that the analysis reads).
     */
    final DMatrixSparseCSC lower;

    private SupernodalStructure(int n, int[] perm, long factorEntries, int[] first, int[] rowStart, int[] rows,
            int[] parent, DMatrixSparseCSC lower) {
        this.n = n;
        this.perm = perm;
        this.factorEntries = factorEntries;
        this.supernodes = first.length - 1;
        this.first = first;
        this.rowStart = rowStart;
        this.rows = rows;
        this.parent = parent;
        this.lower = lower;
        int ns = supernodes;
        childStart = new int[ns + 1];
        for (int s = 0; s < ns; s++) {
            if (parent[s] >= 0) {
                childStart[parent[s] + 1]++;
            }
        }
        for (int s = 0; s < ns; s++) {
            childStart[s + 1] += childStart[s];
        }
        children = new int[childStart[ns]];
        int[] next = Arrays.copyOf(childStart, ns);
        firstDescendant = new int[ns];
        for (int s = 0; s < ns; s++) {
            firstDescendant[s] = s;
        }
        for (int s = 0; s < ns; s++) {
            int p = parent[s];
            if (p >= 0) {
                children[next[p]++] = s;
                firstDescendant[p] = Math.min(firstDescendant[p], firstDescendant[s]);
            }
        }
    }

    /**
     * Analyses {@code P A Pᵀ}, reading the upper triangle after permutation.
     *
     * @param a symmetric n × n matrix
     * @param perm a valid permutation of 0..n−1 (not checked)
     * @return the structure
     */
    static SupernodalStructure analyse(DMatrixSparseCSC a, int[] perm) {
        int n = a.numCols;
        if (n == 0) {
            return new SupernodalStructure(0, new int[0], 0, new int[1], new int[1], new int[0], new int[0],
                    SparseCholesky.permutedLower(a, perm));
        }
        DMatrixSparseCSC upper = SparseCholesky.permutedUpper(a, perm);
        int[] etree = new int[n];
        int[] post = new int[n];
        int[] counts = new int[n];
        TriangularSolver_DSCC.eliminationTree(upper, false, etree, null);
        TriangularSolver_DSCC.postorder(etree, n, post, null);
        new ColumnCounts_DSCC(false).process(upper, etree, post, counts);
        upper = null;

        // Renumber by the postorder: position k holds the old column post[k].
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            inverse[post[k]] = k;
        }
        int[] par = new int[n];
        int[] cnt = new int[n];
        int[] order = new int[n];
        long entries = 0;
        for (int k = 0; k < n; k++) {
            int old = post[k];
            par[k] = etree[old] < 0 ? -1 : inverse[etree[old]];
            cnt[k] = counts[old];
            order[k] = perm[old];
            entries += cnt[k];
            if (par[k] >= 0 && par[k] <= k) {
                throw new IllegalStateException("elimination tree is not postordered at column " + k);
            }
        }
        etree = null;
        counts = null;
        post = null;
        DMatrixSparseCSC lower = SparseCholesky.permutedLower(a, order);

        // Fundamental supernodes.
        int[] nchild = new int[n];
        for (int j = 0; j < n; j++) {
            if (par[j] >= 0) {
                nchild[par[j]]++;
            }
        }
        int[] fstart = new int[n + 1];
        int nf = 0;
        for (int j = 0; j < n; j++) {
            if (j == 0 || par[j - 1] != j || cnt[j - 1] != cnt[j] + 1 || nchild[j] != 1) {
                fstart[nf++] = j;
            }
        }
        fstart[nf] = n;
        int[] superOf = nchild; // reuse
        for (int f = 0; f < nf; f++) {
            Arrays.fill(superOf, fstart[f], fstart[f + 1], f);
        }
        int[] fparent = new int[nf];
        int[] ncols = new int[nf];
        long[] nrows = new long[nf];
        double[] zeros = new double[nf];
        for (int f = 0; f < nf; f++) {
            int last = fstart[f + 1] - 1;
            fparent[f] = par[last] < 0 ? -1 : superOf[par[last]];
            ncols[f] = fstart[f + 1] - fstart[f];
            nrows[f] = cnt[fstart[f]];
        }

        // Relaxed amalgamation: groups of consecutive fundamental supernodes, represented by their first.
        int[] rep = new int[nf];
        for (int f = 0; f < nf; f++) {
            rep[f] = f;
        }
        for (int j = nf - 2; j >= 0; j--) {
            if (fparent[j] < 0 || find(rep, fparent[j]) != j + 1) {
                continue;
            }
            int r = j + 1;
            long c = (long) ncols[j] + ncols[r];
            long rowsMerged = ncols[j] + nrows[r];
            double merged = trapezoid(c, rowsMerged);
            double z = zeros[j] + zeros[r] + merged - trapezoid(ncols[j], nrows[j]) - trapezoid(ncols[r], nrows[r]);
            boolean merge = c <= RELAX_COLUMNS[0]
                    || (c <= RELAX_COLUMNS[1] && z < RELAX_ZEROS[0] * merged)
                    || (c <= RELAX_COLUMNS[2] && z < RELAX_ZEROS[1] * merged)
                    || z < RELAX_ZEROS[2] * merged;
            if (merge) {
                ncols[j] = (int) c;
                nrows[j] = rowsMerged;
                zeros[j] = z;
                rep[r] = j;
            }
        }

        // The supernodes: the groups.
        int ns = 0;
        for (int f = 0; f < nf; f++) {
            if (rep[f] == f) {
                ns++;
            }
        }
        int[] first = new int[ns + 1];
        int[] rowStart = new int[ns + 1];
        long totalRows = 0;
        int s = 0;
        for (int f = 0; f < nf; f++) {
            if (rep[f] == f) {
                first[s] = fstart[f];
                rowStart[s] = (int) totalRows;
                totalRows += nrows[f];
                if (totalRows > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("the Cholesky factor is too large: " + totalRows + " supernode rows");
                }
                s++;
            }
        }
        first[ns] = n;
        rowStart[ns] = (int) totalRows;
        for (s = 0; s < ns; s++) {
            Arrays.fill(superOf, first[s], first[s + 1], s);
        }
        int[] sparent = new int[ns];
        for (s = 0; s < ns; s++) {
            int p = par[first[s + 1] - 1];
            sparent[s] = p < 0 ? -1 : superOf[p];
        }
        int[] rows = rowStructure(lower, first, rowStart, sparent, (int) totalRows);
        return new SupernodalStructure(n, order, entries, first, rowStart, rows, sparent, lower);
    }

    /** The rows of every supernode, children before parents; checks the counts predicted from the column counts. */
    private static int[] rowStructure(DMatrixSparseCSC lower, int[] first, int[] rowStart, int[] sparent, int total) {
        int ns = first.length - 1;
        int n = lower.numCols;
        int[] rows = new int[total];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        // Children lists as linked lists through the postorder: head[s], nextChild[c].
        int[] head = new int[ns];
        int[] nextChild = new int[ns];
        Arrays.fill(head, -1);
        for (int c = ns - 1; c >= 0; c--) {
            int p = sparent[c];
            if (p >= 0) {
                nextChild[c] = head[p];
                head[p] = c;
            }
        }
        for (int s = 0; s < ns; s++) {
            int f = first[s];
            int l = first[s + 1];
            int start = rowStart[s];
            int end = rowStart[s + 1];
            int q = start;
            for (int j = f; j < l; j++) {
                rows[q++] = j;
                mark[j] = s;
            }
            for (int j = f; j < l; j++) {
                for (int p = lower.col_idx[j]; p < lower.col_idx[j + 1]; p++) {
                    int i = lower.nz_rows[p];
                    if (mark[i] != s) {
                        if (q == end) {
                            throw new IllegalStateException("supernode " + s + " has more rows than its column count");
                        }
                        mark[i] = s;
                        rows[q++] = i;
                    }
                }
            }
            for (int c = head[s]; c >= 0; c = nextChild[c]) {
                for (int p = rowStart[c] + (first[c + 1] - first[c]); p < rowStart[c + 1]; p++) {
                    int i = rows[p];
                    if (mark[i] != s) {
                        if (q == end) {
                            throw new IllegalStateException("supernode " + s + " has more rows than its column count");
                        }
                        mark[i] = s;
                        rows[q++] = i;
                    }
                }
            }
            if (q != end) {
                throw new IllegalStateException("supernode " + s + " has " + (q - start) + " rows, its column count says " + (end - start));
            }
            Arrays.sort(rows, start + (l - f), end);
        }
        return rows;
    }

    /** Entries of a lower trapezoid with c columns and r ≥ c rows. */
    private static double trapezoid(long c, long r) {
        return c * (c + 1) / 2.0 + (double) c * (r - c);
    }

    private static int find(int[] rep, int x) {
        int r = x;
        while (rep[r] != r) {
            r = rep[r];
        }
        while (rep[x] != r) {
            int next = rep[x];
            rep[x] = r;
            x = next;
        }
        return r;
    }

    /** @return the number of columns of supernode s */
    int columns(int s) {
        return first[s + 1] - first[s];
    }

    /** @return the number of rows of supernode s (its columns included) */
    int rowCount(int s) {
        return rowStart[s + 1] - rowStart[s];
    }
}
