package io.flowkit.datasets.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearestNeighborsTest {

    private static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] xyz = new double[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = r.nextDouble(-1, 1);
        }
        return xyz;
    }

    private static double dist2(double[] a, int i, double[] b, int j) {
        double dx = a[3 * i] - b[3 * j];
        double dy = a[3 * i + 1] - b[3 * j + 1];
        double dz = a[3 * i + 2] - b[3 * j + 2];
        return dx * dx + dy * dy + dz * dz;
    }

    @Test
    void nearestMatchesBruteForceOnRandomClouds() {
        double[] data = random(3000, 1);
        double[] queries = random(5000, 2);
        NearestNeighbors nn = NearestNeighbors.of(data);
        double[] d = nn.nearestDistances(queries);
        int[] idx = nn.nearest(queries);
        for (int q = 0; q < 5000; q++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < 3000; i++) {
                best = Math.min(best, dist2(queries, q, data, i));
            }
            assertEquals(Math.sqrt(best), d[q], 1e-12);
            assertEquals(best, dist2(queries, q, data, idx[q]), 1e-12);
        }
    }

    @Test
    void kNearestMatchesSortedBruteForce() {
        double[] data = random(800, 3);
        double[] queries = random(50, 4);
        NearestNeighbors nn = NearestNeighbors.of(data);
        int k = 12;
        int[] all = nn.kNearest(queries, k);
        for (int q = 0; q < 50; q++) {
            final int qq = q;
            int[] expected = IntStream.range(0, 800).boxed()
                    .sorted((a, b) -> Double.compare(dist2(queries, qq, data, a), dist2(queries, qq, data, b)))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, Arrays.copyOfRange(all, q * k, q * k + k));
        }
    }

    @Test
    void radiusQueryMatchesBruteForceOnSortedGrid() {
        // A sorted grid is the worst case for an unbalanced k-d tree; results must still be exact.
        double[] grid = new double[3 * 20 * 20 * 20];
        int n = 0;
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                for (int l = 0; l < 20; l++) {
                    grid[n++] = i * 0.1;
                    grid[n++] = j * 0.1;
                    grid[n++] = l * 0.1;
                }
            }
        }
        NearestNeighbors nn = NearestNeighbors.of(grid);
        double[] q = {0.95, 1.02, 0.33};
        int[] found = nn.withinRadius(q[0], q[1], q[2], 0.25);
        int[] expected = IntStream.range(0, 8000).filter(i -> dist2(grid, i, q, 0) <= 0.25 * 0.25).toArray();
        assertArrayEquals(expected, found);
        assertEquals(0, nn.withinRadius(5, 5, 5, 0.1).length);
    }

    @Test
    void kLargerThanSizeReturnsAllPoints() {
        NearestNeighbors nn = NearestNeighbors.of(new double[] {0, 0, 0, 1, 0, 0, 3, 0, 0});
        assertArrayEquals(new int[] {1, 2, 0}, nn.kNearest(1.6, 0, 0, 10));
    }

    @Test
    void rejectsEmptyAndNonFinitePoints() {
        assertEquals("cannot index an empty point set",
                assertThrows(IllegalArgumentException.class, () -> NearestNeighbors.of(new double[0])).getMessage());
        assertEquals("point 1 has a non-finite coordinate: NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> NearestNeighbors.of(new double[] {0, 0, 0, 1, Double.NaN, 0})).getMessage());
    }
}
