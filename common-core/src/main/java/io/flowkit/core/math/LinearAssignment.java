package io.flowkit.core.math;

import java.util.Arrays;

/**
 * Minimum-cost linear assignment (the Hungarian method in its shortest-augmenting-path form,
 * Kuhn 1955, Munkres 1957, Jonker and Volgenant 1987), exact in O(n² m).
 *
 * <p>Given an {@code n × m} cost matrix with {@code n ≤ m}, it assigns every row to a distinct
 * column so that the summed cost is minimal.
 */
public final class LinearAssignment {

    private LinearAssignment() {}

    /**
     * Solves the assignment problem.
     *
     * @param cost an {@code n × m} matrix of finite costs with {@code 1 ≤ n ≤ m}
     * @return for each row its column, all distinct
     * @throws IllegalArgumentException if the matrix is empty, ragged, has more rows than columns
     *     or holds a value that is not finite
     */
    public static int[] minimize(double[][] cost) {
        int n = cost.length;
        if (n == 0) {
            throw new IllegalArgumentException("cost matrix has no rows");
        }
        int m = cost[0].length;
        double[] flat = new double[n * m];
        for (int i = 0; i < n; i++) {
            if (cost[i].length != m) {
                throw new IllegalArgumentException(
                        "cost matrix is ragged: row " + i + " has " + cost[i].length + " columns, row 0 has " + m);
            }
            System.arraycopy(cost[i], 0, flat, i * m, m);
        }
        return minimize(flat, n, m);
    }

    /**
     * Solves the assignment problem for a cost matrix stored row-major in a flat array.
     *
     * @param cost row-major costs, {@code cost[i * m + j]}
     * @param n number of rows, at least 1
     * @param m number of columns, at least {@code n}
     * @return for each row its column, all distinct
     * @throws IllegalArgumentException if the sizes do not fit or a cost is not finite
     */
    public static int[] minimize(double[] cost, int n, int m) {
        if (n < 1) {
            throw new IllegalArgumentException("number of rows is not positive: " + n);
        }
        if (m < n) {
            throw new IllegalArgumentException("more rows than columns: " + n + " > " + m);
        }
        if (cost.length != (long) n * m) {
            throw new IllegalArgumentException(
                    "cost array length " + cost.length + " does not match " + n + " x " + m);
        }
        for (int k = 0; k < cost.length; k++) {
            if (!Double.isFinite(cost[k])) {
                throw new IllegalArgumentException(
                        "cost[" + k / m + "][" + k % m + "] is not finite: " + cost[k]);
            }
        }
        // Potentials u (rows) and v (columns), 1-based with a virtual column 0.
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfColumn = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minSlack = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            rowOfColumn[0] = i;
            int j0 = 0;
            Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfColumn[j0];
                int rowStart = (i0 - 1) * m - 1;
                double ui0 = u[i0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double reduced = cost[rowStart + j] - ui0 - v[j];
                        if (reduced < minSlack[j]) {
                            minSlack[j] = reduced;
                            way[j] = j0;
                        }
                        if (minSlack[j] < delta) {
                            delta = minSlack[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfColumn[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfColumn[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfColumn[j0] = rowOfColumn[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] columnOfRow = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfColumn[j] != 0) {
                columnOfRow[rowOfColumn[j] - 1] = j - 1;
            }
        }
        return columnOfRow;
    }

    /**
     * The total cost of an assignment.
     *
     * @param cost the cost matrix
     * @param columnOfRow for each row its column
     * @return the summed cost
     */
    public static double totalCost(double[][] cost, int[] columnOfRow) {
        double sum = 0;
        for (int i = 0; i < columnOfRow.length; i++) {
            sum += cost[i][columnOfRow[i]];
        }
        return sum;
    }
}
