package io.flowkit.flow.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.VelocityFunction;
import io.flowkit.flow.time.PiecewiseLinearCdf;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TimeGridTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = FlowEngine.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** A curved flow: rotation at angular speed 12t³, so the state turns by 3t⁴; most turning happens late. */
    private static final VelocityFunction CURVED = (x, t) -> {
        NDArray swapped = x.flip(1).mul(x.getManager().create(new float[] {-1, 1}));
        return swapped.mul((float) (12 * t * t * t));
    };

    private static double eulerError(TimeGrid grid, float[] start) {
        try (NDManager scope = manager.newSubManager()) {
            int n = start.length / 2;
            NDArray x0 = scope.create(start, new Shape(n, 2));
            float[] got = OdeSolver.euler().solve(CURVED, x0, grid).state().toFloatArray();
            double angle = 3.0;
            double err = 0;
            for (int i = 0; i < n; i++) {
                double ex = Math.cos(angle) * start[2 * i] - Math.sin(angle) * start[2 * i + 1];
                double ey = Math.sin(angle) * start[2 * i] + Math.cos(angle) * start[2 * i + 1];
                err += ((got[2 * i] - ex) * (got[2 * i] - ex) + (got[2 * i + 1] - ey) * (got[2 * i + 1] - ey)) / n;
            }
            return err;
        }
    }

    @Test
    void bellmanOptimalStepsBeatUniformStepsOfTheSameCountOnACurvedFlow() {
        float[] start = SeededRandom.of(8).gaussian(2 * 256);
        for (int steps : new int[] {4, 8, 16}) {
            TimeGrid boss;
            try (NDManager scope = manager.newSubManager()) {
                boss = BellmanOptimalSteps.compute(CURVED, scope.create(start, new Shape(256, 2)), 200, steps);
            }
            assertEquals(steps, boss.steps());
            double uniform = eulerError(TimeGrid.uniform(steps), start);
            double optimal = eulerError(boss, start);
            assertTrue(optimal < 0.7 * uniform, steps + " steps: BOSS error " + optimal + " vs uniform " + uniform);
            // The flow turns fastest near t = 1, so BOSS must put its steps there.
            assertTrue(boss.time(steps / 2) > 0.5, "BOSS grid " + boss);
        }
    }

    @Test
    void dynamicProgrammingFindsTheCheapestPathByEnumeration() {
        Random random = new Random(4);
        int n = 9;
        double[][] cost = new double[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = i + 1; j <= n; j++) {
                cost[i][j] = random.nextDouble() * (j - i);
            }
        }
        for (int k = 1; k <= 4; k++) {
            TimeGrid grid = BellmanOptimalSteps.fromCosts(cost, k);
            double chosen = 0;
            for (int s = 0; s < k; s++) {
                chosen += cost[(int) Math.round(grid.time(s) * n)][(int) Math.round(grid.time(s + 1) * n)];
            }
            assertEquals(cheapest(cost, 0, n, k), chosen, 1e-12, k + " steps");
        }
    }

    private static double cheapest(double[][] cost, int from, int to, int steps) {
        if (steps == 1) {
            return cost[from][to];
        }
        double best = Double.POSITIVE_INFINITY;
        for (int mid = from + 1; mid <= to - steps + 1; mid++) {
            best = Math.min(best, cost[from][mid] + cheapest(cost, mid, to, steps - 1));
        }
        return best;
    }

    @Test
    void uniformCosineAndCdfGridsRunFromZeroToOne() {
        TimeGrid uniform = TimeGrid.uniform(4);
        assertEquals(0.25, uniform.time(1), 1e-15);
        TimeGrid cosine = TimeGrid.cosine(4);
        assertEquals(1 - Math.cos(Math.PI / 8), cosine.time(1), 1e-15);
        assertTrue(cosine.time(1) - cosine.time(0) < cosine.time(4) - cosine.time(3), "cosine steps grow");
        // A loss profile that is high at t = 0 puts the CDF grid's first steps close together.
        PiecewiseLinearCdf cdf = PiecewiseLinearCdf.of(new double[] {0, 0.5, 1}, new double[] {10, 1, 1});
        TimeGrid adaptive = TimeGrid.fromCdf(cdf, 6);
        assertEquals(0, adaptive.start());
        assertEquals(1, adaptive.end());
        assertTrue(adaptive.time(1) < 1.0 / 6, "first step " + adaptive.time(1));
        for (int i = 0; i <= 6; i++) {
            assertEquals((double) i / 6, cdf.cdf(adaptive.time(i)), 1e-9);
        }
    }

    @Test
    void malformedGridsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0, 0.5, 0.5, 1));
        assertTrue(e.getMessage().contains("not strictly monotone at index 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.of(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TimeGrid.uniform(0));
        assertEquals(2, TimeGrid.of(1, 0.5, 0).steps(), "a decreasing grid integrates backwards");
    }
}
