package io.flowkit.assembly.pose;

import io.flowkit.core.math.So3;
import io.flowkit.flow.random.SeededRandom;

/**
 * The probability path of the pose flow, on the host. A part with points {@code X} (its input pose)
 * is placed by a pose {@code (R, τ)} at {@code R X + τ}. From a source pose {@code (R0, τ0)} to the
 * true pose {@code (R1, τ1)}: {@code R_t = R0 exp(t Ω)} with the body-frame rate
 * {@code Ω = log(R0ᵀ R1)} (a geodesic of SO(3)), and {@code τ_t = (1 − t) τ0 + t τ1} with rate
 * {@code v = τ1 − τ0}. A point then moves with {@code u = R_t (Ω × x) + v}. Time runs from 0 (the
 * source) to 1 (the assembly), as everywhere in flowkit. Rotations are row-major 3 × 3 arrays.
 */
public final class PosePath {

    private PosePath() {}

    /**
     * A pose.
     *
     * @param rotation row-major 3 × 3
     * @param translation 3 entries
     */
    public record Pose(double[] rotation, double[] translation) {
        /**
         * Checks and copies the arrays: a pose is immutable.
         *
         * @throws IllegalArgumentException unless the rotation has 9 entries and the translation 3
         */
        public Pose {
            if (rotation.length != 9 || translation.length != 3) {
                throw new IllegalArgumentException("a pose needs a 3 × 3 rotation and 3 translations, not "
                        + rotation.length + " and " + translation.length);
            }
            rotation = rotation.clone();
            translation = translation.clone();
        }

        /** @return a copy of the rotation, row-major 3 × 3 */
        @Override
        public double[] rotation() {
            return rotation.clone();
        }

        /** @return a copy of the translation */
        @Override
        public double[] translation() {
            return translation.clone();
        }
    }

    /**
     * A source pose: a rotation uniform on SO(3) and a Gaussian translation.
     *
     * @param random the random stream
     * @param sigma the standard deviation of each translation coordinate
     * @return the pose
     */
    public static Pose source(SeededRandom random, double sigma) {
        double[] r = So3.fromUniforms(random.nextDouble(), random.nextDouble(), random.nextDouble());
        double[] t = {sigma * random.nextGaussian(), sigma * random.nextGaussian(), sigma * random.nextGaussian()};
        return new Pose(r, t);
    }

    /**
     * The body-frame angular rate of the geodesic from {@code r0} to {@code r1}.
     *
     * @param r0 the source rotation
     * @param r1 the target rotation
     * @return {@code log(r0ᵀ r1)}
     */
    public static double[] angularRate(double[] r0, double[] r1) {
        return So3.log(So3.multiply(So3.transpose(r0), r1));
    }

    /**
     * The pose at time t on the path.
     *
     * @param source the source pose
     * @param target the target pose
     * @param t the time in [0, 1]
     * @return {@code (R0 exp(tΩ), (1 − t) τ0 + t τ1)}
     */
    public static Pose at(Pose source, Pose target, double t) {
        double[] omega = angularRate(source.rotation(), target.rotation());
        double[] r = So3.multiply(source.rotation(), So3.exp(new double[] {t * omega[0], t * omega[1], t * omega[2]}));
        double[] from = source.translation();
        double[] to = target.translation();
        double[] tr = new double[3];
        for (int d = 0; d < 3; d++) {
            tr[d] = (1 - t) * from[d] + t * to[d];
        }
        return new Pose(r, tr);
    }

    /**
     * Places points by a pose.
     *
     * @param pose the pose
     * @param points interleaved xyz
     * @return {@code R x + τ} for each point
     */
    public static double[] place(Pose pose, double[] points) {
        return So3.transformPoints(pose.rotation(), pose.translation(), points);
    }

    /**
     * The velocities of points under a rigid motion.
     *
     * @param rotation the current rotation {@code R_t}
     * @param omega the body-frame angular rate Ω
     * @param v the translation rate
     * @param points the points in the input pose {@code x}, interleaved xyz
     * @return {@code R_t (Ω × x) + v} for each point
     */
    public static double[] pointVelocities(double[] rotation, double[] omega, double[] v, double[] points) {
        double[] out = new double[points.length];
        for (int i = 0; i < points.length / 3; i++) {
            double x = points[3 * i];
            double y = points[3 * i + 1];
            double z = points[3 * i + 2];
            double[] c = {omega[1] * z - omega[2] * y, omega[2] * x - omega[0] * z, omega[0] * y - omega[1] * x};
            double[] w = So3.apply(rotation, c);
            for (int d = 0; d < 3; d++) {
                out[3 * i + d] = w[d] + v[d];
            }
        }
        return out;
    }

    /**
     * The rigid motion that best explains point velocities, by least squares: the Ω and v that
     * minimise {@code Σ |R_t (Ω × x_i) + v − u_i|²}. A small ridge on Ω keeps degenerate parts
     * (all points on a line) solvable.
     *
     * @param rotation the current rotation {@code R_t}
     * @param points the points in the input pose, interleaved xyz
     * @param velocities their velocities, interleaved xyz
     * @return {@code {Ω, v}}
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static double[][] rates(double[] rotation, double[] points, double[] velocities) {
        if (points.length == 0 || points.length != velocities.length || points.length % 3 != 0) {
            throw new IllegalArgumentException("points and velocities do not match: " + points.length + " and "
                    + velocities.length);
        }
        // In the body frame: y_i = R_tᵀ u_i = Ω × x_i + w = -[x_i]× Ω + w with w = R_tᵀ v.
        double[] rt = So3.transpose(rotation);
        double[][] a = new double[6][6];
        double[] b = new double[6];
        int n = points.length / 3;
        for (int i = 0; i < n; i++) {
            double[] x = {points[3 * i], points[3 * i + 1], points[3 * i + 2]};
            double[] y = So3.apply(rt, new double[] {velocities[3 * i], velocities[3 * i + 1], velocities[3 * i + 2]});
            // rows of the 3 × 6 block J_i = [ -[x]× , I ]
            double[][] j = {
                {0, x[2], -x[1], 1, 0, 0},
                {-x[2], 0, x[0], 0, 1, 0},
                {x[1], -x[0], 0, 0, 0, 1}};
            for (int r = 0; r < 3; r++) {
                for (int p = 0; p < 6; p++) {
                    b[p] += j[r][p] * y[r];
                    for (int q = 0; q < 6; q++) {
                        a[p][q] += j[r][p] * j[r][q];
                    }
                }
            }
        }
        double scale = 0;
        for (int p = 0; p < 3; p++) {
            scale += a[p][p];
        }
        for (int p = 0; p < 3; p++) {
            a[p][p] += 1e-9 * Math.max(scale, 1e-12);
        }
        double[] z = solve(a, b);
        double[] omega = {z[0], z[1], z[2]};
        double[] v = So3.apply(rotation, new double[] {z[3], z[4], z[5]});
        return new double[][] {omega, v};
    }

    /** Gaussian elimination with partial pivoting on a small dense system (overwrites its arguments). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] row = a[c];
            a[c] = a[pivot];
            a[pivot] = row;
            double tb = b[c];
            b[c] = b[pivot];
            b[pivot] = tb;
            if (a[c][c] == 0) {
                continue; // a zero column: that unknown stays 0
            }
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = a[r][r] == 0 ? 0 : s / a[r][r];
        }
        return x;
    }
}
