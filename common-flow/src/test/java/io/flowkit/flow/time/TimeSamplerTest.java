package io.flowkit.flow.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.flow.random.SeededRandom;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Each sampler against its CDF by the Kolmogorov-Smirnov statistic. */
class TimeSamplerTest {

    private static final int N = 40_000;
    /** The KS statistic's 99.9% critical value for this sample size is about 1.95/√N ≈ 0.0098. */
    private static final double KS_LIMIT = 1.95 / Math.sqrt(N);

    private static double ks(float[] samples, DoubleUnaryOperator cdf) {
        double[] s = new double[samples.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = samples[i];
        }
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max(Math.abs(f - (double) i / s.length), Math.abs(f - (double) (i + 1) / s.length)));
        }
        return d;
    }

    private static void assertFollows(TimeSampler sampler, DoubleUnaryOperator cdf) {
        float[] t = sampler.sample(N, SeededRandom.of(17));
        for (float v : t) {
            assertTrue(v >= 0 && v <= 1, sampler.name() + " drew " + v);
        }
        double d = ks(t, cdf);
        assertTrue(d < KS_LIMIT, sampler.name() + " KS distance " + d);
    }

    @Test
    void uniformCosineLogitNormalAndUShapedFollowTheirDistributions() {
        assertFollows(TimeSampler.uniform(), t -> t);
        // t = 1 − cos(uπ/2) increases with u, so F(t) = P(u ≤ (2/π) acos(1 − t))
        assertFollows(TimeSampler.cosine(), t -> 2 / Math.PI * Math.acos(1 - t));
        // logit(t) ~ N(m, s²)
        assertFollows(TimeSampler.logitNormal(0.5, 0.8), t -> normalCdf((Math.log(t / (1 - t)) - 0.5) / 0.8));
        double a = 4;
        assertFollows(TimeSampler.uShaped(a), t -> (Math.sinh(a * (2 * t - 1)) + Math.sinh(a)) / (2 * Math.sinh(a)));
        // shifted uniform: t' = s t / (1 + (s − 1) t)  ⇔  t = t' / (s − (s − 1) t')
        double s = 3;
        assertFollows(TimeSampler.shifted(TimeSampler.uniform(), s), t -> t / (s - (s - 1) * t));
    }

    @Test
    void lossAdaptiveSamplesFollowTheNormalisedIntegralOfTheLoss() {
        double[] grid = {0, 0.25, 0.5, 0.75, 1};
        double[] loss = {4, 1, 0.5, 0.25, 2};
        PiecewiseLinearCdf cdf = PiecewiseLinearCdf.of(grid, loss);
        // A naive reference: integrate the piecewise-linear density with a fine trapezoid rule.
        DoubleUnaryOperator reference = t -> {
            int steps = 20_000;
            double total = 0;
            double upTo = 0;
            for (int i = 0; i < steps; i++) {
                double a = (double) i / steps;
                double b = (double) (i + 1) / steps;
                double area = 0.5 * (interpolate(grid, loss, a) + interpolate(grid, loss, b)) * (b - a);
                total += area;
                if (b <= t) {
                    upTo += area;
                }
            }
            return upTo / total;
        };
        for (double t : new double[] {0.1, 0.3, 0.6, 0.9}) {
            assertEquals(reference.applyAsDouble(t), cdf.cdf(t), 1e-3);
            assertEquals(t, cdf.inverse(cdf.cdf(t)), 1e-9);
        }
        assertFollows(TimeSampler.lossAdaptive(cdf), cdf::cdf);
    }

    private static double interpolate(double[] x, double[] y, double t) {
        for (int i = 0; i < x.length - 1; i++) {
            if (t <= x[i + 1]) {
                return y[i] + (y[i + 1] - y[i]) * (t - x[i]) / (x[i + 1] - x[i]);
            }
        }
        return y[y.length - 1];
    }

    private static double normalCdf(double z) {
        // Abramowitz-Stegun 7.1.26 through erf, accurate to 1.5e-7.
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-x * x);
        return 0.5 * (1 + Math.signum(z) * erf);
    }

    @Test
    void aConstantSamplerAlwaysGivesItsTime() {
        float[] t = TimeSampler.byName("constant:0.25").sample(7, SeededRandom.of(3));
        for (float v : t) {
            assertEquals(0.25f, v);
        }
        assertEquals(0f, TimeSampler.constant(0).sample(1, SeededRandom.of(1))[0]);
        assertThrows(IllegalArgumentException.class, () -> TimeSampler.constant(1.5));
        assertThrows(IllegalArgumentException.class, () -> TimeSampler.byName("constant"));
    }

    @Test
    void namesParseAndBadSettingsAreRejected() {
        assertEquals("u-shaped:4.0", TimeSampler.byName("u-shaped").name());
        assertEquals("logit-normal:0.0,1.0@3.0", TimeSampler.byName("logit-normal:0,1@3").name());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> TimeSampler.byName("beta"));
        assertTrue(unknown.getMessage().contains("unknown time sampler: beta"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeSampler.logitNormal(0, -1));
        assertThrows(IllegalArgumentException.class, () -> TimeSampler.uShaped(0));
        assertThrows(IllegalArgumentException.class, () -> PiecewiseLinearCdf.of(new double[] {0, 1}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> PiecewiseLinearCdf.of(new double[] {0, 0.5}, new double[] {1, 1}));
    }

    @Test
    void theSameSeedGivesTheSameTimes() {
        TimeSampler s = TimeSampler.logitNormal(0, 1);
        assertEquals(Arrays.toString(s.sample(10, SeededRandom.of(5))), Arrays.toString(s.sample(10, SeededRandom.of(5))));
        assertTrue(!Arrays.equals(s.sample(10, SeededRandom.of(5)), s.sample(10, SeededRandom.of(6))));
    }
}
