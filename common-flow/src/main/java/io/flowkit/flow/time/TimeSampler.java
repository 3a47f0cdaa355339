package io.flowkit.flow.time;

import io.flowkit.flow.random.SeededRandom;

/**
 * Draws training times {@code t ∈ [0, 1]}, where {@code t = 0} is the source and {@code t = 1}
 * the data.
 */
public interface TimeSampler {

    /**
     * Draws times.
     *
     * @param n how many
     * @param random the random stream
     * @return {@code n} times in [0, 1]
     */
    float[] sample(int n, SeededRandom random);

    /** @return a name that identifies the distribution and its settings */
    String name();

    /**
     * The uniform distribution on [0, 1].
     *
     * @return the sampler
     */
    static TimeSampler uniform() {
        return TimeSamplers.UNIFORM;
    }

    /**
     * The logit-normal distribution: {@code t = sigmoid(m + s·z)}, z standard normal (Esser et al.
     * 2024, "Scaling Rectified Flow Transformers", section 3.1).
     *
     * @param mean location {@code m}
     * @param std scale {@code s}, positive
     * @return the sampler
     */
    static TimeSampler logitNormal(double mean, double std) {
        return TimeSamplers.logitNormal(mean, std);
    }

    /**
     * A sampler whose times are shifted by {@code t ↦ s·t / (1 + (s − 1)·t)} (the
     * resolution-dependent shift of Esser et al. 2024, eq. 23, in flowkit's time direction): a
     * factor above 1 moves mass towards the data, below 1 towards the source.
     *
     * @param base the sampler to shift
     * @param shift the factor {@code s}, positive
     * @return the sampler
     */
    static TimeSampler shifted(TimeSampler base, double shift) {
        return TimeSamplers.shifted(base, shift);
    }

    /**
     * The cosine sampler {@code t = 1 − cos(u·π/2)}, u uniform (PUFM, Liu et al. 2025), which puts
     * more time near the source.
     *
     * @return the sampler
     */
    static TimeSampler cosine() {
        return TimeSamplers.COSINE;
    }

    /**
     * The U-shaped distribution with density proportional to {@code cosh(a·(2t − 1))} (Lee et al.
     * 2024, "Improving the Training of Rectified Flows", section 3.3; used by Rectified Point
     * Flow), which stresses both ends of the path.
     *
     * @param a the sharpness {@code a}, positive (the paper uses 4)
     * @return the sampler
     */
    static TimeSampler uShaped(double a) {
        return TimeSamplers.uShaped(a);
    }

    /**
     * Times drawn with density proportional to a measured loss profile (PUFM++, stage 3: the
     * normalised integral of the loss {@code L(t)} is the CDF).
     *
     * @param profile the loss profile as a piecewise-linear density
     * @return the sampler
     */
    static TimeSampler lossAdaptive(PiecewiseLinearCdf profile) {
        return TimeSamplers.lossAdaptive(profile);
    }

    /**
     * A sampler by name: {@code uniform}, {@code logit-normal[:m,s]}, {@code cosine},
     * {@code u-shaped[:a]}, each optionally followed by {@code @shift}.
     *
     * @param name the name, e.g. {@code "logit-normal:0,1"} or {@code "uniform@3"}
     * @return the sampler
     * @throws IllegalArgumentException on an unknown name or bad settings
     */
    static TimeSampler byName(String name) {
        return TimeSamplers.byName(name);
    }

    /**
     * Always the same time, for objectives at one point of the path (for example PUFM++'s stage-2
     * refinement of the one-step prediction {@code x0 + v(x0, 0)}).
     *
     * @param t the time, in [0, 1]
     * @return the sampler
     * @throws IllegalArgumentException if {@code t} is outside [0, 1]
     */
    static TimeSampler constant(double t) {
        return TimeSamplers.constant(t);
    }
}
