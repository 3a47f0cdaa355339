package io.flowkit.validation.mesh;

import io.flowkit.core.laplace.LaplaceBeltrami;
import java.util.List;

/**
 * The spectral profile of a set of fields sampled on one mesh: each field is projected onto the
 * M-orthonormal Laplace–Beltrami eigenbasis, {@code c_i = φ_iᵀ M f}, and the profile is the mean
 * over samples of {@code c_i² / A}, the share of the field's mean square carried by eigenfunction i
 * (A the area). For a stationary random field it estimates the spectral density at {@code λ_i};
 * fields of one distribution on two triangulations of one surface should have the same profile
 * against λ (individual eigenvectors of near-equal eigenvalues may mix between meshes, so compare
 * sums over eigenvalue bands, as {@link TriangulationComparison} does).
 */
public final class SpectralProfile {

    private final double[] eigenvalues;
    private final double[][] energies;

    private SpectralProfile(double[] eigenvalues, double[][] energies) {
        this.eigenvalues = eigenvalues;
        this.energies = energies;
    }

    /**
     * Projects samples onto an eigenbasis.
     *
     * @param eigenpairs the eigenbasis of the mesh the samples live on
     * @param area the mesh area (the trace of M)
     * @param samples one field per sample, one value per vertex
     * @return the profile
     * @throws IllegalArgumentException if there is no sample or a field has the wrong length or a
     *     non-finite value
     */
    public static SpectralProfile of(Eigenpairs eigenpairs, double area, List<double[]> samples) {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("samples are empty");
        }
        io.flowkit.validation.internal.Checks.positive(area, "area");
        double[][] e = new double[samples.size()][];
        for (int s = 0; s < e.length; s++) {
            double[] c = eigenpairs.project(samples.get(s));
            for (int i = 0; i < c.length; i++) {
                c[i] = c[i] * c[i] / area;
            }
            e[s] = c;
        }
        return new SpectralProfile(eigenpairs.values(), e);
    }

    /**
     * Projects samples onto the eigenbasis of a mesh operator.
     *
     * @param operator the mesh operator
     * @param eigenpairs its eigenbasis
     * @param samples one field per sample
     * @return the profile
     */
    public static SpectralProfile of(LaplaceBeltrami operator, Eigenpairs eigenpairs, List<double[]> samples) {
        return of(eigenpairs, operator.area(), samples);
    }

    /** @return the number of samples */
    public int sampleCount() {
        return energies.length;
    }

    /** @return the eigenvalues the profile is indexed by */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** @return per eigenpair, the mean over samples of {@code c_i² / A} */
    public double[] meanEnergy() {
        double[] out = new double[eigenvalues.length];
        for (double[] e : energies) {
            for (int i = 0; i < out.length; i++) {
                out[i] += e[i] / energies.length;
            }
        }
        return out;
    }

    /**
     * Per sample, the energy {@code Σ c_i² / A} of the eigenpairs with {@code lo ≤ λ_i < hi}.
     *
     * @param lo lower eigenvalue edge (inclusive)
     * @param hi upper eigenvalue edge (exclusive)
     * @return one value per sample
     */
    public double[] bandEnergy(double lo, double hi) {
        double[] out = new double[energies.length];
        for (int s = 0; s < energies.length; s++) {
            for (int i = 0; i < eigenvalues.length; i++) {
                if (eigenvalues[i] >= lo && eigenvalues[i] < hi) {
                    out[s] += energies[s][i];
                }
            }
        }
        return out;
    }
}
