package io.flowkit.pointclouds.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.pointclouds.prepare.PointArrays;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PointMatchingTest {

    @Test
    void isOptimalAgainstEveryPermutationOfTinyClouds() {
        SplittableRandom random = new SplittableRandom(9);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + trial % 6;
            double[] a = random.doubles(3 * n, -1, 1).toArray();
            double[] b = random.doubles(3 * n, -1, 1).toArray();
            int[] sigma = PointMatching.assignment(a, b);
            assertEquals(n, Arrays.stream(sigma).distinct().count(), "a permutation");
            double best = bestOverAllPermutations(a, b);
            double found = PointMatching.meanSquaredDistance(a, PointArrays.gather(b, sigma));
            assertEquals(best, found, 1e-12, "trial " + trial);
        }
    }

    @Test
    void matchedIsAPermutationThatUndoesAShuffle() {
        SplittableRandom random = new SplittableRandom(4);
        double[] a = random.doubles(3 * 200, -1, 1).toArray();
        int[] shuffle = new int[200];
        for (int i = 0; i < 200; i++) {
            shuffle[i] = i;
        }
        for (int i = 199; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = shuffle[i];
            shuffle[i] = shuffle[j];
            shuffle[j] = t;
        }
        double[] shuffled = PointArrays.gather(a, shuffle);
        assertArrayEquals(a, PointMatching.matched(a, shuffled), 0.0, "identical clouds match point to itself");
        assertEquals(0, PointMatching.meanSquaredDistance(a, PointMatching.matched(a, shuffled)));
    }

    @Test
    void rejectsCloudsOfDifferentSizes() {
        assertEquals("clouds differ in size: 2 and 1 points",
                assertThrows(IllegalArgumentException.class, () -> PointMatching.assignment(new double[6], new double[3])).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PointMatching.assignment(new double[] {0, 0, Double.NaN}, new double[3])).getMessage().contains("point 0"));
    }

    /** The least mean squared distance over every pairing of two small clouds of equal size, by enumeration. */
    static double bestOverAllPermutations(double[] a, double[] b) {
        int n = a.length / 3;
        return bestOverAllPermutations(a, b, new int[n], new boolean[n], 0);
    }

    private static double bestOverAllPermutations(double[] a, double[] b, int[] perm, boolean[] used, int depth) {
        int n = perm.length;
        if (depth == n) {
            return PointMatching.meanSquaredDistance(a, PointArrays.gather(b, perm));
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (!used[j]) {
                used[j] = true;
                perm[depth] = j;
                best = Math.min(best, bestOverAllPermutations(a, b, perm, used, depth + 1));
                used[j] = false;
            }
        }
        return best;
    }
}
