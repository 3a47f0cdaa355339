package io.flowkit.core.sparse;

import org.ejml.data.DMatrixSparseCSC;

/**
 * Assembles an EJML compressed-sparse-column matrix from (row, column, value) triplets, adding
 * duplicates, with the row indices of every column sorted. Linear in the number of triplets plus a
 * short sort per column.
 */
public final class SparseAssembly {

    private final int rows;
    private final int cols;
    private int size;
    private int[] r;
    private int[] c;
    private double[] v;

    /**
     * An empty assembly.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param capacity expected number of triplets
     */
    public SparseAssembly(int rows, int cols, int capacity) {
        this.rows = rows;
        this.cols = cols;
        int cap = Math.max(16, capacity);
        this.r = new int[cap];
        this.c = new int[cap];
        this.v = new double[cap];
    }

    /**
     * Adds a value at (row, col); repeated positions are summed.
     *
     * @param row row index
     * @param col column index
     * @param value the value
     */
    public void add(int row, int col, double value) {
        if (size == r.length) {
            int cap = 2 * size;
            r = java.util.Arrays.copyOf(r, cap);
            c = java.util.Arrays.copyOf(c, cap);
            v = java.util.Arrays.copyOf(v, cap);
        }
        r[size] = row;
        c[size] = col;
        v[size] = value;
        size++;
    }

    /** @return the matrix with duplicates summed and row indices sorted in every column */
    public DMatrixSparseCSC build() {
        int[] count = new int[cols + 1];
        for (int k = 0; k < size; k++) {
            count[c[k] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            count[j + 1] += count[j];
        }
        int[] next = count.clone();
        int[] sortedRows = new int[size];
        double[] sortedValues = new double[size];
        for (int k = 0; k < size; k++) {
            int p = next[c[k]]++;
            sortedRows[p] = r[k];
            sortedValues[p] = v[k];
        }
        int[] colIdx = new int[cols + 1];
        int nz = 0;
        for (int j = 0; j < cols; j++) {
            int from = count[j];
            int to = count[j + 1];
            // Insertion sort by row (columns hold few entries), then merge equal rows.
            for (int a = from + 1; a < to; a++) {
                int row = sortedRows[a];
                double val = sortedValues[a];
                int b = a - 1;
                while (b >= from && sortedRows[b] > row) {
                    sortedRows[b + 1] = sortedRows[b];
                    sortedValues[b + 1] = sortedValues[b];
                    b--;
                }
                sortedRows[b + 1] = row;
                sortedValues[b + 1] = val;
            }
            colIdx[j] = nz;
            for (int a = from; a < to; a++) {
                if (nz > colIdx[j] && sortedRows[nz - 1] == sortedRows[a]) {
                    sortedValues[nz - 1] += sortedValues[a];
                } else {
                    sortedRows[nz] = sortedRows[a];
                    sortedValues[nz] = sortedValues[a];
                    nz++;
                }
            }
        }
        colIdx[cols] = nz;
        DMatrixSparseCSC m = new DMatrixSparseCSC(rows, cols, nz);
        System.arraycopy(colIdx, 0, m.col_idx, 0, cols + 1);
        System.arraycopy(sortedRows, 0, m.nz_rows, 0, nz);
        System.arraycopy(sortedValues, 0, m.nz_values, 0, nz);
        m.nz_length = nz;
        m.indicesSorted = true;
        return m;
    }
}
