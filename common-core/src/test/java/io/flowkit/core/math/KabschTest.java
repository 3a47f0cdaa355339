package io.flowkit.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KabschTest {

    private static double[] randomPoints(Random random, int n, double scale) {
        double[] p = new double[3 * n];
        for (int i = 0; i < p.length; i++) {
            p[i] = scale * random.nextGaussian();
        }
        return p;
    }

    private static double[] randomRotation(Random random, double angle) {
        double[] a = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return So3.exp(new double[] {angle * a[0] / n, angle * a[1] / n, angle * a[2] / n});
    }

    private static double[] transform(double[] r, double[] t, double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i += 3) {
            double[] x = So3.apply(r, new double[] {p[i], p[i + 1], p[i + 2]});
            out[i] = x[0] + t[0];
            out[i + 1] = x[1] + t[1];
            out[i + 2] = x[2] + t[2];
        }
        return out;
    }

    /** RMSD of the points after rotating both about their (weighted) centroids: the naive objective. */
    private static double naiveRmsd(double[] r, double[] mobile, double[] target, double[] w) {
        int n = mobile.length / 3;
        double[] cm = new double[3];
        double[] ct = new double[3];
        double sw = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            sw += wi;
            for (int a = 0; a < 3; a++) {
                cm[a] += wi * mobile[3 * i + a];
                ct[a] += wi * target[3 * i + a];
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            double[] x = So3.apply(r, new double[] {
                mobile[3 * i] - cm[0] / sw, mobile[3 * i + 1] - cm[1] / sw, mobile[3 * i + 2] - cm[2] / sw});
            for (int a = 0; a < 3; a++) {
                double d = x[a] - (target[3 * i + a] - ct[a] / sw);
                sum += wi * d * d;
            }
        }
        return Math.sqrt(sum / sw);
    }

    private static double det(double[] r) {
        return r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                + r[2] * (r[3] * r[7] - r[4] * r[6]);
    }

    @Test
    void recoversKnownRotationsAndTranslationsIncludingHalfTurns() {
        Random random = new Random(17);
        double[] angles = {0, 1e-6, 0.3, 1.5, 3.0, Math.PI};
        for (double angle : angles) {
            for (int k = 0; k < 20; k++) {
                double[] r = randomRotation(random, angle);
                double[] t = {random.nextGaussian() * 5, random.nextGaussian() * 5, random.nextGaussian() * 5};
                double[] mobile = randomPoints(random, 12, 2.0);
                double[] target = transform(r, t, mobile);
                Superposition s = Kabsch.superpose(mobile, target);
                assertEquals(0, s.rmsd(), 1e-10);
                assertFalse(s.reflection());
                assertTrue(So3.angle(r, s.rotation()) < 1e-7, "angle " + angle);
                for (int a = 0; a < 3; a++) {
                    assertEquals(t[a], s.translation()[a], 1e-8);
                }
                double[] moved = s.apply(mobile);
                for (int i = 0; i < moved.length; i++) {
                    assertEquals(target[i], moved[i], 1e-9);
                }
            }
        }
    }

    @Test
    void noRandomRotationBeatsTheOptimumAndALocalSearchConvergesToIt() {
        Random random = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            double[] mobile = randomPoints(random, 15, 1.0);
            double[] target = transform(randomRotation(random, 2.0), new double[] {1, 2, 3}, mobile);
            for (int i = 0; i < target.length; i++) {
                target[i] += 0.3 * random.nextGaussian();
            }
            Superposition s = Kabsch.superpose(mobile, target);
            assertEquals(naiveRmsd(s.rotation(), mobile, target, null), s.rmsd(), 1e-12);
            // Brute force: random rotations never beat the optimum.
            double[] best = So3.identity();
            double bestRmsd = naiveRmsd(best, mobile, target, null);
            for (int k = 0; k < 20000; k++) {
                double[] r = randomRotation(random, Math.PI * Math.cbrt(random.nextDouble()));
                double v = naiveRmsd(r, mobile, target, null);
                assertTrue(v >= s.rmsd() - 1e-12);
                if (v < bestRmsd) {
                    bestRmsd = v;
                    best = r;
                }
            }
            // Naive refinement by shrinking random perturbations reaches the same minimum.
            for (double step = 0.2; step > 1e-7; step *= 0.7) {
                for (int k = 0; k < 60; k++) {
                    double[] r = So3.multiply(randomRotation(random, step * random.nextDouble()), best);
                    double v = naiveRmsd(r, mobile, target, null);
                    if (v < bestRmsd) {
                        bestRmsd = v;
                        best = r;
                    }
                }
            }
            assertEquals(s.rmsd(), bestRmsd, 1e-6);
            assertTrue(So3.angle(best, s.rotation()) < 1e-3);
        }
    }

    @Test
    void mirrorImageFitsOnlyWhenReflectionIsAllowed() {
        Random random = new Random(8);
        double[] mobile = randomPoints(random, 10, 1.5);
        double[] mirrored = mobile.clone();
        for (int i = 2; i < mirrored.length; i += 3) {
            mirrored[i] = -mirrored[i]; // z -> -z
        }
        double[] target = transform(randomRotation(random, 1.2), new double[] {0.5, -1, 2}, mirrored);
        Superposition proper = Kabsch.superpose(mobile, target);
        Superposition any = Kabsch.superposeAllowingReflection(mobile, target);
        assertTrue(proper.rmsd() > 0.1, "a chiral random set cannot be superposed onto its mirror image");
        assertEquals(1.0, det(proper.rotation()), 1e-12);
        assertEquals(0, any.rmsd(), 1e-10);
        assertTrue(any.reflection());
        assertEquals(-1.0, det(any.rotation()), 1e-12);
        // On a set that is not mirrored, allowing reflection returns the proper optimum.
        double[] plain = transform(randomRotation(random, 0.7), new double[] {0, 0, 1}, mobile);
        Superposition plainAny = Kabsch.superposeAllowingReflection(mobile, plain);
        assertFalse(plainAny.reflection());
        assertEquals(0, plainAny.rmsd(), 1e-10);
    }

    @Test
    void reflectionVariantIsNeverWorseAndMatchesBruteForceOverBothCosets() {
        Random random = new Random(21);
        for (int trial = 0; trial < 20; trial++) {
            double[] mobile = randomPoints(random, 6, 1.0);
            double[] target = randomPoints(random, 6, 1.0);
            Superposition proper = Kabsch.superpose(mobile, target);
            Superposition any = Kabsch.superposeAllowingReflection(mobile, target);
            assertTrue(any.rmsd() <= proper.rmsd() + 1e-12);
            // The improper optimum equals the proper optimum of the mirrored mobile set.
            double[] mirrored = mobile.clone();
            for (int i = 0; i < mirrored.length; i += 3) {
                mirrored[i] = -mirrored[i];
            }
            double improper = Kabsch.superpose(mirrored, target).rmsd();
            assertEquals(Math.min(proper.rmsd(), improper), any.rmsd(), 1e-12);
        }
    }

    @Test
    void weightsIgnoreOutliersWithZeroWeight() {
        Random random = new Random(4);
        double[] r = randomRotation(random, 1.0);
        double[] mobile = randomPoints(random, 8, 1.0);
        double[] target = transform(r, new double[] {3, 0, 0}, mobile);
        target[21] += 10; // point 7 is an outlier
        double[] w = {1, 1, 1, 1, 1, 1, 1, 0};
        Superposition weighted = Kabsch.superpose(mobile, target, w);
        assertEquals(0, weighted.rmsd(), 1e-10);
        assertTrue(So3.angle(r, weighted.rotation()) < 1e-8);
        assertTrue(Kabsch.superpose(mobile, target).rmsd() > 1);
        // Weighted objective is minimal against random rotations too.
        double[] w2 = new double[8];
        for (int i = 0; i < 8; i++) {
            w2[i] = random.nextDouble() * 3;
        }
        Superposition s = Kabsch.superpose(mobile, target, w2);
        assertEquals(naiveRmsd(s.rotation(), mobile, target, w2), s.rmsd(), 1e-12);
        for (int k = 0; k < 5000; k++) {
            assertTrue(naiveRmsd(randomRotation(random, Math.PI * random.nextDouble()), mobile, target, w2)
                    >= s.rmsd() - 1e-12);
        }
    }

    @Test
    void degenerateSetsStillGiveTheMinimalRmsd() {
        // Collinear points: rotation about the line is free; the RMSD must still be zero.
        double[] line = {0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0};
        double[] r = randomRotation(new Random(2), 2.5);
        double[] target = transform(r, new double[] {1, 1, 1}, line);
        assertEquals(0, Kabsch.superpose(line, target).rmsd(), 1e-10);
        // A single point and identical sets.
        assertEquals(0, Kabsch.superpose(new double[] {1, 2, 3}, new double[] {4, 5, 6}).rmsd(), 1e-15);
        double[] p = randomPoints(new Random(1), 5, 1);
        Superposition same = Kabsch.superpose(p, p);
        assertEquals(0, same.rmsd(), 1e-12);
        assertTrue(So3.angle(So3.identity(), same.rotation()) < 1e-8);
        // Planar points mapped by a half turn about an in-plane axis.
        double[] plane = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 2, 0.5, 0};
        double[] half = So3.exp(new double[] {Math.PI, 0, 0});
        assertEquals(0, Kabsch.superpose(plane, transform(half, new double[3], plane)).rmsd(), 1e-10);
    }

    @Test
    void badInputIsRejectedWithANamedReason() {
        double[] p = {0, 0, 0, 1, 1, 1};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Kabsch.superpose(new double[0], new double[0]))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Kabsch.superpose(p, new double[] {0, 0, 0}))
                .getMessage().contains("target"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Kabsch.superpose(new double[] {0, 0}, new double[] {0, 0}))
                .getMessage().contains("multiple of 3"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Kabsch.superpose(new double[] {0, Double.NaN, 0}, new double[] {0, 0, 0}))
                .getMessage().contains("mobile point 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Kabsch.superpose(p, p, new double[] {1, -1})).getMessage().contains("weight 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Kabsch.superpose(p, p, new double[] {0, 0})).getMessage().contains("sum to zero"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Kabsch.superpose(p, p, new double[] {1})).getMessage().contains("one per point"));
    }
}
