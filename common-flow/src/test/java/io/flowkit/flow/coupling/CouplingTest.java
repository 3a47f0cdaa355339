package io.flowkit.flow.coupling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.flow.random.SeededRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CouplingTest {

    private static double pairedCost(float[] x0, float[] x1, int size) {
        double s = 0;
        for (int k = 0; k < x0.length; k++) {
            double d = x0[k] - x1[k];
            s += d * d;
        }
        return s / (x0.length / size);
    }

    /** The least mean squared distance over all permutations of the source batch. */
    private static double bruteForce(float[] x0, float[] x1, int batch, int size) {
        int[] perm = new int[batch];
        for (int i = 0; i < batch; i++) {
            perm[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        do {
            double s = 0;
            for (int i = 0; i < batch; i++) {
                for (int k = 0; k < size; k++) {
                    double d = x1[i * size + k] - x0[perm[i] * size + k];
                    s += d * d;
                }
            }
            best = Math.min(best, s / batch);
        } while (nextPermutation(perm));
        return best;
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            tmp = a[l];
            a[l] = a[r];
            a[r] = tmp;
        }
        return true;
    }

    @Test
    void exactOtFindsTheOptimalPermutationOnSmallBatches() {
        SeededRandom random = SeededRandom.of(1);
        for (int trial = 0; trial < 40; trial++) {
            int batch = 2 + trial % 6;
            int size = 1 + trial % 3;
            float[] x0 = random.gaussian(batch * size);
            float[] x1 = random.gaussian(batch * size);
            CoupledBatch c = Coupling.exactOt().couple(x0, x1, batch, random);
            assertArrayEquals(x1, c.x1(), "data samples keep their order");
            assertEquals(batch, Arrays.stream(c.sourceIndex()).distinct().count(), "a permutation");
            assertEquals(bruteForce(x0, x1, batch, size), pairedCost(c.x0(), c.x1(), size), 1e-5, "trial " + trial);
            assertNull(c.weights());
        }
    }

    @Test
    void sinkhornPairsFollowTheEntropicPlan() {
        SeededRandom random = SeededRandom.of(2);
        int batch = 96;
        float[] x0 = random.gaussian(2 * batch);
        float[] x1 = random.gaussian(2 * batch);
        for (int i = 0; i < batch; i++) {
            x1[2 * i] += 4;
        }
        double epsilon = 0.02;
        // Naive reference: the plan's expected pair cost, sum_ij P_ij C_ij / (1/n).
        double[] cost = new double[batch * batch];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                double dx = x1[2 * i] - x0[2 * j];
                double dy = x1[2 * i + 1] - x0[2 * j + 1];
                cost[i * batch + j] = dx * dx + dy * dy;
            }
        }
        double[] plan = io.flowkit.core.math.Sinkhorn.of(epsilon, 500, 1e-6).plan(cost, batch, batch);
        double expected = 0;
        for (int k = 0; k < cost.length; k++) {
            expected += plan[k] * cost[k];
        }
        // Average the sampled pairs' cost over many draws: it must match the plan's expectation.
        int draws = 200;
        double sampled = 0;
        for (int d = 0; d < draws; d++) {
            sampled += pairedCost(Coupling.sinkhorn(epsilon).couple(x0, x1, batch, random).x0(), x1, 2) / draws;
        }
        double independent = pairedCost(x0, x1, 2);
        double exact = pairedCost(Coupling.exactOt().couple(x0, x1, batch, random).x0(), x1, 2);
        assertEquals(expected, sampled, 0.01 * expected, "sampled pairs must follow the plan");
        assertTrue(exact <= sampled && sampled < independent,
                "exact " + exact + " <= sinkhorn " + sampled + " < independent " + independent);
    }

    @Test
    void weightedCouplingFavoursClosePairsWithMeanOneWeights() {
        SeededRandom random = SeededRandom.of(3);
        int batch = 64;
        float[] x0 = random.gaussian(2 * batch);
        float[] x1 = random.gaussian(2 * batch);
        CoupledBatch c = Coupling.weighted(0.5).couple(x0, x1, batch, random);
        double mean = 0;
        for (float w : c.weights()) {
            mean += w / batch;
            assertTrue(w > 0 && Float.isFinite(w));
        }
        assertEquals(1.0, mean, 1e-5);
        // Weights decrease with the pair's squared distance: check the ordering on all pairs.
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                double di = sq(x0, x1, i);
                double dj = sq(x0, x1, j);
                if (di < dj) {
                    assertTrue(c.weights()[i] >= c.weights()[j]);
                }
            }
        }
        assertArrayEquals(x0, c.x0(), "weighted CFM keeps the independent pairs");
    }

    private static double sq(float[] x0, float[] x1, int i) {
        double dx = x0[2 * i] - x1[2 * i];
        double dy = x0[2 * i + 1] - x1[2 * i + 1];
        return dx * dx + dy * dy;
    }

    @Test
    void badBatchesAndNamesAreRejectedWithTheirReason() {
        SeededRandom random = SeededRandom.of(4);
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> Coupling.exactOt().couple(new float[4], new float[6], 2, random));
        assertTrue(lengths.getMessage().contains("differ in length"), lengths.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Coupling.independent().couple(new float[] {0, 0, 0, Float.NaN}, new float[4], 2, random));
        assertTrue(nan.getMessage().contains("x0 sample 1 holds a non-finite value"), nan.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Coupling.byName("emd"));
        assertTrue(name.getMessage().contains("unknown coupling: emd"), name.getMessage());
        assertEquals("sinkhorn:0.1", Coupling.byName("sinkhorn:0.1").name());
        assertThrows(IllegalArgumentException.class, () -> Coupling.weighted(0));
    }
}
