package io.flowkit.datasets.mesh.io;

import java.util.Arrays;

/**
 * A dense matrix of doubles as stored in a libigl {@code .dmat} file: rows, columns and the values
 * in column-major order (entry (r, c) at {@code r + rows * c}).
 */
public final class DmatMatrix {

    private final int rows;
    private final int cols;
    private final double[] columnMajor;

    private DmatMatrix(int rows, int cols, double[] columnMajor) {
        this.rows = rows;
        this.cols = cols;
        this.columnMajor = columnMajor;
    }

    /**
     * A matrix from column-major values.
     *
     * @param rows number of rows, non-negative
     * @param cols number of columns, non-negative
     * @param columnMajor {@code rows * cols} values (copied)
     * @return the matrix
     * @throws IllegalArgumentException when the length does not match
     */
    public static DmatMatrix ofColumnMajor(int rows, int cols, double[] columnMajor) {
        if (rows < 0 || cols < 0 || (long) rows * cols != columnMajor.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + columnMajor.length);
        }
        return new DmatMatrix(rows, cols, columnMajor.clone());
    }

    /**
     * A matrix from row-major values, for example interleaved xyz as an n × 3 matrix.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param rowMajor {@code rows * cols} values
     * @return the matrix
     * @throws IllegalArgumentException when the length does not match
     */
    public static DmatMatrix ofRowMajor(int rows, int cols, double[] rowMajor) {
        if (rows < 0 || cols < 0 || (long) rows * cols != rowMajor.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + rowMajor.length);
        }
        double[] cm = new double[rowMajor.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cm[r + rows * c] = rowMajor[r * cols + c];
            }
        }
        return new DmatMatrix(rows, cols, cm);
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the number of columns */
    public int cols() {
        return cols;
    }

    /**
     * @param row row index
     * @param col column index
     * @return the entry
     */
    public double get(int row, int col) {
        return columnMajor[java.util.Objects.checkIndex(row, rows) + rows * java.util.Objects.checkIndex(col, cols)];
    }

    /**
     * @param col column index
     * @return a copy of that column
     */
    public double[] column(int col) {
        java.util.Objects.checkIndex(col, cols);
        return Arrays.copyOfRange(columnMajor, rows * col, rows * col + rows);
    }

    /** @return a copy of the values in column-major order */
    public double[] columnMajor() {
        return columnMajor.clone();
    }

    /** @return a copy of the values in row-major order (an n × 3 matrix gives interleaved xyz) */
    public double[] rowMajor() {
        double[] out = new double[columnMajor.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = columnMajor[r + rows * c];
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DmatMatrix && rows == ((DmatMatrix) o).rows && cols == ((DmatMatrix) o).cols
                && Arrays.equals(columnMajor, ((DmatMatrix) o).columnMajor);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(columnMajor);
    }

    @Override
    public String toString() {
        return "DmatMatrix[" + rows + " x " + cols + "]";
    }
}
