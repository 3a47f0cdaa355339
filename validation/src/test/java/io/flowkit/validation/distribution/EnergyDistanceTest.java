package io.flowkit.validation.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnergyDistanceTest {

    static double[][] gaussian(Random random, int n, int d, double shift) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = random.nextGaussian() + (k == 0 ? shift : 0);
            }
        }
        return x;
    }

    /** In one dimension the V-statistic equals 2 ∫ (F_a − F_b)² dx of the empirical CDFs. */
    private static double viaCdfs(double[][] a, double[][] b) {
        double[] all = new double[a.length + b.length];
        double[] sa = new double[a.length];
        double[] sb = new double[b.length];
        for (int i = 0; i < a.length; i++) {
            sa[i] = a[i][0];
            all[i] = a[i][0];
        }
        for (int j = 0; j < b.length; j++) {
            sb[j] = b[j][0];
            all[a.length + j] = b[j][0];
        }
        Arrays.sort(all);
        Arrays.sort(sa);
        Arrays.sort(sb);
        double integral = 0;
        int ia = 0;
        int ib = 0;
        for (int k = 0; k + 1 < all.length; k++) {
            while (ia < sa.length && sa[ia] <= all[k]) {
                ia++;
            }
            while (ib < sb.length && sb[ib] <= all[k]) {
                ib++;
            }
            double diff = ia / (double) sa.length - ib / (double) sb.length;
            integral += diff * diff * (all[k + 1] - all[k]);
        }
        return 2 * integral;
    }

    private static double naiveUnbiased(double[][] a, double[][] b) {
        double ab = 0;
        for (double[] x : a) {
            for (double[] y : b) {
                ab += dist(x, y);
            }
        }
        double aa = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a.length; k++) {
                aa += i == k ? 0 : dist(a[i], a[k]);
            }
        }
        double bb = 0;
        for (int i = 0; i < b.length; i++) {
            for (int k = 0; k < b.length; k++) {
                bb += i == k ? 0 : dist(b[i], b[k]);
            }
        }
        int m = a.length;
        int n = b.length;
        return 2 * ab / (m * n) - aa / (m * (m - 1.0)) - bb / (n * (n - 1.0));
    }

    private static double dist(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += (x[k] - y[k]) * (x[k] - y[k]);
        }
        return Math.sqrt(s);
    }

    @Test
    void matchesTheCdfFormulaInOneDimension() {
        Random random = new Random(1);
        for (int trial = 0; trial < 10; trial++) {
            double[][] a = gaussian(random, 30 + trial * 7, 1, 0);
            double[][] b = gaussian(random, 41, 1, 0.3 * trial);
            assertEquals(viaCdfs(a, b), EnergyDistance.between(a, b), 1e-10);
        }
    }

    @Test
    void unbiasedMatchesNaiveReferenceInSeveralDimensions() {
        Random random = new Random(2);
        double[][] a = gaussian(random, 25, 4, 0);
        double[][] b = gaussian(random, 33, 4, 1);
        assertEquals(naiveUnbiased(a, b), EnergyDistance.unbiased(a, b), 1e-10);
        // Large sets take the parallel path; it must agree with the naive sum too.
        double[][] c = gaussian(random, 1200, 2, 0);
        double[][] d = gaussian(random, 1000, 2, 0.2);
        assertEquals(naiveUnbiased(c, d), EnergyDistance.unbiased(c, d), 1e-9);
    }

    @Test
    void nearZeroForOneDistributionAndMatchesThePopulationValueForAShift() {
        Random random = new Random(3);
        double same = EnergyDistance.unbiased(gaussian(random, 1500, 1, 0), gaussian(random, 1500, 1, 0));
        assertEquals(0, same, 0.01);
        // X ~ N(0,1), Y ~ N(mu,1): E|X−Y| with X−Y ~ N(−mu, 2), E|X−X'| = 2/√π.
        double mu = 1.0;
        double s = Math.sqrt(2);
        double eXY = s * Math.sqrt(2 / Math.PI) * Math.exp(-mu * mu / (2 * s * s)) + mu * (1 - 2 * phi(-mu / s));
        double expected = 2 * eXY - 2 * (2 / Math.sqrt(Math.PI));
        double estimate = EnergyDistance.unbiased(gaussian(random, 2000, 1, 0), gaussian(random, 2000, 1, mu));
        assertEquals(expected, estimate, 0.03);
        // It grows with the shift.
        double previous = -1;
        for (double shift : new double[] {0.0, 0.5, 1.0, 2.0, 4.0}) {
            double e = EnergyDistance.between(gaussian(new Random(9), 400, 3, 0), gaussian(new Random(10), 400, 3, shift));
            assertTrue(e > previous, "shift " + shift);
            previous = e;
        }
    }

    private static double phi(double x) {
        // Standard normal CDF by the Abramowitz-Stegun erf approximation 7.1.26 (error < 1.5e-7).
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    @Test
    void rejectsBadInputNamingTheArgument() {
        double[][] ok = {{0, 0}, {1, 1}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EnergyDistance.between(new double[0][], ok))
                .getMessage().contains("a is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EnergyDistance.between(ok, new double[][] {{0, 0, 0}}))
                .getMessage().contains("dimension"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EnergyDistance.between(ok, new double[][] {{0, Double.NaN}})).getMessage().contains("b sample 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EnergyDistance.between(new double[][] {{0, 0}, {1}}, ok)).getMessage().contains("ragged"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> EnergyDistance.unbiased(new double[][] {{0, 0}}, ok)).getMessage().contains("size of a"));
    }
}
