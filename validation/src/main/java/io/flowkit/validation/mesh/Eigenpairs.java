package io.flowkit.validation.mesh;

import java.util.Arrays;

/**
 * Eigenpairs of {@code L φ = λ M φ} with a diagonal (lumped) mass matrix, in increasing order of λ,
 * the eigenvectors M-orthonormal ({@code φ_iᵀ M φ_j = δ_ij}). Projecting a vertex field onto them
 * gives its spectral coefficients {@code c_i = φ_iᵀ M f}, the discrete analogue of
 * {@code ∫ f φ_i dA}.
 */
public final class Eigenpairs {

    private final double[] values;
    private final double[][] vectors;
    private final double[] mass;
    private final double[] residuals;
    private final int basisDimension;

    Eigenpairs(double[] values, double[][] vectors, double[] mass, double[] residuals, int basisDimension) {
        this.values = values;
        this.vectors = vectors;
        this.mass = mass;
        this.residuals = residuals;
        this.basisDimension = basisDimension;
    }

    /** @return the size of the subspace the pairs were extracted from (the dimension when solved densely) */
    public int basisDimension() {
        return basisDimension;
    }

    /** @return the number of eigenpairs */
    public int count() {
        return values.length;
    }

    /** @return the number of vertices */
    public int dimension() {
        return mass.length;
    }

    /** @return the eigenvalues λ, increasing (units: 1 / length²) */
    public double[] values() {
        return values.clone();
    }

    /**
     * One eigenvalue.
     *
     * @param i index from 0
     * @return λ_i
     */
    public double value(int i) {
        return values[i];
    }

    /**
     * One eigenvector.
     *
     * @param i index from 0
     * @return a copy of φ_i, one value per vertex, M-normalised
     */
    public double[] vector(int i) {
        return vectors[i].clone();
    }

    /**
     * The relative residual {@code |L φ − λ M φ| / ((|λ| + λ_s) |M φ|)} (Euclidean norms) of each
     * pair, measured after the solve; {@code λ_s = 8π / area} is the first non-zero eigenvalue of a
     * round sphere of the same area, which keeps the measure meaningful for λ ≈ 0.
     *
     * @return one residual per pair
     */
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * The spectral coefficients of a vertex field.
     *
     * @param field one value per vertex
     * @return {@code c_i = φ_iᵀ M f} for each eigenpair
     * @throws IllegalArgumentException if the length differs from the vertex count or a value is
     *     not finite
     */
    public double[] project(double[] field) {
        checkField(field, mass.length);
        double[] c = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double[] phi = vectors[i];
            double s = 0;
            for (int v = 0; v < phi.length; v++) {
                s += phi[v] * mass[v] * field[v];
            }
            c[i] = s;
        }
        return c;
    }

    static void checkField(double[] field, int n) {
        if (field == null || field.length != n) {
            throw new IllegalArgumentException("field has " + (field == null ? 0 : field.length)
                    + " values, expected one per vertex: " + n);
        }
        for (int v = 0; v < n; v++) {
            if (!Double.isFinite(field[v])) {
                throw new IllegalArgumentException("field value at vertex " + v + " is not finite: " + field[v]);
            }
        }
    }

    @Override
    public String toString() {
        return "Eigenpairs[" + values.length + " of " + mass.length + " vertices, λ = "
                + Arrays.toString(Arrays.copyOf(values, Math.min(8, values.length))) + (values.length > 8 ? "...]" : "]");
    }
}
