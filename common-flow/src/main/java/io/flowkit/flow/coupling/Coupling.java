package io.flowkit.flow.coupling;

import io.flowkit.core.math.Sinkhorn;
import io.flowkit.flow.random.SeededRandom;
import java.util.Locale;

/**
 * Pairs a batch of source samples with a batch of data samples (conditional flow matching with a
 * coupling, Tong et al. 2024, "Improving and generalizing flow-based generative models with
 * minibatch optimal transport"). Data sample {@code i} stays at position {@code i}.
 */
public interface Coupling {

    /**
     * Couples two batches laid out sample-major on the host.
     *
     * @param x0 source samples, {@code batch × d} values
     * @param x1 data samples, {@code batch × d} values
     * @param batch the number of samples
     * @param random the random stream (for couplings that draw)
     * @return the coupled batch
     * @throws IllegalArgumentException if the arrays do not hold {@code batch} samples of one size
     */
    CoupledBatch couple(float[] x0, float[] x1, int batch, SeededRandom random);

    /** @return a name that identifies the coupling and its settings */
    String name();

    /**
     * The independent coupling: source sample {@code i} with data sample {@code i} (Lipman et al.
     * 2023; I-CFM of Tong et al. 2024).
     *
     * @return the coupling
     */
    static Coupling independent() {
        return IndependentCoupling.INSTANCE;
    }

    /**
     * Minibatch optimal transport by exact assignment under squared Euclidean cost (OT-CFM, Tong et
     * al. 2024; Pooladian et al. 2023).
     *
     * @return the coupling
     */
    static Coupling exactOt() {
        return ExactOtCoupling.INSTANCE;
    }

    /**
     * Minibatch entropic optimal transport: a Sinkhorn plan, from which each data sample draws its
     * source sample (Tong et al. 2024, section 3.2 with entropic OT).
     *
     * @param epsilon regularisation relative to the largest cost in the batch, e.g. 0.05
     * @return the coupling
     */
    static Coupling sinkhorn(double epsilon) {
        return new SinkhornCoupling(Sinkhorn.of(epsilon, 500, 1e-6));
    }

    /**
     * Weighted CFM: independent pairs weighted by a Gibbs kernel {@code w = exp(−‖x0 − x1‖²/ε)},
     * normalised to mean 1 in the batch, which approximates entropic OT without solving it
     * (Calvo-Ordoñez et al. 2025, "Weighted Conditional Flow Matching").
     *
     * @param epsilon temperature relative to the batch's mean squared distance, positive
     * @return the coupling
     */
    static Coupling weighted(double epsilon) {
        return new WeightedCoupling(epsilon);
    }

    /**
     * A coupling by name: {@code independent}, {@code ot}, {@code sinkhorn[:eps]},
     * {@code weighted[:eps]}.
     *
     * @param name the name
     * @return the coupling
     * @throws IllegalArgumentException naming the known couplings when the name is unknown
     */
    static Coupling byName(String name) {
        String full = name.trim().toLowerCase(Locale.ROOT);
        String[] parts = full.split(":", 2);
        try {
            switch (parts[0]) {
                case "independent":
                    return independent();
                case "ot":
                case "exact-ot":
                    return exactOt();
                case "sinkhorn":
                    return sinkhorn(parts.length > 1 ? Double.parseDouble(parts[1]) : 0.05);
                case "weighted":
                    return weighted(parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0);
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("coupling setting is not a number: " + name, e);
        }
        throw new IllegalArgumentException(
                "unknown coupling: " + name + " (known: independent, ot, sinkhorn[:eps], weighted[:eps])");
    }
}
