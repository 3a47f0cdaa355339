package io.flowkit.flow.coupling;

import io.flowkit.core.math.LinearAssignment;
import io.flowkit.flow.random.SeededRandom;

/**
 * Minibatch OT by an exact assignment: the permutation of the source batch that minimises the
 * summed squared distance to the data batch (OT-CFM, Tong et al. 2024).
 */
final class ExactOtCoupling implements Coupling {

    static final ExactOtCoupling INSTANCE = new ExactOtCoupling();

    private ExactOtCoupling() {}

    @Override
    public CoupledBatch couple(float[] x0, float[] x1, int batch, SeededRandom random) {
        int size = BatchCosts.sampleSize(x0, x1, batch);
        double[] cost = BatchCosts.squaredDistances(x0, x1, batch, size);
        int[] source = LinearAssignment.minimize(cost, batch, batch);
        return new CoupledBatch(BatchCosts.gather(x0, source, size), x1, null, source);
    }

    @Override
    public String name() {
        return "ot";
    }
}
