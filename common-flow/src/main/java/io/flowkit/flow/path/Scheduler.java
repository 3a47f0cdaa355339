package io.flowkit.flow.path;

import java.util.Locale;

/**
 * The schedule {@code (α_t, σ_t)} of an affine probability path {@code x_t = α_t x1 + σ_t x0},
 * with {@code t = 0} the source and {@code t = 1} the data, so {@code α_1 = 1, σ_1 = 0} and
 * (exactly or nearly) {@code α_0 = 0, σ_0 = 1}.
 */
public interface Scheduler {

    /**
     * @param t time in [0, 1]
     * @return the data coefficient {@code α_t}
     */
    double alpha(double t);

    /**
     * @param t time in [0, 1]
     * @return the source coefficient {@code σ_t}
     */
    double sigma(double t);

    /**
     * @param t time in [0, 1]
     * @return {@code dα_t/dt}
     */
    double alphaDerivative(double t);

    /**
     * @param t time in [0, 1]
     * @return {@code dσ_t/dt}
     */
    double sigmaDerivative(double t);

    /** @return a short name that identifies the schedule and its settings, e.g. {@code "linear"} */
    String name();

    /**
     * The linear (conditional optimal transport) schedule {@code α_t = t, σ_t = 1 − t}.
     *
     * @return the schedule
     */
    static Scheduler linear() {
        return LinearScheduler.INSTANCE;
    }

    /**
     * The cosine schedule {@code α_t = sin(πt/2), σ_t = cos(πt/2)}.
     *
     * @return the schedule
     */
    static Scheduler cosine() {
        return CosineScheduler.INSTANCE;
    }

    /**
     * The variance-preserving schedule with the usual {@code β_min = 0.1, β_max = 20}.
     *
     * @return the schedule
     */
    static Scheduler vp() {
        return VpScheduler.of(0.1, 20);
    }

    /**
     * The polynomial schedule {@code α_t = tⁿ, σ_t = 1 − tⁿ}.
     *
     * @param n the exponent, positive
     * @return the schedule
     */
    static Scheduler polynomial(double n) {
        return PolynomialScheduler.of(n);
    }

    /**
     * A schedule by name: {@code linear}, {@code cosine}, {@code vp} or {@code polynomial:<n>}.
     *
     * @param name the name
     * @return the schedule
     * @throws IllegalArgumentException naming the known schedules when the name is unknown
     */
    static Scheduler byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("linear") || n.equals("condot")) {
            return linear();
        }
        if (n.equals("cosine")) {
            return cosine();
        }
        if (n.equals("vp")) {
            return vp();
        }
        if (n.startsWith("polynomial:")) {
            try {
                return polynomial(Double.parseDouble(n.substring("polynomial:".length())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("polynomial exponent is not a number: " + name, e);
            }
        }
        throw new IllegalArgumentException(
                "unknown scheduler: " + name + " (known: linear, cosine, vp, polynomial:<n>)");
    }
}
