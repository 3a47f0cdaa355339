package io.flowkit.core.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {

    /** The least cost over all injective row-to-column maps, by enumeration. */
    private static double bruteForce(double[][] cost) {
        int n = cost.length;
        int m = cost[0].length;
        return search(cost, 0, new boolean[m], 0, n);
    }

    private static double search(double[][] cost, int row, boolean[] used, double acc, int n) {
        if (row == n) {
            return acc;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, search(cost, row + 1, used, acc + cost[row][j], n));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void matchesBruteForceOnRandomSquareAndRectangularMatrices() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(6);
            int m = n + random.nextInt(3);
            double[][] cost = new double[n][m];
            for (double[] row : cost) {
                for (int j = 0; j < m; j++) {
                    // Integer costs make ties frequent, the hard case for augmenting paths.
                    row[j] = trial % 2 == 0 ? random.nextInt(5) : random.nextGaussian() * 10;
                }
            }
            int[] assignment = LinearAssignment.minimize(cost);
            assertEquals(n, assignment.length);
            assertEquals(n, java.util.Arrays.stream(assignment).distinct().count(), "columns must be distinct");
            assertEquals(bruteForce(cost), LinearAssignment.totalCost(cost, assignment), 1e-9, "trial " + trial);
        }
    }

    @Test
    void squareAndRectangularSolversAgreeOnLargerClusteredProblems() {
        // The square solver (Jonker-Volgenant) against the rectangular one (Hungarian): padding with a
        // column that costs more than any assignment changes nothing but the algorithm used.
        Random random = new Random(3);
        for (int trial = 0; trial < 10; trial++) {
            int n = 40 + 20 * trial;
            double[][] cost = new double[n][n];
            double[][] padded = new double[n][n + 1];
            for (int i = 0; i < n; i++) {
                double angle = random.nextInt(8) * Math.PI / 4;
                double tx = 5 * Math.cos(angle) + 0.5 * random.nextGaussian();
                double ty = 5 * Math.sin(angle) + 0.5 * random.nextGaussian();
                for (int j = 0; j < n; j++) {
                    double dx = tx - random.nextGaussian();
                    double dy = ty - random.nextGaussian();
                    cost[i][j] = dx * dx + dy * dy;
                    padded[i][j] = cost[i][j];
                }
                padded[i][n] = 1e9;
            }
            double square = LinearAssignment.totalCost(cost, LinearAssignment.minimize(cost));
            double rectangular = LinearAssignment.totalCost(padded, LinearAssignment.minimize(padded));
            assertEquals(rectangular, square, 1e-9 * rectangular, "n = " + n);
        }
    }

    @Test
    void recoversAHiddenPermutation() {
        int[] hidden = {3, 0, 4, 1, 2};
        double[][] cost = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                cost[i][j] = j == hidden[i] ? 0 : 1 + i + j;
            }
        }
        assertArrayEquals(hidden, LinearAssignment.minimize(cost));
    }

    @Test
    void rejectsBadMatrices() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.minimize(new double[][] {{1, Double.NaN}, {0, 1}}));
        assertTrue(nan.getMessage().contains("cost[0][1] is not finite"), nan.getMessage());
        IllegalArgumentException tall = assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.minimize(new double[][] {{1}, {2}}));
        assertTrue(tall.getMessage().contains("more rows than columns"), tall.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> LinearAssignment.minimize(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.minimize(new double[0][]));
    }
}
