package io.flowkit.flow.path;

/**
 * The conditional optimal transport schedule {@code α_t = t, σ_t = 1 − t} (Lipman et al. 2023;
 * rectified flow, Liu et al. 2023).
 */
final class LinearScheduler implements Scheduler {

    static final LinearScheduler INSTANCE = new LinearScheduler();

    private LinearScheduler() {}

    @Override
    public double alpha(double t) {
        return t;
    }

    @Override
    public double sigma(double t) {
        return 1 - t;
    }

    @Override
    public double alphaDerivative(double t) {
        return 1;
    }

    @Override
    public double sigmaDerivative(double t) {
        return -1;
    }

    @Override
    public String name() {
        return "linear";
    }
}
