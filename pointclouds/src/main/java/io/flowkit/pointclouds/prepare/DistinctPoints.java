package io.flowkit.pointclouds.prepare;

import java.util.Arrays;

/**
 * Exact deduplication of points by an open-addressing hash table on their coordinate bits
 * ({@code -0.0} counts as {@code 0.0}). O(n) expected time, no boxing.
 */
final class DistinctPoints {

    private DistinctPoints() {}

    /**
     * The index of the first occurrence of each distinct point, in increasing order.
     *
     * @param xyz interleaved coordinates (finite)
     * @return indices of the points that do not repeat an earlier point
     */
    static int[] firstOccurrences(double[] xyz) {
        int n = xyz.length / 3;
        int capacity = Integer.highestOneBit(Math.max(4, 2 * n - 1)) << 1;
        int mask = capacity - 1;
        int[] table = new int[capacity];
        Arrays.fill(table, -1);
        int[] kept = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double x = xyz[3 * i] + 0.0;
            double y = xyz[3 * i + 1] + 0.0;
            double z = xyz[3 * i + 2] + 0.0;
            int slot = hash(x, y, z) & mask;
            boolean seen = false;
            while (table[slot] >= 0) {
                int j = table[slot];
                if (xyz[3 * j] == x && xyz[3 * j + 1] == y && xyz[3 * j + 2] == z) {
                    seen = true;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (!seen) {
                table[slot] = i;
                kept[count++] = i;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    private static int hash(double x, double y, double z) {
        long h = Double.doubleToLongBits(x);
        h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(y);
        h = h * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(z);
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) h;
    }
}
