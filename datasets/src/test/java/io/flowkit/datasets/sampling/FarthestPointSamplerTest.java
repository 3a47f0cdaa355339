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
    }
}
