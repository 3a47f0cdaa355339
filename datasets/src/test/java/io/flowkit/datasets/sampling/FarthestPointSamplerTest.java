package io.flowkit.datasets.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowkit.datasets.pointcloud.PointCloud;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FarthestPointSamplerTest {

    /** Naive reference: recompute every point's distance to the whole chosen set at each step. */
    private static int[] naive(double[] xyz, int count, int first) {
        int n = xyz.length / 3;
        int[] chosen = new int[count];
        chosen[0] = first;
        for (int c = 1; c < count; c++) {
            int best = -1;
            double bestD = -1;
            for (int i = 0; i < n; i++) {
                double d = Double.POSITIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    int j = chosen[k];
                    double dx = xyz[3 * i] - xyz[3 * j];
                    double dy = xyz[3 * i + 1] - xyz[3 * j + 1];
                    double dz = xyz[3 * i + 2] - xyz[3 * j + 2];
                    d = Math.min(d, dx * dx + dy * dy + dz * dz);
                }
                if (d > bestD) {
                    bestD = d;
                    best = i;
                }
            }
            chosen[c] = best;
        }
        return chosen;
    }

    /** The plain O(n · count) scan: each point's distance to the chosen set, updated by the newest choice. */
    private static int[] plainScan(double[] xyz, int count, int first) {
        int n = xyz.length / 3;
        double[] dist = new double[n];
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int[] chosen = new int[count];
        int current = first;
        for (int c = 0; c < count; c++) {
            chosen[c] = current;
            int next = -1;
            double best = -1;
            for (int i = 0; i < n; i++) {
                double dx = xyz[3 * i] - xyz[3 * current];
                double dy = xyz[3 * i + 1] - xyz[3 * current + 1];
                double dz = xyz[3 * i + 2] - xyz[3 * current + 2];
                dist[i] = Math.min(dist[i], dx * dx + dy * dy + dz * dz);
                if (dist[i] > best) {
                    best = dist[i];
                    next = i;
                }
            }
            current = next;
        }
        return chosen;
    }

    @Test
    void matchesThePlainScanOnRandomAndNearlyFlatClouds() {
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 12; trial++) {
            int n = 1 + random.nextInt(3000);
            double[] xyz = random.doubles(3 * n, -5, 5).toArray();
            if (trial % 3 == 0) {
                for (int i = 0; i < 3 * n; i += 3) {
                    xyz[i + 2] = 0.001 * xyz[i + 2]; // nearly flat, like a surface patch
                }
            }
            int count = 1 + random.nextInt(n);
            int first = random.nextInt(n);
            assertArrayEquals(plainScan(xyz, count, first), FarthestPointSampler.indices(xyz, count, first),
                    "trial " + trial + ": n " + n + ", count " + count);
        }
    }

    @Test
    void breaksTiesAndRepeatsLikeTheNaiveReference() {
        // An integer lattice has many equal distances; every point repeated twice, and then sampled beyond the distinct ones.
        double[] lattice = new double[3 * 2 * 216];
        int k = 0;
        for (int rep = 0; rep < 2; rep++) {
            for (int x = 0; x < 6; x++) {
                for (int y = 0; y < 6; y++) {
                    for (int z = 0; z < 6; z++) {
                        lattice[k++] = x;
                        lattice[k++] = y;
                        lattice[k++] = z;
                    }
                }
            }
        }
        for (int count : new int[] {1, 2, 50, 216, 300, 432}) {
            assertArrayEquals(naive(lattice, count, 7), FarthestPointSampler.indices(lattice, count, 7), "count " + count);
        }
    }

    @Test
    void matchesThePlainScanOnARealCloud() throws java.io.IOException {
        double[] xyz = io.flowkit.datasets.catalog.PointCloudFolder.punetMc5k().read("moai").positions();
        assertArrayEquals(plainScan(xyz, 4000, 0), FarthestPointSampler.indices(xyz, 4000, 0));
    }

    @Test
    void matchesTheNaiveReferenceOnRandomClouds() {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] xyz = r.doubles(3 * 400, -1, 1).toArray();
            assertArrayEquals(naive(xyz, 60, (int) seed), FarthestPointSampler.indices(xyz, 60, (int) seed));
        }
    }

    @Test
    void picksTheExtremesOfALineFirst() {
        double[] line = new double[3 * 11];
        for (int i = 0; i <= 10; i++) {
            line[3 * i] = i;
        }
        assertArrayEquals(new int[] {5, 0, 10}, FarthestPointSampler.indices(line, 3, 5));
        PointCloud cloud = FarthestPointSampler.sample(PointCloud.of(line), 3);
        assertEquals(10, cloud.coordinate(1, 0));
        assertEquals(5, cloud.coordinate(2, 0));
    }

    @Test
    void rejectsCountsOutOfRange() {
        assertEquals("count is larger than the number of points: 4 > 3", assertThrows(IllegalArgumentException.class,
                () -> FarthestPointSampler.indices(new double[9], 4, 0)).getMessage());
        assertEquals("count is not positive: 0", assertThrows(IllegalArgumentException.class,
                () -> FarthestPointSampler.indices(new double[9], 0, 0)).getMessage());
        assertEquals("first index is out of range 0..2: 3", assertThrows(IllegalArgumentException.class,
                () -> FarthestPointSampler.indices(new double[9], 1, 3)).getMessage());
        double[] nan = new double[9];
        nan[4] = Double.NaN;
        assertEquals("point 1 has a non-finite coordinate: NaN", assertThrows(IllegalArgumentException.class,
                () -> FarthestPointSampler.indices(nan, 1, 0)).getMessage());
    }
}
