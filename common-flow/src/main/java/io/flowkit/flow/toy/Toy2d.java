package io.flowkit.flow.toy;

import io.flowkit.flow.random.SeededRandom;
import java.util.Locale;

/**
 * Two-dimensional benchmark distributions, as in torchcfm (Tong et al. 2024) and FFJORD (Grathwohl
 * et al. 2019). Samples are interleaved {@code x, y} pairs.
 */
public enum Toy2d {
    /** The standard normal N(0, I). */
    GAUSSIAN("gaussian"),
    /** Eight Gaussians on a circle of radius 5, each with covariance √0.1·I (torchcfm's {@code sample_8gaussians}). */
    EIGHT_GAUSSIANS("8gaussians"),
    /** Two interleaved half circles with noise 0.2, scaled by 3 and shifted by −1 (torchcfm's {@code sample_moons}). */
    MOONS("moons"),
    /** Eight squares of a checkerboard on [−4, 4]² (FFJORD's {@code checkerboard}). */
    CHECKERBOARD("checkerboard");

    private static final double EIGHT_RADIUS = 5;
    private static final double EIGHT_STD = Math.sqrt(Math.sqrt(0.1));

    private final String id;

    Toy2d(String id) {
        this.id = id;
    }

    /** @return the short name, e.g. {@code "moons"} */
    public String id() {
        return id;
    }

    /**
     * Draws samples.
     *
     * @param n how many
     * @param random the random stream
     * @return {@code 2n} values, {@code x, y} interleaved
     */
    public float[] sample(int n, SeededRandom random) {
        if (n < 0) {
            throw new IllegalArgumentException("number of samples is negative: " + n);
        }
        float[] out = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double x;
            double y;
            switch (this) {
                case GAUSSIAN:
                    x = random.nextGaussian();
                    y = random.nextGaussian();
                    break;
                case EIGHT_GAUSSIANS: {
                    double angle = random.nextInt(8) * Math.PI / 4;
                    x = EIGHT_RADIUS * Math.cos(angle) + EIGHT_STD * random.nextGaussian();
                    y = EIGHT_RADIUS * Math.sin(angle) + EIGHT_STD * random.nextGaussian();
                    break;
                }
                case MOONS: {
                    double angle = Math.PI * random.nextDouble();
                    if (random.nextInt(2) == 0) {
                        x = Math.cos(angle);
                        y = Math.sin(angle);
                    } else {
                        x = 1 - Math.cos(angle);
                        y = 0.5 - Math.sin(angle);
                    }
                    x = 3 * (x + 0.2 * random.nextGaussian()) - 1;
                    y = 3 * (y + 0.2 * random.nextGaussian()) - 1;
                    break;
                }
                case CHECKERBOARD: {
                    double a = 4 * random.nextDouble() - 2;
                    double b = random.nextDouble() - 2 * random.nextInt(2) + Math.floorMod((long) Math.floor(a), 2);
                    x = 2 * a;
                    y = 2 * b;
                    break;
                }
                default:
                    throw new AssertionError(this);
            }
            out[2 * i] = (float) x;
            out[2 * i + 1] = (float) y;
        }
        return out;
    }

    /**
     * Looks a distribution up by its short name.
     *
     * @param name e.g. {@code "8gaussians"}
     * @return the distribution
     * @throws IllegalArgumentException naming the known ones
     */
    public static Toy2d byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Toy2d d : values()) {
            if (d.id.equals(n)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown 2D distribution: " + name + " (known: gaussian, 8gaussians, moons, checkerboard)");
    }
}
