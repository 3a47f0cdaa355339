package io.flowkit.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SinkhornTest {

    private static double[] randomCost(int n, int m, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[m][2];
        for (double[] p : x) {
            p[0] = random.nextGaussian();
            p[1] = random.nextGaussian();
        }
        for (double[] p : y) {
            p[0] = random.nextGaussian() + 1;
            p[1] = random.nextGaussian();
        }
        double[] cost = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double dx = x[i][0] - y[j][0];
                double dy = x[i][1] - y[j][1];
                cost[i * m + j] = dx * dx + dy * dy;
            }
        }
        return cost;
    }

    @Test
    void planHasUniformMarginals() {
        int n = 12;
        int m = 9;
        double[] plan = Sinkhorn.of(0.1, 2000, 1e-10).plan(randomCost(n, m, 1), n, m);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += plan[i * m + j];
            }
            assertEquals(1.0 / n, s, 1e-8);
        }
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += plan[i * m + j];
            }
            assertEquals(1.0 / m, s, 1e-8);
        }
    }

    @Test
    void approachesTheExactAssignmentAsEpsilonShrinks() {
        int n = 10;
        double[] cost = randomCost(n, n, 3);
        int[] exact = LinearAssignment.minimize(cost, n, n);
        double exactCost = 0;
        for (int i = 0; i < n; i++) {
            exactCost += cost[i * n + exact[i]] / n;
        }
        double maxCost = java.util.Arrays.stream(cost).max().orElseThrow();
        double previousGap = Double.POSITIVE_INFINITY;
        for (double eps : new double[] {0.5, 0.1, 0.02, 0.005}) {
            double[] plan = Sinkhorn.of(eps, 20000, 1e-12).plan(cost, n, n);
            double planCost = 0;
            for (int k = 0; k < cost.length; k++) {
                planCost += plan[k] * cost[k];
            }
            double gap = planCost - exactCost;
            assertTrue(gap > -1e-9, "an entropic plan cannot beat the exact optimum: " + gap);
            assertTrue(gap < previousGap, "gap must shrink with epsilon: " + gap + " >= " + previousGap);
            // Entropic bound: <C, P_eps> - OT <= eps_abs (H(P_eps) - H(P*)) <= eps_abs log n.
            double bound = eps * maxCost * Math.log(n);
            assertTrue(gap <= bound + 1e-9, "gap " + gap + " exceeds the entropic bound " + bound);
            previousGap = gap;
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Sinkhorn.of(0, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> Sinkhorn.of(0.1, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sinkhorn.of(0.1, 10, 0).plan(new double[] {1, -1}, 1, 2));
        assertTrue(e.getMessage().contains("cost[0][1]"), e.getMessage());
        assertThrows(ArithmeticException.class,
                () -> Sinkhorn.of(1e-4, 10, 0).plan(new double[] {0, 1, 1, 0, 1, 1}, 2, 3));
    }
}
