package io.flowkit.flow.random;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A seeded random stream whose state can be saved and restored, so that a training run resumed
 * from a checkpoint draws exactly the numbers an uninterrupted run would have drawn.
 *
 * <p>Backed by the XoShiRo128++ generator of Commons RNG; Gaussian numbers by the ziggurat method,
 * which keeps no state of its own. Not thread-safe: give each thread its own stream
 * ({@link #split(long)}).
 */
public final class SeededRandom {

    private static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    private final long seed;
    private final RestorableUniformRandomProvider provider;
    private final NormalizedGaussianSampler gaussian;

    private SeededRandom(long seed) {
        this.seed = seed;
        this.provider = SOURCE.create(seed);
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(provider);
    }

    /**
     * A stream for a seed.
     *
     * @param seed the seed; the same seed gives the same numbers
     * @return a new stream
     */
    public static SeededRandom of(long seed) {
        return new SeededRandom(seed);
    }

    /** @return the seed this stream was made from */
    public long seed() {
        return seed;
    }

    /**
     * An independent stream derived from this stream's seed and a label (for example one per
     * worker or per purpose); it does not advance this stream.
     *
     * @param label distinguishes derived streams
     * @return a new stream
     */
    public SeededRandom split(long label) {
        long mixed = seed * 0x9E3779B97F4A7C15L + label;
        mixed ^= mixed >>> 31;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 29;
        return new SeededRandom(mixed);
    }

    /** @return a uniform number in [0, 1) */
    public double nextDouble() {
        return provider.nextDouble();
    }

    /**
     * A uniform integer.
     *
     * @param bound exclusive upper bound, positive
     * @return a number in [0, bound)
     */
    public int nextInt(int bound) {
        return provider.nextInt(bound);
    }

    /** @return a standard normal number */
    public double nextGaussian() {
        return gaussian.sample();
    }

    /**
     * Standard normal numbers.
     *
     * @param n how many
     * @return a new array of {@code n} draws
     */
    public float[] gaussian(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) gaussian.sample();
        }
        return out;
    }

    /**
     * Uniform numbers in [0, 1).
     *
     * @param n how many
     * @return a new array of {@code n} draws
     */
    public float[] uniform(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) provider.nextDouble();
        }
        return out;
    }

    /**
     * A uniformly random permutation (Fisher-Yates).
     *
     * @param n its length
     * @return a permutation of 0..n-1
     */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = provider.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /** @return the generator's state, to be stored in a checkpoint */
    public byte[] saveState() {
        return ((RandomProviderDefaultState) provider.saveState()).getState();
    }

    /**
     * Restores a state from {@link #saveState()}.
     *
     * @param state the saved state
     * @throws IllegalArgumentException if the state does not belong to this kind of generator
     */
    public void restoreState(byte[] state) {
        try {
            provider.restoreState(new RandomProviderDefaultState(state));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("random state cannot be restored: " + e.getMessage(), e);
        }
    }
}
