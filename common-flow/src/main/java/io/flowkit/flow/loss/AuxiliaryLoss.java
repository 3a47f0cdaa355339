package io.flowkit.flow.loss;

import ai.djl.ndarray.NDArray;

/**
 * An additional loss term, for example representation alignment (TORA), a gradient-domain term
 * (meshes) or a Chamfer term (PUFM++ stage 2).
 */
@FunctionalInterface
public interface AuxiliaryLoss {

    /**
     * Computes the term.
     *
     * @param context the step's arrays
     * @return a scalar, built from operations on the context's arrays
     */
    NDArray compute(LossContext context);
}
