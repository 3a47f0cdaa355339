package io.flowkit.pointclouds.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.PointCloudFolder;
import io.flowkit.datasets.sampling.FarthestPointSampler;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatchSeedsTest {

    @Test
    void threefoldCoverageReachesEveryPointOfRealClouds() throws IOException {
        for (String name : new String[] {"fandisk", "Icosahedron"}) {
            double[] xyz = PointCloudFolder.puganOfficial().read(name).positions();
            int[][] patches = PatchSeeds.patches(xyz, 256, 3);
            assertEquals(24, patches.length, "ceil(3 · 2048 / 256)");
            int[] hits = new int[2048];
            for (int[] p : patches) {
                assertEquals(256, p.length);
                assertEquals(256, Arrays.stream(p).distinct().count(), "a patch holds distinct points");
                for (int i : p) {
                    hits[i]++;
                }
            }
            assertEquals(0, Arrays.stream(hits).filter(h -> h == 0).count(), name + ": every point is in a patch");
            assertArrayEquals(patches, PatchSeeds.patches(xyz, 256, 3), name + ": deterministic");
        }
    }

    @Test
    void patchesAreTheNearestPointsOfFarthestPointSeeds() {
        double[] xyz = new SplittableRandom(11).doubles(3 * 300, -1, 1).toArray();
        int[][] patches = PatchSeeds.patches(xyz, 32, 2);
        int[] seeds = FarthestPointSampler.indices(xyz, 19, 0);
        assertEquals(19, patches.length, "ceil(2 · 300 / 32)");
        for (int j = 0; j < patches.length; j++) {
            int s = seeds[j];
            assertEquals(s, patches[j][0], "the seed comes first");
            double[] d = new double[300];
            for (int i = 0; i < 300; i++) {
                double dx = xyz[3 * i] - xyz[3 * s];
                double dy = xyz[3 * i + 1] - xyz[3 * s + 1];
                double dz = xyz[3 * i + 2] - xyz[3 * s + 2];
                d[i] = dx * dx + dy * dy + dz * dz;
            }
            double[] sorted = d.clone();
            Arrays.sort(sorted);
            for (int a = 0; a < 32; a++) {
                assertEquals(sorted[a], d[patches[j][a]], 0.0, "patch " + j + " rank " + a);
            }
        }
    }

    @Test
    void patchCountsAndSmallClouds() {
        assertEquals(24, PatchSeeds.patchCount(2048, 256, 3));
        assertEquals(1, PatchSeeds.patchCount(300, 256, 0.1));
        assertEquals(1, PatchSeeds.patchCount(256, 256, 3), "a cloud of exactly one patch");
        assertEquals(5, PatchSeeds.patchCount(5, 1, 10), "never more patches than points");
        double[] exact = new SplittableRandom(2).doubles(3 * 50, 0, 1).toArray();
        int[][] one = PatchSeeds.patches(exact, 50, 3);
        assertEquals(1, one.length);
        int[] sorted = one[0].clone();
        Arrays.sort(sorted);
        assertTrue(Arrays.equals(java.util.stream.IntStream.range(0, 50).toArray(), sorted), "all points");
        assertEquals("cloud has 100 points, fewer than the patch size 256", assertThrows(IllegalArgumentException.class,
                () -> PatchSeeds.patches(new double[300], 256, 3)).getMessage());
        assertEquals("coverage is not positive: 0.0",
                assertThrows(IllegalArgumentException.class, () -> PatchSeeds.patches(exact, 10, 0)).getMessage());
        assertEquals("patch size is not positive: 0",
                assertThrows(IllegalArgumentException.class, () -> PatchSeeds.patches(exact, 0, 3)).getMessage());
    }
}
