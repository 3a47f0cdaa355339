package io.flowkit.core.sparse;

import java.util.Arrays;

/**
 * A fill-reducing ordering for the sparse Cholesky factorisation of a symmetric matrix: nested
 * dissection by level structures (George 1973, "Nested dissection of a regular finite element
 * mesh"; George and Liu 1981, "Computer Solution of Large Sparse Positive Definite Systems", ch.
 * 8). Each part of the graph is split by a middle level of a breadth-first search from a
 * pseudo-peripheral vertex; the two sides are ordered recursively and the separator last.
 * Disconnected parts are ordered one after another. EJML offers no fill-reducing ordering of its
 * own for Cholesky (only none or random), and on a 70,000-vertex mesh the natural order would fill
 * in tens of millions of entries.
 */
public final class NestedDissection {

    private static final int LEAF = 64;

    private final int[] adjStart;
    private final int[] adj;
    private final int[] mark;
    private final int[] level;
    private final int[] queue;
    private int stamp;
    private int[] perm;
    private int filled;

    private NestedDissection(int n, int[] adjStart, int[] adj) {
        this.adjStart = adjStart;
        this.adj = adj;
        this.mark = new int[n];
        this.level = new int[n];
        this.queue = new int[n];
    }

    /**
     * The ordering of a symmetric sparsity pattern given in compressed-column form.
     *
     * @param n the dimension
     * @param colIdx column starts, length {@code n + 1}
     * @param rowIdx row indices of the entries (diagonal entries are ignored)
     * @return {@code perm[k]} = the original index placed at position k
     */
    public static int[] order(int n, int[] colIdx, int[] rowIdx) {
        int[] deg = new int[n + 1];
        for (int j = 0; j < n; j++) {
            for (int p = colIdx[j]; p < colIdx[j + 1]; p++) {
                if (rowIdx[p] != j) {
                    deg[j + 1]++;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            deg[j + 1] += deg[j];
        }
        int[] adj = new int[deg[n]];
        int[] fill = Arrays.copyOf(deg, n);
        for (int j = 0; j < n; j++) {
            for (int p = colIdx[j]; p < colIdx[j + 1]; p++) {
                if (rowIdx[p] != j) {
                    adj[fill[j]++] = rowIdx[p];
                }
            }
        }
        NestedDissection nd = new NestedDissection(n, deg, adj);
        nd.perm = new int[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        nd.dissect(all);
        return nd.perm;
    }

    private void dissect(int[] set) {
        if (set.length <= LEAF) {
            for (int v : set) {
                perm[filled++] = v;
            }
            return;
        }
        int s = ++stamp;
        for (int v : set) {
            mark[v] = s;
        }
        // Pseudo-peripheral start: BFS twice from the far end.
        int start = set[0];
        int reached = 0;
        int depth = 0;
        for (int round = 0; round < 2; round++) {
            reached = bfs(start, s);
            depth = level[queue[reached - 1]];
            int best = queue[reached - 1];
            for (int q = reached - 1; q >= 0 && level[queue[q]] == depth; q--) {
                if (degree(queue[q], s) < degree(best, s)) {
                    best = queue[q];
                }
            }
            start = best;
        }
        reached = bfs(start, s);
        depth = level[queue[reached - 1]];
        if (reached < set.length) {
            // Disconnected: the reached component, then the rest.
            int[] component = Arrays.copyOf(queue, reached);
            int[] rest = new int[set.length - reached];
            int t = ++stamp;
            for (int v : component) {
                mark[v] = t;
            }
            int k = 0;
            for (int v : set) {
                if (mark[v] != t) {
                    rest[k++] = v;
                }
            }
            dissect(component);
            dissect(rest);
            return;
        }
        if (depth < 2) {
            for (int v : set) {
                perm[filled++] = v;
            }
            return;
        }
        int[] perLevel = new int[depth + 1];
        for (int q = 0; q < reached; q++) {
            perLevel[level[queue[q]]]++;
        }
        int middle = 1;
        int cumulative = perLevel[0];
        while (middle < depth - 1 && cumulative + perLevel[middle] < set.length / 2) {
            cumulative += perLevel[middle];
            middle++;
        }
        int[] low = new int[cumulative];
        int[] separator = new int[perLevel[middle]];
        int[] high = new int[set.length - cumulative - perLevel[middle]];
        int a = 0;
        int b = 0;
        int c = 0;
        for (int q = 0; q < reached; q++) {
            int v = queue[q];
            int l = level[v];
            if (l < middle) {
                low[a++] = v;
            } else if (l == middle) {
                separator[b++] = v;
            } else {
                high[c++] = v;
            }
        }
        dissect(low);
        dissect(high);
        for (int v : separator) {
            perm[filled++] = v;
        }
    }

    /** BFS within the vertices marked {@code s}; fills {@code queue} and {@code level}; returns the count reached. */
    private int bfs(int start, int s) {
        int visited = -s; // a distinct stamp for "visited in this search"
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        level[start] = 0;
        mark[start] = visited;
        while (head < tail) {
            int v = queue[head++];
            for (int p = adjStart[v]; p < adjStart[v + 1]; p++) {
                int w = adj[p];
                if (mark[w] == s) {
                    mark[w] = visited;
                    level[w] = level[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        for (int q = 0; q < tail; q++) {
            mark[queue[q]] = s;
        }
        return tail;
    }

    private int degree(int v, int s) {
        int d = 0;
        for (int p = adjStart[v]; p < adjStart[v + 1]; p++) {
            d += mark[adj[p]] == s ? 1 : 0;
        }
        return d;
    }
}
