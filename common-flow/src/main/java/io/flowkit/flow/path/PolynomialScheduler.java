package io.flowkit.flow.path;

/** The polynomial schedule {@code α_t = tⁿ, σ_t = 1 − tⁿ} (Lipman et al. 2024, Flow Matching Guide). */
final class PolynomialScheduler implements Scheduler {

    private final double n;

    private PolynomialScheduler(double n) {
        this.n = n;
    }

    static PolynomialScheduler of(double n) {
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("polynomial exponent is not positive: " + n);
        }
        return new PolynomialScheduler(n);
    }

    @Override
    public double alpha(double t) {
        return Math.pow(t, n);
    }

    @Override
    public double sigma(double t) {
        return 1 - Math.pow(t, n);
    }

    @Override
    public double alphaDerivative(double t) {
        return t == 0 && n < 1 ? Double.POSITIVE_INFINITY : n * Math.pow(t, n - 1);
    }

    @Override
    public double sigmaDerivative(double t) {
        return -alphaDerivative(t);
    }

    @Override
    public String name() {
        return "polynomial:" + n;
    }
}
