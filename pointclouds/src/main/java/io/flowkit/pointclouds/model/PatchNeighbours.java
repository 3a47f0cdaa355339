package io.flowkit.pointclouds.model;

import io.flowkit.datasets.spatial.NearestNeighbors;

/** The neighbour lists the network's local edge layer reads: each point's k nearest other points. */
public final class PatchNeighbours {

    private PatchNeighbours() {}

    /**
     * The {@code k} nearest other points of each point (itself excluded), nearest first.
     *
     * @param xyz the patch, flat xyz
     * @param k neighbours per point, below the number of points
     * @return {@code points × k} indices, point-major
     * @throws IllegalArgumentException if the patch has no more than {@code k} points
     */
    public static long[] of(double[] xyz, int k) {
        return of(NearestNeighbors.of(xyz), xyz, k);
    }

    /**
     * As {@link #of(double[], int)}, with an index of the patch already built.
     *
     * @param index the nearest-neighbour index of {@code xyz}
     * @param xyz the patch, flat xyz
     * @param k neighbours per point, below the number of points
     * @return {@code points × k} indices, point-major
     * @throws IllegalArgumentException if the patch has no more than {@code k} points
     */
    public static long[] of(NearestNeighbors index, double[] xyz, int k) {
        int n = xyz.length / 3;
        if (n <= k) {
            throw new IllegalArgumentException("patch has " + n + " points, not more than the " + k + " neighbours");
        }
        int[] nearest = index.kNearest(xyz, k + 1);
        long[] out = new long[n * k];
        for (int i = 0; i < n; i++) {
            int w = 0;
            for (int j = 0; j <= k && w < k; j++) {
                int candidate = nearest[i * (k + 1) + j];
                if (candidate != i) {
                    out[i * k + w++] = candidate;
                }
            }
        }
        return out;
    }
}
