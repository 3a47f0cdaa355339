package io.flowkit.validation.mesh;

import io.flowkit.core.laplace.LaplaceBeltrami;

/**
 * Area-weighted statistics of a field given by its vertex values, with the lumped mass matrix as
 * quadrature weights ({@code ∫ f dA ≈ Σ_i M_ii f_i}), so the values do not depend on how densely a
 * region is triangulated.
 */
public final class FieldStatistics {

    private FieldStatistics() {}

    /**
     * The area-weighted mean {@code (1/A) Σ_i M_ii f_i}.
     *
     * @param operator the mesh operator (for its mass matrix)
     * @param field one value per vertex
     * @return the mean
     * @throws IllegalArgumentException if the length differs from the vertex count or a value is
     *     not finite
     */
    public static double areaMean(LaplaceBeltrami operator, double[] field) {
        java.nio.DoubleBuffer m = operator.massView();
        Eigenpairs.checkField(field, m.capacity());
        double s = 0;
        for (int i = 0; i < field.length; i++) {
            s += m.get(i) * field[i];
        }
        return s / operator.area();
    }

    /**
     * The area-weighted variance {@code (1/A) Σ_i M_ii (f_i − f̄)²}, f̄ the area-weighted mean.
     *
     * @param operator the mesh operator
     * @param field one value per vertex
     * @return the variance
     * @throws IllegalArgumentException if the length differs from the vertex count or a value is
     *     not finite
     */
    public static double areaVariance(LaplaceBeltrami operator, double[] field) {
        double mean = areaMean(operator, field);
        java.nio.DoubleBuffer m = operator.massView();
        double s = 0;
        for (int i = 0; i < field.length; i++) {
            s += m.get(i) * (field[i] - mean) * (field[i] - mean);
        }
        return s / operator.area();
    }

    /**
     * The Dirichlet energy per unit area {@code fᵀ L f / A = (1/A) ∫ |∇f|² dA}, a measure of
     * roughness.
     *
     * @param operator the mesh operator
     * @param field one value per vertex
     * @return the energy per area, in units of field² / length²
     */
    public static double dirichletEnergyPerArea(LaplaceBeltrami operator, double[] field) {
        Eigenpairs.checkField(field, operator.size());
        return operator.dirichletEnergy(field) / operator.area();
    }
}
