package io.flowkit.meshes.operators;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.core.laplace.ShiftedLaplacian;
import io.flowkit.core.sparse.SparseCholesky;
import io.flowkit.datasets.mesh.TriangleMesh;

/**
 * The regularised Poisson solve of PoissonNet (Maesumi et al. 2025, "PoissonNet: A Local-Global
 * Approach for Learning on Surfaces"): a face vector field h becomes the vertex signal
 * {@code u = (L + εM)⁻¹ Gᵀ A h}, the function whose gradient best matches h in the least-squares
 * sense (exactly, up to the small regulariser ε, when h is itself a gradient). L + εM is factored
 * once per mesh and reused; the constant mode, which h cannot carry, is damped by ε rather than
 * left singular.
 *
 * <p>The solve is linear, so its adjoint is cheap: for a loss with gradient g with respect to u,
 * the gradient with respect to h is {@code A G (L + εM)⁻¹ g} ({@link #adjoint}). Training uses this
 * to back-propagate through the solve outside the autograd graph. Immutable, thread-safe.
 */
public final class PoissonSolve {

    /** Default regulariser ε for meshes in the unit box (1/length²). */
    public static final double DEFAULT_REGULARISATION = 1e-3;

    private final FaceGradients gradients;
    private final SparseCholesky factor;
    private final double regularisation;

    private PoissonSolve(FaceGradients gradients, SparseCholesky factor, double regularisation) {
        this.gradients = gradients;
        this.factor = factor;
        this.regularisation = regularisation;
    }

    /**
     * Factors the operator of a mesh: {@code Gᵀ A G}, the classic cotangent Laplacian (faces without
     * interior left out), so that the solve inverts this class's gradient exactly; where that
     * operator is undefined (a vertex only in faces without interior) the robust Laplacian
     * ({@link LaplaceBeltrami#of}) serves instead.
     *
     * @param mesh the mesh
     * @param regularisation ε, positive
     * @return the solver
     * @throws IllegalArgumentException if ε is not positive
     */
    public static PoissonSolve of(TriangleMesh mesh, double regularisation) {
        return of(mesh, gradientLaplacian(mesh), regularisation);
    }

    /**
     * The Laplacian that matches {@link FaceGradients}: {@code Gᵀ A G} where it is defined, else the
     * robust one.
     *
     * @param mesh the mesh
     * @return the operator
     */
    public static LaplaceBeltrami gradientLaplacian(TriangleMesh mesh) {
        try {
            return LaplaceBeltrami.cotangent(mesh.vertices(), mesh.faces());
        } catch (IllegalArgumentException undefined) {
            return LaplaceBeltrami.of(mesh.vertices(), mesh.faces());
        }
    }

    /**
     * Factors the operator of a mesh whose Laplace–Beltrami matrices are already assembled.
     *
     * @param mesh the mesh
     * @param operator the mesh's Laplacian and lumped mass
     * @param regularisation ε, positive
     * @return the solver
     * @throws IllegalArgumentException if ε is not positive
     */
    public static PoissonSolve of(TriangleMesh mesh, LaplaceBeltrami operator, double regularisation) {
        FaceGradients g = FaceGradients.of(mesh);
        return new PoissonSolve(g, ShiftedLaplacian.factor(operator, mesh.vertices(), regularisation), regularisation);
    }

    /** @return the gradient operator of the mesh */
    public FaceGradients gradients() {
        return gradients;
    }

    /** @return ε */
    public double regularisation() {
        return regularisation;
    }

    /**
     * Solves for the vertex signal of a face field.
     *
     * @param field the face field (layout of {@link FaceGradients})
     * @param channels its channels
     * @return {@code (L + εM)⁻¹ Gᵀ A h}
     * @throws IllegalArgumentException if the length does not match
     */
    public double[] solve(double[] field, int channels) {
        double[] u = gradients.divergence(field, channels);
        factor.solveInPlace(u, channels);
        return u;
    }

    /**
     * The adjoint of {@link #solve}: maps a gradient with respect to u to one with respect to h.
     *
     * @param vertexGradient dLoss/du, a vertex signal
     * @param channels its channels
     * @return {@code A G (L + εM)⁻¹ g}, a face field
     * @throws IllegalArgumentException if the length does not match
     */
    public double[] adjoint(double[] vertexGradient, int channels) {
        double[] w = vertexGradient.clone();
        factor.solveInPlace(w, channels);
        double[] h = gradients.gradient(w, channels);
        double[] areas = gradients.areas();
        for (int t = 0; t < areas.length; t++) {
            for (int k = 0; k < 3 * channels; k++) {
                h[t * 3 * channels + k] *= areas[t];
            }
        }
        return h;
    }
}
