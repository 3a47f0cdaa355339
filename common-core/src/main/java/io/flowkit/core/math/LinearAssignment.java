package io.flowkit.core.math;

import java.util.Arrays;

/**
 * Minimum-cost linear assignment, exact, in O(n² m) in the worst case: square matrices by the
 * shortest augmenting path algorithm of Jonker and Volgenant (1987, "A shortest augmenting path
 * algorithm for dense and sparse linear assignment problems"), rectangular ones by the Hungarian
 * method in its shortest-augmenting-path form (Kuhn 1955, Munkres 1957).
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
        if (n == m) {
            return jonkerVolgenant(cost, n);
        }
        return hungarian(cost, n, m);
    }

    /**
     * The algorithm of Jonker and Volgenant (1987) for a square matrix: column reduction and
     * reduction transfer, then a shortest augmenting path (Dijkstra with lazily updated column
     * prices) for each row still free. Their augmenting row reduction is left out on purpose: on
     * clustered costs (minibatch OT towards a multimodal target) it degenerates into long price
     * wars, measured 10× slower than going straight to the shortest paths at n = 256.
     */
    private static int[] jonkerVolgenant(double[] cost, int n) {
        double[] v = new double[n];
        int[] rowsol = new int[n];
        int[] colsol = new int[n];
        int[] matches = new int[n];
        Arrays.fill(rowsol, -1);
        Arrays.fill(colsol, -1);
        // Column reduction, last column first.
        for (int j = n - 1; j >= 0; j--) {
            int best = 0;
            double min = cost[j];
            for (int i = 1; i < n; i++) {
                double c = cost[i * n + j];
                if (c < min) {
                    min = c;
                    best = i;
                }
            }
            v[j] = min;
            if (++matches[best] == 1) {
                rowsol[best] = j;
                colsol[j] = best;
            } else if (min < v[rowsol[best]]) {
                // The row is tight on both columns: keep the cheaper one, as Jonker and Volgenant do.
                colsol[rowsol[best]] = -1;
                rowsol[best] = j;
                colsol[j] = best;
            }
        }
        // Reduction transfer: a row assigned once hands its column the slack of its second-best column.
        int[] free = new int[n];
        int freeCount = 0;
        for (int i = 0; i < n; i++) {
            if (matches[i] == 0) {
                free[freeCount++] = i;
            } else if (matches[i] == 1) {
                int j1 = rowsol[i];
                int row = i * n;
                double min = Double.POSITIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    if (j != j1) {
                        min = Math.min(min, cost[row + j] - v[j]);
                    }
                }
                if (min < Double.POSITIVE_INFINITY) {
                    v[j1] -= min;
                }
            }
        }
        // Shortest augmenting paths for the rows still free.
        double[] d = new double[n];
        int[] pred = new int[n];
        int[] columns = new int[n];
        for (int f = 0; f < freeCount; f++) {
            int freeRow = free[f];
            int row = freeRow * n;
            for (int j = 0; j < n; j++) {
                d[j] = cost[row + j] - v[j];
                pred[j] = freeRow;
                columns[j] = j;
            }
            // columns[0..low) are done, [low..up) hold the current minimum, [up..n) the rest.
            int low = 0;
            int up = 0;
            int last = 0;
            int end = -1;
            double min = 0;
            while (end < 0) {
                if (up == low) {
                    last = low - 1;
                    min = d[columns[up++]];
                    for (int k = up; k < n; k++) {
                        int j = columns[k];
                        double h = d[j];
                        if (h <= min) {
                            if (h < min) {
                                up = low;
                                min = h;
                            }
                            columns[k] = columns[up];
                            columns[up++] = j;
                        }
                    }
                    for (int k = low; k < up; k++) {
                        if (colsol[columns[k]] < 0) {
                            end = columns[k];
                            break;
                        }
                    }
                }
                if (end < 0) {
                    int j1 = columns[low++];
                    int i = colsol[j1];
                    int irow = i * n;
                    double h = cost[irow + j1] - v[j1] - min;
                    for (int k = up; k < n; k++) {
                        int j = columns[k];
                        double reduced = cost[irow + j] - v[j] - h;
                        if (reduced < d[j]) {
                            pred[j] = i;
                            if (reduced == min) {
                                if (colsol[j] < 0) {
                                    end = j;
                                    break;
                                }
                                columns[k] = columns[up];
                                columns[up++] = j;
                            }
                            d[j] = reduced;
                        }
                    }
                }
            }
            // Update the prices of the columns finished in this search.
            for (int k = 0; k <= last; k++) {
                int j1 = columns[k];
                v[j1] += d[j1] - min;
            }
            // Flip the assignments along the alternating path.
            int i;
            do {
                i = pred[end];
                colsol[end] = i;
                int next = rowsol[i];
                rowsol[i] = end;
                end = next;
            } while (i != freeRow);
        }
        return rowsol;
    }

    /** The Hungarian method in its shortest-augmenting-path form (e-maxx layout, virtual column 0), for n < m. */
    private static int[] hungarian(double[] cost, int n, int m) {
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
