package io.flowkit.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class So3Test {

    private static double[] randomAxis(Random random) {
        double[] a = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        double n = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }

    private static void assertClose(double[] expected, double[] actual, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, "component " + i);
        }
    }

    @Test
    void uniformRotationsAreProperAndSpreadEvenly() {
        Random random = new Random(11);
        int n = 20000;
        double traceSum = 0;
        double[] axisSum = new double[3];
        for (int i = 0; i < n; i++) {
            double[] r = So3.fromUniforms(random.nextDouble(), random.nextDouble(), random.nextDouble());
            double[] rrt = So3.multiply(r, So3.transpose(r));
            for (int k = 0; k < 9; k++) {
                assertEquals(k % 4 == 0 ? 1 : 0, rrt[k], 1e-9);
            }
            double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                    + r[2] * (r[3] * r[7] - r[4] * r[6]);
            assertEquals(1, det, 1e-9);
            traceSum += r[0] + r[4] + r[8];
            for (int k = 0; k < 3; k++) {
                axisSum[k] += r[3 * k + 2];
            }
        }
        // Under the Haar measure E[trace R] = 0 and the image of a fixed axis has mean zero.
        assertEquals(0, traceSum / n, 0.03);
        for (double v : axisSum) {
            assertEquals(0, v / n, 0.02);
        }
        assertThrows(IllegalArgumentException.class, () -> So3.fromUniforms(1.5, 0, 0));
    }

    @Test
    void expIsAProperRotation() {
        Random random = new Random(11);
        for (int k = 0; k < 200; k++) {
            double[] axis = randomAxis(random);
            double angle = random.nextDouble() * 3 * Math.PI;
            double[] r = So3.exp(new double[] {angle * axis[0], angle * axis[1], angle * axis[2]});
            assertClose(So3.identity(), So3.multiply(So3.transpose(r), r), 1e-12);
            double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                    + r[2] * (r[3] * r[7] - r[4] * r[6]);
            assertEquals(1.0, det, 1e-12);
            // The axis is fixed by the rotation.
            assertClose(axis, So3.apply(r, axis), 1e-12);
        }
    }

    @Test
    void logInvertsExpOverTheWholeRangeIncludingNearZeroAndNearPi() {
        Random random = new Random(5);
        double[] angles = {0, 1e-9, 1e-5, 1e-3, 0.5, 1.0, 2.0, 3.0, Math.PI - 1e-2, Math.PI - 1e-4, Math.PI - 1e-7};
        for (double angle : angles) {
            for (int k = 0; k < 30; k++) {
                double[] axis = randomAxis(random);
                double[] w = {angle * axis[0], angle * axis[1], angle * axis[2]};
                double[] back = So3.log(So3.exp(w));
                assertClose(w, back, 1e-6 + 1e-9 * angle);
            }
        }
    }

    @Test
    void expOfLogIsIdentityAtExactlyPi() {
        Random random = new Random(9);
        for (int k = 0; k < 50; k++) {
            double[] axis = randomAxis(random);
            double[] r = So3.exp(new double[] {Math.PI * axis[0], Math.PI * axis[1], Math.PI * axis[2]});
            assertClose(r, So3.exp(So3.log(r)), 1e-9);
        }
    }

    @Test
    void matchesAKnownRotation() {
        // 90 degrees about z maps x to y.
        double[] r = So3.exp(new double[] {0, 0, Math.PI / 2});
        assertClose(new double[] {0, 1, 0}, So3.apply(r, new double[] {1, 0, 0}), 1e-15);
        assertEquals(Math.PI / 2, So3.angle(So3.identity(), r), 1e-15);
    }

    @Test
    void geodesicHasConstantSpeedAndHitsItsEnds() {
        Random random = new Random(3);
        double[] a = So3.exp(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
        double[] b = So3.exp(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
        double total = So3.angle(a, b);
        assertClose(a, So3.geodesic(a, b, 0), 1e-12);
        assertClose(b, So3.geodesic(a, b, 1), 1e-9);
        for (double t : new double[] {0.1, 0.3, 0.75}) {
            double[] mid = So3.geodesic(a, b, t);
            assertEquals(t * total, So3.angle(a, mid), 1e-9);
            assertEquals((1 - t) * total, So3.angle(mid, b), 1e-9);
        }
    }

    @Test
    void rejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> So3.exp(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> So3.log(new double[] {1, 0, 0, 0, 1, 0, 0, 0, Double.NaN}));
    }
}
