package io.flowkit.meshes.flow;

import ai.djl.ndarray.NDArray;

/**
 * The training loss of the mesh flow: the area-weighted velocity MSE
 * {@code Σ_i (M_ii / area) |v_i − u_i|²} plus {@code w ×} the area-weighted MSE of the per-face
 * gradients {@code Σ_f (A_f / area) |∇(v − u)|²_F}, each averaged over the batch. Both are
 * integrals over the surface, so their values do not depend on the triangulation.
 */
public final class MeshFlowLoss {

    private MeshFlowLoss() {}

    /**
     * Computes the loss (differentiable).
     *
     * @param arrays the mesh's arrays for this batch
     * @param velocity predicted {@code (B, n, 3)}
     * @param target {@code x1 − x0}, {@code (B, n, 3)}
     * @param gradientWeight w
     * @return {@code [total, velocity term, gradient term]}, scalars in the manager of the velocity
     */
    public static NDArray[] compute(DomainArrays arrays, NDArray velocity, NDArray target, double gradientWeight) {
        float b = arrays.batch();
        NDArray diff = velocity.sub(target);
        NDArray value = diff.square().mul(arrays.massWeight()).sum().div(b);
        NDArray gradient = arrays.gradient(diff).square().mul(arrays.areaWeight()).sum().div(b);
        NDArray total = value.add(gradient.mul((float) gradientWeight));
        return new NDArray[] {total, value, gradient};
    }
}
