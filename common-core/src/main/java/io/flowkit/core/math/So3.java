package io.flowkit.core.math;

/**
 * The rotation group SO(3): exponential and logarithm maps, composition and geodesics.
 *
 * <p>A rotation is a 3 × 3 matrix stored row-major in a {@code double[9]}; a tangent vector (axis
 * times angle, in radians) is a {@code double[3]}. The exponential is Rodrigues' formula
 * {@code exp(ω) = I + sin θ/θ [ω]× + (1 − cos θ)/θ² [ω]×²} with {@code θ = |ω|}; the logarithm is
 * its inverse with angle in [0, π], handled separately near 0 and near π where the textbook
 * formula loses precision.
 */
public final class So3 {

    /** Below this angle (radians) series expansions replace the closed forms. */
    private static final double SMALL_ANGLE = 1e-4;

    private So3() {}

    /** @return a new identity rotation */
    public static double[] identity() {
        return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    /**
     * A rotation drawn uniformly (Haar measure) from three independent uniforms in [0, 1), by
     * Shoemake's unit quaternion construction (Graphics Gems III, 1992).
     *
     * @param u1 first uniform
     * @param u2 second uniform
     * @param u3 third uniform
     * @return the rotation matrix
     * @throws IllegalArgumentException if a value is outside [0, 1]
     */
    public static double[] fromUniforms(double u1, double u2, double u3) {
        for (double u : new double[] {u1, u2, u3}) {
            if (!(u >= 0 && u <= 1)) {
                throw new IllegalArgumentException("uniform value is outside [0, 1]: " + u);
            }
        }
        double a = Math.sqrt(1 - u1);
        double b = Math.sqrt(u1);
        double w = a * Math.sin(2 * Math.PI * u2);
        double x = a * Math.cos(2 * Math.PI * u2);
        double y = b * Math.sin(2 * Math.PI * u3);
        double z = b * Math.cos(2 * Math.PI * u3);
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)
        };
    }

    /**
     * The exponential map (Rodrigues' formula).
     *
     * @param omega rotation vector: axis times angle in radians
     * @return the rotation matrix
     */
    public static double[] exp(double[] omega) {
        checkLength(omega, 3, "omega");
        double x = omega[0];
        double y = omega[1];
        double z = omega[2];
        double theta2 = x * x + y * y + z * z;
        double theta = Math.sqrt(theta2);
        double a;
        double b;
        if (theta < SMALL_ANGLE) {
            a = 1 - theta2 / 6;
            b = 0.5 - theta2 / 24;
        } else {
            a = Math.sin(theta) / theta;
            b = (1 - Math.cos(theta)) / theta2;
        }
        // R = I + a K + b K², K = [ω]×, K² = ωωᵀ − θ² I
        return new double[] {
            1 + b * (x * x - theta2), -a * z + b * x * y, a * y + b * x * z,
            a * z + b * x * y, 1 + b * (y * y - theta2), -a * x + b * y * z,
            -a * y + b * x * z, a * x + b * y * z, 1 + b * (z * z - theta2)
        };
    }

    /**
     * The logarithm map: the rotation vector with angle in [0, π].
     *
     * @param r rotation matrix, row-major
     * @return the rotation vector (axis times angle); at an angle of exactly π either of the two
     *     opposite vectors may be returned
     */
    public static double[] log(double[] r) {
        checkLength(r, 9, "rotation");
        double trace = r[0] + r[4] + r[8];
        double cos = Math.max(-1, Math.min(1, (trace - 1) / 2));
        double wx = r[7] - r[5];
        double wy = r[2] - r[6];
        double wz = r[3] - r[1];
        double sinTimes2 = Math.sqrt(wx * wx + wy * wy + wz * wz); // = 2 sin θ
        double theta = Math.atan2(sinTimes2 / 2, cos);
        if (theta < SMALL_ANGLE) {
            double f = 0.5 * (1 + theta * theta / 6);
            return new double[] {f * wx, f * wy, f * wz};
        }
        if (Math.PI - theta > 1e-3) {
            double f = theta / sinTimes2;
            return new double[] {f * wx, f * wy, f * wz};
        }
        // Near π: R ≈ 2nnᵀ − I, so the axis comes from the diagonal; the sign from the skew part.
        double oneMinusCos = 1 - cos;
        double nx = Math.sqrt(Math.max(0, (r[0] - cos) / oneMinusCos));
        double ny = Math.sqrt(Math.max(0, (r[4] - cos) / oneMinusCos));
        double nz = Math.sqrt(Math.max(0, (r[8] - cos) / oneMinusCos));
        // Fix relative signs from the symmetric part, using the largest component as reference.
        if (nx >= ny && nx >= nz) {
            ny = Math.copySign(ny, r[1] + r[3]);
            nz = Math.copySign(nz, r[2] + r[6]);
            if (wx < 0) {
                nx = -nx;
                ny = -ny;
                nz = -nz;
            }
        } else if (ny >= nz) {
            nx = Math.copySign(nx, r[1] + r[3]);
            nz = Math.copySign(nz, r[5] + r[7]);
            if (wy < 0) {
                nx = -nx;
                ny = -ny;
                nz = -nz;
            }
        } else {
            nx = Math.copySign(nx, r[2] + r[6]);
            ny = Math.copySign(ny, r[5] + r[7]);
            if (wz < 0) {
                nx = -nx;
                ny = -ny;
                nz = -nz;
            }
        }
        double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
        return new double[] {theta * nx / norm, theta * ny / norm, theta * nz / norm};
    }

    /**
     * Matrix product {@code a · b}.
     *
     * @param a left rotation
     * @param b right rotation
     * @return the composition (b applied first)
     */
    public static double[] multiply(double[] a, double[] b) {
        checkLength(a, 9, "a");
        checkLength(b, 9, "b");
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return c;
    }

    /**
     * The inverse rotation (the transpose).
     *
     * @param r rotation
     * @return its transpose
     */
    public static double[] transpose(double[] r) {
        checkLength(r, 9, "rotation");
        return new double[] {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]};
    }

    /**
     * The geodesic angle between two rotations, {@code |log(aᵀ b)|}.
     *
     * @param a first rotation
     * @param b second rotation
     * @return the angle in radians, in [0, π]
     */
    public static double angle(double[] a, double[] b) {
        double[] d = multiply(transpose(a), b);
        double[] w = log(d);
        return Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
    }

    /**
     * The point at time {@code t} on the geodesic from {@code a} (t = 0) to {@code b} (t = 1):
     * {@code a · exp(t · log(aᵀ b))}.
     *
     * @param a start rotation
     * @param b end rotation
     * @param t time; values outside [0, 1] extrapolate
     * @return the interpolated rotation
     */
    public static double[] geodesic(double[] a, double[] b, double t) {
        double[] w = log(multiply(transpose(a), b));
        return multiply(a, exp(new double[] {t * w[0], t * w[1], t * w[2]}));
    }

    /**
     * Applies a rotation to a vector.
     *
     * @param r rotation
     * @param v vector of length 3
     * @return {@code r · v}
     */
    public static double[] apply(double[] r, double[] v) {
        checkLength(r, 9, "rotation");
        checkLength(v, 3, "vector");
        return new double[] {
            r[0] * v[0] + r[1] * v[1] + r[2] * v[2],
            r[3] * v[0] + r[4] * v[1] + r[5] * v[2],
            r[6] * v[0] + r[7] * v[1] + r[8] * v[2]
        };
    }

    /**
     * Applies a rigid motion {@code x ↦ R x + t} to interleaved points.
     *
     * @param r rotation, row-major
     * @param translation translation of length 3, or {@code null} for none
     * @param xyz interleaved points, a multiple of 3 values
     * @return a new array with the moved points
     */
    public static double[] transformPoints(double[] r, double[] translation, double[] xyz) {
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException("points length is not a multiple of 3: " + xyz.length);
        }
        double tx = translation == null ? 0 : translation[0];
        double ty = translation == null ? 0 : translation[1];
        double tz = translation == null ? 0 : translation[2];
        double[] out = new double[xyz.length];
        for (int i = 0; i < xyz.length; i += 3) {
            double x = xyz[i];
            double y = xyz[i + 1];
            double z = xyz[i + 2];
            out[i] = r[0] * x + r[1] * y + r[2] * z + tx;
            out[i + 1] = r[3] * x + r[4] * y + r[5] * z + ty;
            out[i + 2] = r[6] * x + r[7] * y + r[8] * z + tz;
        }
        return out;
    }

    private static void checkLength(double[] a, int length, String name) {
        if (a == null || a.length != length) {
            throw new IllegalArgumentException(
                    name + " does not have length " + length + ": " + (a == null ? "null" : a.length));
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(name + " is not finite: " + java.util.Arrays.toString(a));
            }
        }
    }
}
