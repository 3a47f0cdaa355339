package io.flowkit.flow.coupling;

import io.flowkit.flow.random.SeededRandom;

/**
 * Weighted CFM (Calvo-Ordoñez et al. 2025): independent pairs, each weighted by the Gibbs kernel
 * {@code exp(−‖x0 − x1‖² / (ε · c̄))} where {@code c̄} is the batch's mean squared distance, then
 * normalised to mean 1. No transport problem is solved.
 */
final class WeightedCoupling implements Coupling {

    private final double epsilon;

    WeightedCoupling(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("weighted coupling epsilon is not positive: " + epsilon);
        }
        this.epsilon = epsilon;
    }

    @Override
    public CoupledBatch couple(float[] x0, float[] x1, int batch, SeededRandom random) {
        int size = BatchCosts.sampleSize(x0, x1, batch);
        double[] cost = new double[batch];
        double mean = 0;
        for (int i = 0; i < batch; i++) {
            double s = 0;
            for (int k = i * size; k < (i + 1) * size; k++) {
                double d = x1[k] - x0[k];
                s += d * d;
            }
            cost[i] = s;
            mean += s / batch;
        }
        double temperature = epsilon * Math.max(mean, Double.MIN_NORMAL);
        // Subtract the smallest cost before exponentiating so that the largest weight is 1.
        double min = java.util.Arrays.stream(cost).min().orElse(0);
        double[] w = new double[batch];
        double sum = 0;
        for (int i = 0; i < batch; i++) {
            w[i] = Math.exp(-(cost[i] - min) / temperature);
            sum += w[i];
        }
        float[] weights = new float[batch];
        int[] identity = new int[batch];
        for (int i = 0; i < batch; i++) {
            weights[i] = (float) (w[i] * batch / sum);
            identity[i] = i;
        }
        return new CoupledBatch(x0, x1, weights, identity);
    }

    @Override
    public String name() {
        return "weighted:" + epsilon;
    }
}
