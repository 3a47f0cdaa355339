package io.flowkit.flow.path;

/** The cosine schedule {@code α_t = sin(πt/2), σ_t = cos(πt/2)} (Lipman et al. 2024, Flow Matching Guide). */
final class CosineScheduler implements Scheduler {

    static final CosineScheduler INSTANCE = new CosineScheduler();

    private static final double HALF_PI = Math.PI / 2;

    private CosineScheduler() {}

    @Override
    public double alpha(double t) {
        return Math.sin(HALF_PI * t);
    }

    @Override
    public double sigma(double t) {
        return Math.cos(HALF_PI * t);
    }

    @Override
    public double alphaDerivative(double t) {
        return HALF_PI * Math.cos(HALF_PI * t);
    }

    @Override
    public double sigmaDerivative(double t) {
        return -HALF_PI * Math.sin(HALF_PI * t);
    }

    @Override
    public String name() {
        return "cosine";
    }
}
