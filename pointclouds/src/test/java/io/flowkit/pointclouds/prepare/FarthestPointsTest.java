package io.flowkit.pointclouds.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowkit.datasets.catalog.PointCloudFolder;
import io.flowkit.datasets.sampling.FarthestPointSampler;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pruned sampler against the plain scan of the datasets module, which it must reproduce exactly. */
class FarthestPointsTest {

    @Test
    void matchesThePlainScanOnRandomClouds() {
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
            assertArrayEquals(FarthestPointSampler.indices(xyz, count, first), FarthestPoints.indices(xyz, count, first),
                    "trial " + trial + ": n " + n + ", count " + count);
        }
    }

    @Test
    void breaksTiesAndDuplicatesLikeThePlainScan() {
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
            assertArrayEquals(FarthestPointSampler.indices(lattice, count, 7), FarthestPoints.indices(lattice, count, 7),
                    "count " + count);
        }
    }

    @Test
    void matchesThePlainScanOnARealCloud() throws IOException {
        double[] xyz = PointCloudFolder.punetMc5k().read("moai").positions();
        assertArrayEquals(FarthestPointSampler.indices(xyz, 4000, 0), FarthestPoints.indices(xyz, 4000, 0));
    }

    @Test
    void validatesItsArguments() {
        double[] xyz = new double[9];
        assertEquals("count is larger than the number of points: 4 > 3",
                assertThrows(IllegalArgumentException.class, () -> FarthestPoints.indices(xyz, 4, 0)).getMessage());
        assertEquals("count is not positive: 0",
                assertThrows(IllegalArgumentException.class, () -> FarthestPoints.indices(xyz, 0, 0)).getMessage());
        assertEquals("first index is out of range 0..2: 3",
                assertThrows(IllegalArgumentException.class, () -> FarthestPoints.indices(xyz, 1, 3)).getMessage());
    }
}
