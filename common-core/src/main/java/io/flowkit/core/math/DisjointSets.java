package io.flowkit.core.math;

/**
 * Disjoint sets over the integers {@code 0..n-1} (union-find with path halving), for grouping
 * items that are linked pairwise: connected components of a mesh, reactions sharing a reactant.
 * Not thread-safe.
 */
public final class DisjointSets {

    private final int[] parent;

    /**
     * Every element in its own set.
     *
     * @param n the number of elements
     * @throws IllegalArgumentException if n is negative
     */
    public DisjointSets(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("element count is negative: " + n);
        }
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    /**
     * The representative of an element's set: the smallest element of the set.
     *
     * @param i the element
     * @return its representative
     */
    public int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * Joins the sets of two elements.
     *
     * @param a one element
     * @param b another
     */
    public void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** @return the number of sets */
    public int count() {
        int roots = 0;
        for (int i = 0; i < parent.length; i++) {
            if (parent[i] == i) {
                roots++;
            }
        }
        return roots;
    }
}
