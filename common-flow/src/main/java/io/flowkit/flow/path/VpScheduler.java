package io.flowkit.flow.path;

/**
 * The variance-preserving schedule of score-based diffusion written as a flow (Song et al. 2021;
 * Lipman et al. 2023, section 4.1) in flowkit's time convention: with {@code s = 1 − t} and
 * {@code T(s) = β_min s + (β_max − β_min) s²/2}, {@code α_t = exp(−T/2)} and
 * {@code σ_t = sqrt(1 − exp(−T))}. At {@code t = 0} it is close to, not exactly, {@code (0, 1)}.
 */
final class VpScheduler implements Scheduler {

    private final double betaMin;
    private final double betaMax;

    private VpScheduler(double betaMin, double betaMax) {
        this.betaMin = betaMin;
        this.betaMax = betaMax;
    }

    static VpScheduler of(double betaMin, double betaMax) {
        if (!(betaMin > 0) || !(betaMax > betaMin) || !Double.isFinite(betaMax)) {
            throw new IllegalArgumentException(
                    "VP schedule needs 0 < betaMin < betaMax: " + betaMin + ", " + betaMax);
        }
        return new VpScheduler(betaMin, betaMax);
    }

    private double integral(double t) {
        double s = 1 - t;
        return betaMin * s + 0.5 * (betaMax - betaMin) * s * s;
    }

    /** dT/dt = −β(1 − t). */
    private double integralDerivative(double t) {
        double s = 1 - t;
        return -(betaMin + (betaMax - betaMin) * s);
    }

    @Override
    public double alpha(double t) {
        return Math.exp(-0.5 * integral(t));
    }

    @Override
    public double sigma(double t) {
        return Math.sqrt(-Math.expm1(-integral(t)));
    }

    @Override
    public double alphaDerivative(double t) {
        return -0.5 * integralDerivative(t) * alpha(t);
    }

    @Override
    public double sigmaDerivative(double t) {
        double big = integral(t);
        double sigma = Math.sqrt(-Math.expm1(-big));
        if (sigma == 0) {
            // σ ≈ sqrt(T) near t = 1, so dσ/dt = T'/(2 sqrt(T)) diverges; report the limit direction.
            return Double.NEGATIVE_INFINITY;
        }
        return 0.5 * Math.exp(-big) * integralDerivative(t) / sigma;
    }

    @Override
    public String name() {
        return "vp(" + betaMin + "," + betaMax + ")";
    }
}
