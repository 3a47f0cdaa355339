package io.flowkit.flow.coupling;

import io.flowkit.flow.random.SeededRandom;

/** Source sample {@code i} with data sample {@code i}: both are already independent draws. */
final class IndependentCoupling implements Coupling {

    static final IndependentCoupling INSTANCE = new IndependentCoupling();

    private IndependentCoupling() {}

    @Override
    public CoupledBatch couple(float[] x0, float[] x1, int batch, SeededRandom random) {
        BatchCosts.sampleSize(x0, x1, batch);
        int[] identity = new int[batch];
        for (int i = 0; i < batch; i++) {
            identity[i] = i;
        }
        return new CoupledBatch(x0, x1, null, identity);
    }

    @Override
    public String name() {
        return "independent";
    }
}
