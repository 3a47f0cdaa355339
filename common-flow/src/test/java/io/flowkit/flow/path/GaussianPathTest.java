package io.flowkit.flow.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.Solution;
import io.flowkit.flow.solve.VelocityFunction;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Source N(0, I), data N(μ, s²I), independent coupling: the marginal velocity of an affine path is
 * {@code u(x, t) = α'μ + (αα's² + σσ')/(α²s² + σ²) · (x − αμ)} and its flow maps each source point
 * z to μ + s·z exactly.
 */
class GaussianPathTest {

    private static final double MU_X = 3.0;
    private static final double MU_Y = -1.0;
    private static final double S = 0.5;
    private static final List<Scheduler> SCHEDULERS =
            List.of(Scheduler.linear(), Scheduler.cosine(), Scheduler.polynomial(2), Scheduler.vp());

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = FlowEngine.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static double slope(Scheduler sc, double t) {
        double a = sc.alpha(t);
        double s = sc.sigma(t);
        return (a * sc.alphaDerivative(t) * S * S + s * sc.sigmaDerivative(t)) / (a * a * S * S + s * s);
    }

    private static VelocityFunction exactField(Scheduler sc) {
        return (x, t) -> {
            double a = sc.alpha(t);
            double da = sc.alphaDerivative(t);
            NDArray mu = x.getManager().create(new double[] {MU_X, MU_Y}, new Shape(1, 2));
            return x.sub(mu.mul(a)).mul(slope(sc, t)).add(mu.mul(da));
        };
    }

    @Test
    void pathTargetsRegressToTheClosedFormMarginalVelocity() {
        SeededRandom random = SeededRandom.of(42);
        int n = 200_000;
        for (Scheduler sc : SCHEDULERS) {
            AffinePath path = AffinePath.of(sc);
            for (double t : new double[] {0.2, 0.5, 0.8}) {
                float[] x0 = random.gaussian(n);
                float[] x1 = new float[n];
                for (int i = 0; i < n; i++) {
                    x1[i] = (float) (MU_X + S * random.nextGaussian());
                }
                float[] times = new float[n];
                java.util.Arrays.fill(times, (float) t);
                HostPathSample sample = path.sample(x0, x1, times);
                // Least squares fit u ≈ c + b·x over the samples: E[u | x] is affine in x.
                double mx = 0;
                double mu = 0;
                for (int i = 0; i < n; i++) {
                    mx += sample.xt()[i];
                    mu += sample.ut()[i];
                }
                mx /= n;
                mu /= n;
                double sxx = 0;
                double sxu = 0;
                for (int i = 0; i < n; i++) {
                    double dx = sample.xt()[i] - mx;
                    sxx += dx * dx;
                    sxu += dx * (sample.ut()[i] - mu);
                }
                double fitted = sxu / sxx;
                double tt = (float) t;
                double expectedIntercept = sc.alphaDerivative(tt) * MU_X - slope(sc, tt) * sc.alpha(tt) * MU_X;
                assertEquals(slope(sc, tt), fitted, 0.02 * Math.max(1, Math.abs(slope(sc, tt))), sc.name() + " slope at t=" + t);
                assertEquals(expectedIntercept, mu - fitted * mx, 0.03 * Math.max(1, Math.abs(expectedIntercept)),
                        sc.name() + " intercept at t=" + t);
            }
        }
    }

    @Test
    void integratingTheMarginalVelocityTransportsEachSourcePointExactly() {
        SeededRandom random = SeededRandom.of(7);
        int n = 500;
        double[] z = new double[2 * n];
        for (int i = 0; i < z.length; i++) {
            z[i] = random.nextGaussian();
        }
        for (Scheduler sc : SCHEDULERS) {
            // VP starts at α₀ ≈ 0.007, not 0: start from the exact t = 0 marginal point m₀ + sd₀·z.
            double a0 = sc.alpha(0);
            double sd0 = Math.sqrt(a0 * a0 * S * S + sc.sigma(0) * sc.sigma(0));
            double[] start = new double[2 * n];
            for (int i = 0; i < n; i++) {
                start[2 * i] = a0 * MU_X + sd0 * z[2 * i];
                start[2 * i + 1] = a0 * MU_Y + sd0 * z[2 * i + 1];
            }
            try (NDManager scope = manager.newSubManager()) {
                NDArray x0 = scope.create(start, new Shape(n, 2));
                // The VP velocity diverges at t = 1 (σ' → −∞); stop just short of it.
                double end = sc.name().startsWith("vp") ? 1 - 1e-6 : 1;
                Solution s = OdeSolver.dopri5(1e-9, 1e-9).solve(exactField(sc), x0, TimeGrid.of(0, end));
                double[] x1 = s.state().toDoubleArray();
                double worst = 0;
                double meanX = 0;
                for (int i = 0; i < n; i++) {
                    worst = Math.max(worst, Math.abs(x1[2 * i] - (MU_X + S * z[2 * i])));
                    worst = Math.max(worst, Math.abs(x1[2 * i + 1] - (MU_Y + S * z[2 * i + 1])));
                    meanX += x1[2 * i] / n;
                }
                assertTrue(worst < 1e-3, sc.name() + ": largest deviation from μ + s·z is " + worst);
                assertEquals(MU_X, meanX, 0.1, sc.name() + " mean");
            }
        }
    }

    @Test
    void conversionsRecoverTheTrueVelocityDataAndNoise() {
        SeededRandom random = SeededRandom.of(3);
        int n = 64;
        for (Scheduler sc : SCHEDULERS) {
            AffinePath path = AffinePath.of(sc);
            float[] x0 = random.gaussian(2 * n);
            float[] x1 = random.gaussian(2 * n);
            float[] t = new float[n];
            for (int i = 0; i < n; i++) {
                t[i] = (float) (0.05 + 0.9 * random.nextDouble());
            }
            HostPathSample sample = path.sample(x0, x1, t);
            try (NDManager scope = manager.newSubManager()) {
                Shape shape = new Shape(n, 2);
                NDArray xt = scope.create(sample.xt(), shape);
                NDArray v = scope.create(sample.ut(), shape);
                NDArray data = scope.create(x1, shape);
                NDArray noise = scope.create(x0, shape);
                NDArray[] truth = {v, data, noise};
                Parameterization[] kinds = Parameterization.values();
                for (int from = 0; from < 3; from++) {
                    for (int to = 0; to < 3; to++) {
                        NDArray converted = path.convert(truth[from], kinds[from], kinds[to], xt, t);
                        float worst = converted.sub(truth[to]).abs().max().getFloat();
                        assertTrue(worst < 2e-3, sc.name() + " " + kinds[from] + " -> " + kinds[to] + " off by " + worst);
                    }
                }
            }
        }
    }

    @Test
    void undefinedConversionsAndBadInputAreRejectedWithTheirReason() {
        AffinePath path = AffinePath.linear();
        IllegalArgumentException atZero = assertThrows(IllegalArgumentException.class,
                () -> path.conversion(Parameterization.NOISE, Parameterization.DATA, 0));
        assertTrue(atZero.getMessage().contains("undefined at t = 0"), atZero.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> path.sample(new float[] {0, Float.NaN}, new float[] {1, 1}, new float[] {0.5f}));
        assertTrue(nan.getMessage().contains("non-finite"), nan.getMessage());
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> path.sample(new float[] {0, 0}, new float[] {1, 1, 1}, new float[] {0.5f}));
        assertTrue(lengths.getMessage().contains("differ in length"), lengths.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> path.sample(new float[] {0}, new float[] {1}, new float[] {1.5f}));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Scheduler.byName("sigmoid"));
        assertTrue(name.getMessage().contains("unknown scheduler: sigmoid"), name.getMessage());
    }

    @Test
    void schedulesMeetTheirBoundaryConditionsAndDerivatives() {
        for (Scheduler sc : SCHEDULERS) {
            assertEquals(1, sc.alpha(1), 1e-12, sc.name());
            assertEquals(0, sc.sigma(1), 1e-6, sc.name());
            assertEquals(0, sc.alpha(0), 0.01, sc.name());
            assertEquals(1, sc.sigma(0), 1e-4, sc.name());
            for (double t : new double[] {0.1, 0.4, 0.9}) {
                double h = 1e-6;
                assertEquals((sc.alpha(t + h) - sc.alpha(t - h)) / (2 * h), sc.alphaDerivative(t), 1e-5, sc.name());
                assertEquals((sc.sigma(t + h) - sc.sigma(t - h)) / (2 * h), sc.sigmaDerivative(t), 1e-5, sc.name());
            }
        }
    }
}
