package io.flowkit.validation.distribution;

import static io.flowkit.validation.distribution.EnergyDistanceTest.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MmdTest {

    private static double k(double[] x, double[] y, double[] h) {
        double d2 = 0;
        for (int i = 0; i < x.length; i++) {
            d2 += (x[i] - y[i]) * (x[i] - y[i]);
        }
        double s = 0;
        for (double b : h) {
            s += Math.exp(-d2 / (2 * b * b));
        }
        return s / h.length;
    }

    /** Full kernel matrices, then the textbook formulas. */
    private static double naive(double[][] a, double[][] b, double[] h, boolean unbiased) {
        int m = a.length;
        int n = b.length;
        double aa = 0;
        double bb = 0;
        double ab = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (!unbiased || i != j) {
                    aa += k(a[i], a[j], h);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!unbiased || i != j) {
                    bb += k(b[i], b[j], h);
                }
            }
        }
        for (double[] x : a) {
            for (double[] y : b) {
                ab += k(x, y, h);
            }
        }
        return unbiased
                ? aa / (m * (m - 1.0)) + bb / (n * (n - 1.0)) - 2 * ab / (m * n)
                : aa / ((double) m * m) + bb / ((double) n * n) - 2 * ab / (m * n);
    }

    @Test
    void matchesTheNaiveEstimatorsOnRandomSets() {
        Random random = new Random(4);
        for (int trial = 0; trial < 5; trial++) {
            double[][] a = gaussian(random, 20 + trial, 3, 0);
            double[][] b = gaussian(random, 27, 3, 0.4 * trial);
            double[] h = {0.3, 1.0, 2.5};
            assertEquals(naive(a, b, new double[] {0.7}, true), Mmd.squaredGaussian(a, b, 0.7), 1e-12);
            assertEquals(naive(a, b, h, true), Mmd.builder().optBandwidths(h).build().compute(a, b).squared(), 1e-12);
            Mmd.Result biased = Mmd.builder().optBandwidths(h).optEstimator(Mmd.Estimator.BIASED).build().compute(a, b);
            assertEquals(naive(a, b, h, false), biased.squared(), 1e-12);
            assertTrue(biased.squared() >= 0);
            assertArrayEquals(h, biased.bandwidths());
        }
    }

    @Test
    void agreesWithThePopulationValueForGaussians() {
        // X ~ N(0, I_d), Y ~ N(mu e1, I_d), kernel exp(-|x-y|^2 / (2h^2)):
        // E k(X,X') = c, E k(X,Y) = c exp(-mu^2 / (2(h^2+2))), c = (h^2/(h^2+2))^{d/2}.
        int d = 2;
        double h = 1.5;
        double mu = 0.8;
        double c = Math.pow(h * h / (h * h + 2), d / 2.0);
        double expected = 2 * c * (1 - Math.exp(-mu * mu / (2 * (h * h + 2))));
        Random random = new Random(5);
        // The estimator's standard deviation at n = 1500 is about 0.009 here: average four draws.
        double estimate = 0;
        for (int k = 0; k < 4; k++) {
            estimate += Mmd.squaredGaussian(gaussian(random, 1500, d, 0), gaussian(random, 1500, d, mu), h) / 4;
        }
        assertEquals(expected, estimate, 0.15 * expected);
        double same = Mmd.squaredGaussian(gaussian(random, 1500, d, 0), gaussian(random, 1500, d, 0), h);
        assertEquals(0, same, 0.005);
    }

    @Test
    void growsWithTheShiftAndTheMedianHeuristicIsStated() {
        double previous = Double.NEGATIVE_INFINITY;
        for (double shift : new double[] {0, 0.5, 1, 2, 3}) {
            Mmd.Result r = Mmd.builder().build().compute(gaussian(new Random(1), 300, 2, 0), gaussian(new Random(2), 300, 2, shift));
            assertTrue(r.squared() > previous, "shift " + shift);
            assertEquals(1, r.bandwidths().length);
            previous = r.squared();
        }
        // Pooled N(0, I_2) samples: the median distance is sqrt(2 * 2 ln 2) ≈ 1.665 (Rayleigh median × √2).
        Random random = new Random(6);
        double median = Mmd.medianHeuristic(gaussian(random, 600, 2, 0), gaussian(random, 600, 2, 0));
        assertEquals(Math.sqrt(4 * Math.log(2)), median, 0.05);
        Mmd.Result scaled = Mmd.builder().optMedianHeuristic(0.5, 2).build()
                .compute(gaussian(new Random(1), 50, 2, 0), gaussian(new Random(2), 50, 2, 0));
        double m = Mmd.medianHeuristic(gaussian(new Random(1), 50, 2, 0), gaussian(new Random(2), 50, 2, 0));
        assertArrayEquals(new double[] {0.5 * m, 2 * m}, scaled.bandwidths(), 1e-15);
    }

    @Test
    void rejectsBadSettingsAndInput() {
        double[][] ok = {{0}, {1}, {2}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Mmd.squaredGaussian(ok, ok, 0))
                .getMessage().contains("bandwidth is not positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Mmd.builder().optBandwidths().build())
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Mmd.builder().optEstimator(null).build())
                .getMessage().contains("estimator"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Mmd.squaredGaussian(new double[][] {{0}}, ok, 1))
                .getMessage().contains("size of a"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Mmd.squaredGaussian(ok, new double[][] {{Double.POSITIVE_INFINITY}, {0}}, 1)).getMessage()
                .contains("b sample 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Mmd.medianHeuristic(new double[][] {{1}, {1}}, new double[][] {{1}})).getMessage().contains("zero"));
    }
}
