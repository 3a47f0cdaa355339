package io.flowkit.flow.train;

/** The learning rate as a function of the zero-based step. */
public interface LearningRateSchedule {

    /**
     * @param step the zero-based step
     * @return the learning rate for that step, positive
     */
    double at(long step);

    /** @return a description for provenance */
    String describe();

    /**
     * A constant rate.
     *
     * @param rate the rate, positive
     * @return the schedule
     */
    static LearningRateSchedule constant(double rate) {
        checkRate(rate);
        return new LearningRateSchedule() {
            @Override
            public double at(long step) {
                return rate;
            }

            @Override
            public String describe() {
                return "constant:" + rate;
            }
        };
    }

    /**
     * Linear warm-up to {@code rate}, then cosine decay to {@code minRate} at {@code totalSteps}
     * (Loshchilov and Hutter 2017, SGDR, without restarts).
     *
     * @param rate the peak rate, positive
     * @param warmupSteps steps of linear warm-up, non-negative
     * @param totalSteps the step at which the rate reaches {@code minRate}
     * @param minRate the final rate, non-negative and at most {@code rate}
     * @return the schedule
     */
    static LearningRateSchedule warmupCosine(double rate, long warmupSteps, long totalSteps, double minRate) {
        checkRate(rate);
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException(
                    "need 0 <= warmupSteps < totalSteps: " + warmupSteps + ", " + totalSteps);
        }
        if (!(minRate >= 0) || minRate > rate) {
            throw new IllegalArgumentException("minRate is not in [0, rate]: " + minRate);
        }
        return new LearningRateSchedule() {
            @Override
            public double at(long step) {
                if (step < warmupSteps) {
                    return rate * (step + 1) / warmupSteps;
                }
                double progress = Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
                return minRate + 0.5 * (rate - minRate) * (1 + Math.cos(Math.PI * progress));
            }

            @Override
            public String describe() {
                return "warmup-cosine:" + rate + "," + warmupSteps + "," + totalSteps + "," + minRate;
            }
        };
    }

    private static void checkRate(double rate) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate is not positive: " + rate);
        }
    }
}
