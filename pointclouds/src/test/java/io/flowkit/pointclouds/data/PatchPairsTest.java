package io.flowkit.pointclouds.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.PointCloudFolder;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.prepare.PointArrays;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PatchPairsTest {

    @Test
    void buildsNormalisedMatchedPatchesFromAProtocolShape() throws IOException {
        ShapeSample cow = PuProtocol.load("cow", 4, 1);
        List<UpsamplingPatch> patches = PatchPairs.build(cow, 256, 4, 2, 5);
        assertEquals(2, patches.size());
        double[] input = cow.input();
        double[] truth = cow.truth();
        for (UpsamplingPatch p : patches) {
            assertEquals(256, p.sparse().length / 3);
            assertEquals(1024, p.interpolated().length / 3);
            assertEquals(1024, p.truth().length / 3);
            assertEquals(4, p.ratio());
            assertEquals(1, maxRadius(p.sparse()), 1e-12, "the sparse patch fits the unit sphere");
            assertArrayEquals(new double[3], PointArrays.centroid(p.sparse()), 1e-12);
            assertArrayEquals(MidpointInterpolation.interpolateLocal(p.sparse(), 4), p.interpolated(), 0.0);
            // The sparse patch maps back onto the 256 input points nearest its first point (the seed).
            double[] back = p.normalisation().invert(p.sparse());
            int[] nearest = NearestNeighbors.of(input).kNearest(back[0], back[1], back[2], 256);
            assertArrayEquals(sortedRows(PointArrays.gather(input, nearest)), sortedRows(back), 1e-12);
            // The truth is a permutation of the 1,024 truth points nearest the same seed, normalised the same way.
            int[] dense = NearestNeighbors.of(truth).kNearest(back[0], back[1], back[2], 1024);
            double[] expected = p.normalisation().apply(PointArrays.gather(truth, dense));
            assertArrayEquals(sortedRows(expected), sortedRows(p.truth()), 0.0);
            // Matched: no cheaper than the optimum, and much cheaper than the order of the nearest-neighbour search.
            double matched = PointMatching.meanSquaredDistance(p.interpolated(), p.truth());
            double unmatched = PointMatching.meanSquaredDistance(p.interpolated(), expected);
            assertTrue(matched < 0.1 * unmatched, matched + " vs " + unmatched);
            assertArrayEquals(p.truth(), PointMatching.matched(p.interpolated(), p.truth()), 0.0, "already optimal");
        }
        assertNotEquals(patches.get(0).normalisation(), patches.get(1).normalisation(), "different places");
    }

    @Test
    void theAssignmentOfATinyPatchIsOptimalAgainstBruteForce() {
        SplittableRandom random = new SplittableRandom(8);
        double[] input = random.doubles(3 * 30, -1, 1).toArray();
        double[] truth = random.doubles(3 * 90, -1, 1).toArray();
        UpsamplingPatch p = PatchPairs.patch(input, truth, 3, 4, 2);
        assertEquals(8, p.truth().length / 3);
        double best = PointMatchingTest.bestOverAllPermutations(p.interpolated(), p.truth());
        assertEquals(best, PointMatching.meanSquaredDistance(p.interpolated(), p.truth()), 1e-12);
        assertArrayEquals(Arrays.copyOfRange(input, 9, 12), p.normalisation().invert(Arrays.copyOf(p.sparse(), 3)), 1e-12,
                "the seed point comes first");
    }

    @Test
    void isSeededAndRoundTrips() {
        SplittableRandom random = new SplittableRandom(2);
        double[] input = random.doubles(3 * 200, -1, 1).toArray();
        double[] truth = random.doubles(3 * 800, -1, 1).toArray();
        List<UpsamplingPatch> a = PatchPairs.fromPair("cube", input, truth, 32, 4, 3, 7);
        assertEquals(a, PatchPairs.fromPair("cube", input, truth, 32, 4, 3, 7));
        assertNotEquals(a, PatchPairs.fromPair("cube", input, truth, 32, 4, 3, 8));
        for (UpsamplingPatch p : a) {
            assertArrayEquals(p.truth(), p.normalisation().apply(p.normalisation().invert(p.truth())), 1e-12);
        }
    }

    @Test
    void pairsFromAPuNetCloudUseAFarthestPointQuarterAsInput() throws IOException {
        PointCloud chair = PointCloudFolder.punetMc5k().read("chair");
        assertTrue(chair.hasNormals());
        double[] sparse = PatchPairs.sparseFromCloud(chair.positions(), 4, 3);
        assertEquals(1250, sparse.length / 3);
        Set<List<Double>> dense = rows(chair.positions());
        assertTrue(dense.containsAll(rows(sparse)), "the sparse input is a subset of the cloud");
        List<UpsamplingPatch> patches = PatchPairs.fromCloud("chair", chair, 256, 4, 2, 3);
        assertEquals(2, patches.size());
        for (UpsamplingPatch p : patches) {
            assertEquals(1024, p.truth().length / 3);
            double[] back = p.normalisation().invert(p.truth());
            NearestNeighbors index = NearestNeighbors.of(chair.positions());
            for (double d : index.nearestDistances(back)) {
                assertTrue(d < 1e-12, "truth points come from the cloud: " + d);
            }
        }
    }

    @Test
    void rejectsSizesThatDoNotFit() {
        double[] input = new SplittableRandom(1).doubles(3 * 100, -1, 1).toArray();
        double[] truth = new SplittableRandom(2).doubles(3 * 300, -1, 1).toArray();
        assertEquals("cube: ground truth has 300 points, fewer than the 400 of a truth patch (patch size 100 × ratio 4)",
                assertThrows(IllegalArgumentException.class, () -> PatchPairs.fromPair("cube", input, truth, 100, 4, 1, 0)).getMessage());
        assertEquals("cube: input has 100 points, fewer than the patch size 128",
                assertThrows(IllegalArgumentException.class, () -> PatchPairs.fromPair("cube", input, truth, 128, 2, 1, 0)).getMessage());
        assertEquals("patch size 6 is less than the 8 neighbours that midpoint interpolation takes at ratio 4",
                assertThrows(IllegalArgumentException.class, () -> PatchPairs.fromPair("cube", input, truth, 6, 4, 1, 0)).getMessage());
        assertEquals("cube: number of patches is not in 1..100: 0",
                assertThrows(IllegalArgumentException.class, () -> PatchPairs.fromPair("cube", input, truth, 16, 4, 0, 0)).getMessage());
    }

    private static double maxRadius(double[] xyz) {
        double far = 0;
        for (int i = 0; i < xyz.length / 3; i++) {
            far = Math.max(far, Math.sqrt(xyz[3 * i] * xyz[3 * i] + xyz[3 * i + 1] * xyz[3 * i + 1] + xyz[3 * i + 2] * xyz[3 * i + 2]));
        }
        return far;
    }

    private static double[] sortedRows(double[] xyz) {
        int n = xyz.length / 3;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(xyz, 3 * i, 3 * i + 3);
        }
        Arrays.sort(rows, Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1]).thenComparingDouble(r -> r[2]));
        double[] out = new double[xyz.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, out, 3 * i, 3);
        }
        return out;
    }

    private static Set<List<Double>> rows(double[] xyz) {
        Set<List<Double>> out = new HashSet<>();
        for (int i = 0; i < xyz.length / 3; i++) {
            out.add(List.of(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]));
        }
        return out;
    }
}
