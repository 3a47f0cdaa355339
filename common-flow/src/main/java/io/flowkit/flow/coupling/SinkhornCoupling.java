package io.flowkit.flow.coupling;

import io.flowkit.core.math.Sinkhorn;
import io.flowkit.flow.random.SeededRandom;

/**
 * Minibatch entropic OT: a Sinkhorn plan between the batches; each data sample {@code i} draws its
 * source sample from the plan's row {@code i} (so every data sample is used once; source samples
 * may repeat).
 */
final class SinkhornCoupling implements Coupling {

    private final Sinkhorn solver;

    SinkhornCoupling(Sinkhorn solver) {
        this.solver = solver;
    }

    @Override
    public CoupledBatch couple(float[] x0, float[] x1, int batch, SeededRandom random) {
        int size = BatchCosts.sampleSize(x0, x1, batch);
        double[] plan = solver.plan(BatchCosts.squaredDistances(x0, x1, batch, size), batch, batch);
        int[] source = new int[batch];
        for (int i = 0; i < batch; i++) {
            int row = i * batch;
            double mass = 0;
            for (int j = 0; j < batch; j++) {
                mass += plan[row + j];
            }
            double u = random.nextDouble() * mass;
            int pick = batch - 1;
            double acc = 0;
            for (int j = 0; j < batch; j++) {
                acc += plan[row + j];
                if (u < acc) {
                    pick = j;
                    break;
                }
            }
            source[i] = pick;
        }
        return new CoupledBatch(BatchCosts.gather(x0, source, size), x1, null, source);
    }

    @Override
    public String name() {
        return "sinkhorn:" + solver.epsilon();
    }
}
