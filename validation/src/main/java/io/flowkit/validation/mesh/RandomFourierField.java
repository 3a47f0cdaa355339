package io.flowkit.validation.mesh;

import io.flowkit.validation.internal.Checks;
import java.util.SplittableRandom;

/**
 * A smooth random field on 3D space by random Fourier features (Rahimi and Recht 2007, "Random
 * Features for Large-Scale Kernel Machines"):
 *
 * <pre>
 *   f(x) = sqrt(2/J) Σ_j a_j cos(ω_j · x + b_j),   a_j ~ N(0, 1), ω_j ~ N(0, I/ℓ²), b_j ~ U[0, 2π)
 * </pre>
 *
 * <p>an approximate sample of the Gaussian process with covariance {@code exp(−|x − y|²/(2ℓ²))}
 * (unit variance). Evaluated at the vertices of two triangulations of one surface with the same
 * seed, it gives the same continuous field on both, which makes it a reference for statistics
 * that should not depend on the triangulation.
 */
public final class RandomFourierField {

    private final double[] omega;
    private final double[] phase;
    private final double[] amplitude;

    private RandomFourierField(double[] omega, double[] phase, double[] amplitude) {
        this.omega = omega;
        this.phase = phase;
        this.amplitude = amplitude;
    }

    /**
     * Draws one field.
     *
     * @param lengthScale the correlation length ℓ, in the units of the points
     * @param features the number of features J (a few hundred give a smooth, nearly Gaussian field)
     * @param seed random seed; the same seed gives the same field
     * @return the field
     * @throws IllegalArgumentException if the length scale is not positive or features below 1
     */
    public static RandomFourierField sample(double lengthScale, int features, long seed) {
        Checks.positive(lengthScale, "length scale");
        Checks.atLeast(features, 1, "features");
        SplittableRandom random = new SplittableRandom(seed);
        double[] omega = new double[3 * features];
        double[] phase = new double[features];
        double[] amplitude = new double[features];
        for (int j = 0; j < features; j++) {
            for (int a = 0; a < 3; a++) {
                omega[3 * j + a] = gaussian(random) / lengthScale;
            }
            phase[j] = 2 * Math.PI * random.nextDouble();
            amplitude[j] = gaussian(random) * Math.sqrt(2.0 / features);
        }
        return new RandomFourierField(omega, phase, amplitude);
    }

    /**
     * Evaluates the field at points.
     *
     * @param xyz interleaved coordinates
     * @return one value per point
     * @throws IllegalArgumentException on an empty or non-finite point set
     */
    public double[] evaluate(double[] xyz) {
        int n = Checks.points3(xyz, "points");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x = xyz[3 * i];
            double y = xyz[3 * i + 1];
            double z = xyz[3 * i + 2];
            double s = 0;
            for (int j = 0; j < phase.length; j++) {
                s += amplitude[j] * Math.cos(omega[3 * j] * x + omega[3 * j + 1] * y + omega[3 * j + 2] * z + phase[j]);
            }
            out[i] = s;
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
