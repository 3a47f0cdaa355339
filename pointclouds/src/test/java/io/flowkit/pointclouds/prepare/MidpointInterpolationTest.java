package io.flowkit.pointclouds.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.PointCloudFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MidpointInterpolationTest {

    @Test
    void matchesTheBruteForceReferenceOnRandomClouds() {
        SplittableRandom random = new SplittableRandom(42);
        for (int ratio : new int[] {2, 3, 4}) {
            double[] xyz = random.doubles(3 * 150, -1, 1).toArray();
            double[] expected = NaiveMidpoints.interpolate(xyz, ratio);
            double[] actual = MidpointInterpolation.interpolate(xyz, ratio);
            assertEquals(150 * ratio, actual.length / 3);
            assertArrayEquals(expected, actual, 0.0, "ratio " + ratio);
        }
    }

    @Test
    void matchesTheReferenceOnTheOfficialFandiskInput() throws IOException {
        double[] xyz = PointCloudFolder.puganOfficial().read("fandisk").positions();
        double[] actual = MidpointInterpolation.interpolate(xyz, 4);
        assertEquals(8192, actual.length / 3);
        assertArrayEquals(NaiveMidpoints.interpolate(xyz, 4), actual, 0.0);
        assertEquals(0, PointArrays.duplicateCount(actual), "the interpolated points are distinct");
    }

    @Test
    void startsFromTheFirstPointAndIsDeterministic() {
        double[] xyz = new SplittableRandom(7).doubles(3 * 64, 0, 1).toArray();
        double[] out = MidpointInterpolation.interpolate(xyz, 2);
        assertArrayEquals(Arrays.copyOf(xyz, 3), Arrays.copyOf(out, 3), 0.0);
        assertArrayEquals(out, MidpointInterpolation.interpolate(xyz.clone(), 2), 0.0);
    }

    @Test
    void everyCandidateIsTheMidpointOfAPointAndOneOfItsNeighbours() {
        double[] xyz = new SplittableRandom(3).doubles(3 * 40, -2, 2).toArray();
        double[] candidates = MidpointInterpolation.candidates(xyz, 3);
        // Without coincidences: N self-midpoints, and between N (k-1) / 2 and N (k-1) pair midpoints.
        int m = candidates.length / 3;
        assertTrue(m >= 40 + 40 * 5 / 2 && m <= 40 * 6, "candidates: " + m);
        assertEquals(0, PointArrays.duplicateCount(candidates));
        List<double[]> expected = NaiveMidpoints.distinctMidpoints(xyz, 3);
        assertEquals(expected.size(), m);
        for (int i = 0; i < m; i++) {
            assertArrayEquals(expected.get(i), Arrays.copyOfRange(candidates, 3 * i, 3 * i + 3), 0.0);
        }
    }

    @Test
    void aRegularGridKeepsCoincidingMidpointsOnce() {
        // On a line of equally spaced points, the midpoint of i-1 and i+1 is point i itself.
        double[] line = new double[3 * 10];
        for (int i = 0; i < 10; i++) {
            line[3 * i] = i;
        }
        double[] candidates = MidpointInterpolation.candidates(line, 2);
        // Distinct midpoints on the line are the multiples of 0.5 from 0 to 9.
        assertEquals(19, candidates.length / 3);
        double[] x = new double[19];
        for (int i = 0; i < 19; i++) {
            x[i] = candidates[3 * i];
        }
        Arrays.sort(x);
        for (int i = 0; i < 19; i++) {
            assertEquals(0.5 * i, x[i], 0.0);
        }
        // 19 distinct midpoints cannot make 20 points.
        assertEquals("midpoint interpolation of 10 points at ratio 2 gives only 19 distinct midpoints, fewer than the 20 points "
                + "wanted: too many midpoints coincide (points on a regular grid?)",
                assertThrows(IllegalArgumentException.class, () -> MidpointInterpolation.interpolate(line, 2)).getMessage());
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        double[] ok = new SplittableRandom(1).doubles(3 * 20, 0, 1).toArray();
        assertEquals("ratio is less than 2: 1",
                assertThrows(IllegalArgumentException.class, () -> MidpointInterpolation.interpolate(ok, 1)).getMessage());
        assertEquals("cloud has 5 points, fewer than the 8 neighbours (k = 2 × ratio) that midpoint interpolation takes at ratio 4",
                assertThrows(IllegalArgumentException.class,
                        () -> MidpointInterpolation.interpolate(Arrays.copyOf(ok, 15), 4)).getMessage());
        double[] nan = ok.clone();
        nan[3 * 7 + 1] = Double.NaN;
        assertEquals("cloud point 7 has a non-finite coordinate: NaN",
                assertThrows(IllegalArgumentException.class, () -> MidpointInterpolation.interpolate(nan, 2)).getMessage());
        double[] inf = ok.clone();
        inf[3 * 19 + 2] = Double.NEGATIVE_INFINITY;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MidpointInterpolation.interpolate(inf, 2))
                .getMessage().startsWith("cloud point 19 "));
        assertEquals("cloud is empty",
                assertThrows(IllegalArgumentException.class, () -> MidpointInterpolation.interpolate(new double[0], 2)).getMessage());
        assertEquals("cloud length is not a multiple of 3 (interleaved xyz): 7",
                assertThrows(IllegalArgumentException.class, () -> MidpointInterpolation.interpolate(new double[7], 2)).getMessage());
    }

    @Test
    void duplicatePointsThatLeaveTooFewMidpointsAreNamed() {
        // 4 distinct points, each repeated 5 times: every point's 4 nearest neighbours are its own copies.
        double[] base = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] xyz = new double[3 * 20];
        for (int i = 0; i < 20; i++) {
            System.arraycopy(base, 3 * (i % 4), xyz, 3 * i, 3);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MidpointInterpolation.interpolate(xyz, 2));
        assertEquals("midpoint interpolation of 20 points at ratio 2 gives only 4 distinct midpoints, fewer than the 40 points "
                + "wanted: the cloud holds 16 duplicate points (points equal to an earlier one); remove them first", e.getMessage());
    }

    /** A direct transcription of the method: O(N²) neighbours, O(M²) deduplication, O(N r M) sampling. */
    static final class NaiveMidpoints {

        static double[] interpolate(double[] xyz, int ratio) {
            List<double[]> mids = distinctMidpoints(xyz, ratio);
            int target = xyz.length / 3 * ratio;
            double[] dist = new double[mids.size()];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            double[] out = new double[3 * target];
            int current = 0;
            for (int c = 0; c < target; c++) {
                double[] p = mids.get(current);
                System.arraycopy(p, 0, out, 3 * c, 3);
                int next = -1;
                double best = -1;
                for (int i = 0; i < mids.size(); i++) {
                    dist[i] = Math.min(dist[i], squared(mids.get(i), p));
                    if (dist[i] > best) {
                        best = dist[i];
                        next = i;
                    }
                }
                current = next;
            }
            return out;
        }

        static List<double[]> distinctMidpoints(double[] xyz, int ratio) {
            int n = xyz.length / 3;
            int k = 2 * ratio;
            List<double[]> mids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] pi = Arrays.copyOfRange(xyz, 3 * i, 3 * i + 3);
                Integer[] order = new Integer[n];
                for (int j = 0; j < n; j++) {
                    order[j] = j;
                }
                double[] d = new double[n];
                for (int j = 0; j < n; j++) {
                    d[j] = squared(pi, Arrays.copyOfRange(xyz, 3 * j, 3 * j + 3));
                }
                Arrays.sort(order, (a, b) -> d[a] != d[b] ? Double.compare(d[a], d[b]) : Integer.compare(a, b));
                for (int a = 0; a < k; a++) {
                    int j = order[a];
                    double[] m = new double[3];
                    for (int c = 0; c < 3; c++) {
                        m[c] = (xyz[3 * i + c] + xyz[3 * j + c]) / 2;
                    }
                    boolean seen = false;
                    for (double[] q : mids) {
                        if (q[0] == m[0] && q[1] == m[1] && q[2] == m[2]) {
                            seen = true;
                            break;
                        }
                    }
                    if (!seen) {
                        mids.add(m);
                    }
                }
            }
            return mids;
        }

        private static double squared(double[] a, double[] b) {
            double dx = a[0] - b[0];
            double dy = a[1] - b[1];
            double dz = a[2] - b[2];
            return dx * dx + dy * dy + dz * dz;
        }
    }

    @Test
    void theLocalVariantDoesNotBridgeAGapButStillGivesEveryPoint() {
        // A 12 x 12 grid sheet (spacing 0.1, jittered) and, 1.0 above it, two lone points: the lone
        // points' nearest neighbours are on the sheet, so plain interpolation puts midpoints in the air.
        SplittableRandom random = new SplittableRandom(3);
        List<Double> pts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                pts.add(0.1 * i + random.nextDouble(-0.01, 0.01));
                pts.add(0.1 * j + random.nextDouble(-0.01, 0.01));
                pts.add(0.0);
            }
        }
        pts.addAll(List.of(0.5, 0.5, 1.0, 0.65, 0.5, 1.0));
        double[] xyz = pts.stream().mapToDouble(Double::doubleValue).toArray();
        double[] plain = MidpointInterpolation.interpolate(xyz, 4);
        double[] local = MidpointInterpolation.interpolateLocal(xyz, 4);
        assertEquals(plain.length, local.length);
        assertEquals(local.length / 3, PointArrays.distinct(local).length / 3);
        assertTrue(inTheAir(plain) > 0, "plain interpolation bridges the gap");
        assertEquals(0, inTheAir(local), "no midpoint between sheet and lone points");
        // Where there is no gap (a uniform random cloud) both variants agree.
        double[] cube = new SplittableRandom(9).doubles(3 * 200, -1, 1).toArray();
        double[] a = MidpointInterpolation.interpolate(cube, 2);
        double[] b = MidpointInterpolation.interpolateLocal(cube, 2);
        assertEquals(a.length, b.length);
    }

    /** Points strictly between the sheet (z = 0) and the lone points (z = 1). */
    private static int inTheAir(double[] xyz) {
        int count = 0;
        for (int i = 2; i < xyz.length; i += 3) {
            if (xyz[i] > 0.1 && xyz[i] < 0.9) {
                count++;
            }
        }
        return count;
    }
}
