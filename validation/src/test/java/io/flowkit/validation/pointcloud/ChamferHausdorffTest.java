package io.flowkit.validation.pointcloud;

import static io.flowkit.validation.TestShapes.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.pointcloud.PointCloud;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChamferHausdorffTest {

    /** Squared nearest distances by testing all pairs, written independently of the library. */
    private static double[] naiveSquared(double[] from, double[] to) {
        double[] out = new double[from.length / 3];
        for (int i = 0; i < out.length; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < to.length / 3; j++) {
                double s = 0;
                for (int a = 0; a < 3; a++) {
                    double d = from[3 * i + a] - to[3 * j + a];
                    s += d * d;
                }
                best = Math.min(best, s);
            }
            out[i] = best;
        }
        return out;
    }

    private static double mean(double[] d) {
        double s = 0;
        for (double x : d) {
            s += x;
        }
        return s / d.length;
    }

    private static double max(double[] d) {
        double m = 0;
        for (double x : d) {
            m = Math.max(m, x);
        }
        return m;
    }

    @Test
    void indexedDistancesEqualBruteForceOnRandomAndDuplicatedClouds() {
        Random random = new Random(12);
        for (int trial = 0; trial < 6; trial++) {
            double[] a = gaussian(random, 500 + 300 * trial, 1 + trial, 0);
            double[] b = gaussian(random, 700, 2, 0.5 * trial);
            if (trial % 2 == 0) {
                System.arraycopy(b, 0, a, 0, 300); // shared points give zero distances and ties
            }
            assertArrayEquals(NearestDistances.bruteForce(a, b), NearestDistances.of(a, b), 1e-12);
        }
        // A grid makes many equidistant neighbours.
        double[] grid = new double[3 * 1000];
        for (int i = 0; i < 1000; i++) {
            grid[3 * i] = i % 10;
            grid[3 * i + 1] = (i / 10) % 10;
            grid[3 * i + 2] = i / 100;
        }
        double[] q = gaussian(random, 2000, 3, 4.5);
        assertArrayEquals(NearestDistances.bruteForce(q, grid), NearestDistances.of(q, grid), 1e-12);
    }

    @Test
    void conventionsMatchTheirDefinitions() {
        Random random = new Random(13);
        double[] pred = gaussian(random, 900, 1.0, 0.1);
        double[] truth = gaussian(random, 1300, 1.2, 0);
        double[] f = naiveSquared(pred, truth);
        double[] b = naiveSquared(truth, pred);
        assertEquals(mean(f) + mean(b), Chamfer.squaredSum(pred, truth), 1e-12);
        assertEquals((mean(f) + mean(b)) / 2, Chamfer.pufm(pred, truth), 1e-12);
        assertEquals(Math.sqrt(Math.max(max(f), max(b))), Hausdorff.symmetric(pred, truth), 1e-12);
        assertEquals(Math.sqrt(max(f)), Hausdorff.directed(pred, truth), 1e-12);
        double[] np = UnitSphere.normalise(pred);
        double[] nt = UnitSphere.normalise(truth);
        double[] nf = naiveSquared(np, nt);
        double[] nb = naiveSquared(nt, np);
        assertEquals(mean(nf) + mean(nb), Chamfer.puGan(pred, truth), 1e-12);
        assertEquals(max(nf) + max(nb), Hausdorff.puGan(pred, truth), 1e-12);
        CloudDistances d = CloudDistances.between(PointCloud.of(pred), PointCloud.of(truth));
        assertEquals(Chamfer.squaredSum(pred, truth), d.chamferSum(), 1e-15);
        assertEquals(Chamfer.puGan(pred, truth), Chamfer.puGan(PointCloud.of(pred), PointCloud.of(truth)), 1e-15);
    }

    @Test
    void analyticCasesAndInvariances() {
        double[] a = {0, 0, 0};
        double[] b = {3, 4, 0};
        assertEquals(50, Chamfer.squaredSum(a, b), 1e-12); // 25 + 25
        assertEquals(25, Chamfer.pufm(a, b), 1e-12);
        assertEquals(5, Hausdorff.symmetric(a, b), 1e-12);
        // A line of points against the same line shifted by 0.1 along y: every distance is 0.1.
        double[] line = new double[300];
        double[] shifted = new double[300];
        for (int i = 0; i < 100; i++) {
            line[3 * i] = i;
            shifted[3 * i] = i;
            shifted[3 * i + 1] = 0.1;
        }
        assertEquals(0.01, Chamfer.pufm(line, shifted), 1e-12);
        assertEquals(0.1, Hausdorff.symmetric(line, shifted), 1e-12);
        // Identical clouds are at distance zero in every convention.
        double[] c = gaussian(new Random(1), 400, 1, 0);
        assertEquals(0, Chamfer.puGan(c, c));
        assertEquals(0, Hausdorff.puGan(c, c));
        // The PU-GAN forms do not change when either cloud alone is moved or scaled.
        double[] d = gaussian(new Random(2), 500, 1, 0.3);
        double[] moved = d.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] = 7.5 * moved[i] + (i % 3 == 1 ? -4 : 2);
        }
        assertEquals(Chamfer.puGan(c, d), Chamfer.puGan(c, moved), 1e-12);
        assertEquals(Hausdorff.puGan(c, d), Hausdorff.puGan(c, moved), 1e-12);
        // The normalised cloud has centroid 0 and farthest point at distance 1.
        double[] n = UnitSphere.normalise(moved);
        double[] centroid = new double[3];
        double far = 0;
        for (int i = 0; i < n.length / 3; i++) {
            for (int k = 0; k < 3; k++) {
                centroid[k] += n[3 * i + k] / (n.length / 3);
            }
            far = Math.max(far, Math.sqrt(n[3 * i] * n[3 * i] + n[3 * i + 1] * n[3 * i + 1] + n[3 * i + 2] * n[3 * i + 2]));
        }
        assertArrayEquals(new double[3], centroid, 1e-12);
        assertEquals(1, far, 1e-12);
        // The Chamfer distance grows with a shift.
        double previous = -1;
        for (double s : new double[] {0, 0.05, 0.1, 0.2, 0.4}) {
            double v = Chamfer.pufm(gaussian(new Random(5), 600, 1, s), gaussian(new Random(5), 600, 1, 0));
            assertTrue(v > previous);
            previous = v;
        }
    }

    @Test
    void rejectsBadClouds() {
        double[] ok = {0, 0, 0, 1, 1, 1};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Chamfer.puGan(new double[0], ok))
                .getMessage().contains("predicted is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Chamfer.pufm(ok, new double[] {0, 0}))
                .getMessage().contains("truth length is not a multiple of 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hausdorff.symmetric(ok, new double[] {0, Double.NaN, 0}))
                .getMessage().contains("truth point 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Chamfer.puGan(new double[] {1, 1, 1, 1, 1, 1}, ok))
                .getMessage().contains("coincide"));
    }
}
