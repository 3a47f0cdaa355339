package io.flowkit.pointclouds.train;

import ai.djl.ndarray.NDArray;
import io.flowkit.flow.loss.AuxiliaryLoss;
import io.flowkit.flow.loss.LossContext;

/**
 * PUFM++ stage 2 (refinement): the Chamfer distance between the one-step prediction
 * {@code x̂1 = x0 + v(x0, 0)} and the ground truth {@code x1},
 * {@code mean_i min_j ‖x̂1_i − x1_j‖² + mean_j min_i ‖x̂1_i − x1_j‖²}, averaged over the batch.
 * Train it with times fixed at 0 (then {@code x_t = x0}).
 */
public final class ChamferLoss implements AuxiliaryLoss {

    /** The name under which the term is reported. */
    public static final String NAME = "chamfer";

    @Override
    public NDArray compute(LossContext context) {
        NDArray predicted = context.x0().add(context.prediction());
        return chamfer(predicted, context.x1());
    }

    /**
     * The batch-mean squared Chamfer distance between two batches of point sets.
     *
     * @param a point sets {@code (B, M, 3)}
     * @param b point sets {@code (B, N, 3)}
     * @return a scalar
     */
    public static NDArray chamfer(NDArray a, NDArray b) {
        // ‖a − b‖² = ‖a‖² + ‖b‖² − 2 a·b, one batched product instead of a (B, M, N, 3) difference.
        NDArray aa = a.square().sum(new int[] {2}, true);
        NDArray bb = b.square().sum(new int[] {2}, true).transpose(0, 2, 1);
        NDArray d = aa.add(bb).sub(a.matMul(b.transpose(0, 2, 1)).mul(2f)).maximum(0f);
        return d.min(new int[] {2}).mean().add(d.min(new int[] {1}).mean());
    }
}
