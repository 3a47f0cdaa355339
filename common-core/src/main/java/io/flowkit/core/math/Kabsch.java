package io.flowkit.core.math;

/**
 * Optimal superposition of two 3D point sets: the rigid motion that minimises the (weighted)
 * root-mean-square deviation between corresponding points (Kabsch 1976, "A solution for the best
 * rotation to relate two sets of vectors").
 *
 * <p>The rotation is found by Horn's closed form with unit quaternions (Horn 1987, "Closed-form
 * solution of absolute orientation using unit quaternions"): the optimal quaternion is the
 * eigenvector of the largest eigenvalue of a symmetric 4 × 4 matrix built from the
 * cross-covariance of the centred sets. A quaternion always encodes a proper rotation, so the
 * determinant correction of the SVD form of Kabsch's method is built in. The eigenvector comes
 * from a cyclic Jacobi iteration, which is accurate also when the sets are degenerate (collinear
 * or coplanar points, where the optimal rotation is not unique and any optimum is returned).
 *
 * <p>Points are interleaved {@code x0, y0, z0, x1, y1, z1, ...}. The result maps {@code mobile}
 * onto {@code target}: {@code target_i ≈ R · mobile_i + t}.
 */
public final class Kabsch {

    private static final int MAX_JACOBI_SWEEPS = 60;

    private Kabsch() {}

    /**
     * The proper rotation and translation that best superpose {@code mobile} onto {@code target},
     * all points weighted equally.
     *
     * @param mobile the points to move, interleaved xyz
     * @param target the points to reach, same count and order
     * @return the superposition, with its RMSD
     * @throws IllegalArgumentException if the arrays are empty, differ in length, are not a multiple
     *     of 3 long or hold a value that is not finite
     */
    public static Superposition superpose(double[] mobile, double[] target) {
        return superpose(mobile, target, null);
    }

    /**
     * The proper rotation and translation that best superpose {@code mobile} onto {@code target}
     * with per-point weights.
     *
     * @param mobile the points to move, interleaved xyz
     * @param target the points to reach, same count and order
     * @param weights one non-negative finite weight per point with a positive sum, or {@code null}
     *     for equal weights
     * @return the superposition, with its weighted RMSD
     * @throws IllegalArgumentException on bad sizes, non-finite values or bad weights
     */
    public static Superposition superpose(double[] mobile, double[] target, double[] weights) {
        double[] w = checkedWeights(mobile, target, weights);
        return solve(mobile, target, w, false);
    }

    /**
     * The best superposition over all orthogonal transforms, reflections included: the lower RMSD
     * of the best proper rotation and the best rotation composed with a mirror image. Use it to
     * compare a structure with its enantiomer as well; for chemistry, where a mirror image is a
     * different molecule, use {@link #superpose(double[], double[])}.
     *
     * @param mobile the points to move, interleaved xyz
     * @param target the points to reach, same count and order
     * @return the superposition; {@link Superposition#reflection()} tells whether its matrix has
     *     determinant −1
     * @throws IllegalArgumentException on bad sizes or non-finite values
     */
    public static Superposition superposeAllowingReflection(double[] mobile, double[] target) {
        return superposeAllowingReflection(mobile, target, null);
    }

    /**
     * The best weighted superposition over all orthogonal transforms, reflections included.
     *
     * @param mobile the points to move, interleaved xyz
     * @param target the points to reach, same count and order
     * @param weights one non-negative finite weight per point with a positive sum, or {@code null}
     * @return the superposition of lower RMSD among the proper and the improper optimum
     * @throws IllegalArgumentException on bad sizes, non-finite values or bad weights
     */
    public static Superposition superposeAllowingReflection(double[] mobile, double[] target, double[] weights) {
        double[] w = checkedWeights(mobile, target, weights);
        Superposition proper = solve(mobile, target, w, false);
        Superposition improper = solve(mobile, target, w, true);
        return improper.rmsd() < proper.rmsd() ? improper : proper;
    }

    /**
     * The RMSD after the best proper superposition; a shortcut for
     * {@code superpose(mobile, target).rmsd()}.
     *
     * @param mobile the points to move, interleaved xyz
     * @param target the points to reach
     * @return the minimal RMSD, in the unit of the coordinates
     */
    public static double rmsd(double[] mobile, double[] target) {
        return superpose(mobile, target).rmsd();
    }

    /**
     * Solves one coset: proper rotations, or (with {@code mirror}) rotations composed with the
     * mirror {@code S = diag(-1, 1, 1)} applied first, found by Horn's method on the mirrored set.
     */
    private static Superposition solve(double[] mobile, double[] target, double[] w, boolean mirror) {
        int n = mobile.length / 3;
        double sw = 0;
        double[] cm = new double[3];
        double[] ct = new double[3];
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            sw += wi;
            for (int a = 0; a < 3; a++) {
                cm[a] += wi * mobile[3 * i + a];
                ct[a] += wi * target[3 * i + a];
            }
        }
        for (int a = 0; a < 3; a++) {
            cm[a] /= sw;
            ct[a] /= sw;
        }
        double sign = mirror ? -1 : 1;
        // Cross-covariance S_ab = sum w (p_a)(q_b) of the centred (possibly mirrored) sets.
        double[] s = new double[9];
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            double px = sign * (mobile[3 * i] - cm[0]);
            double py = mobile[3 * i + 1] - cm[1];
            double pz = mobile[3 * i + 2] - cm[2];
            double qx = target[3 * i] - ct[0];
            double qy = target[3 * i + 1] - ct[1];
            double qz = target[3 * i + 2] - ct[2];
            s[0] += wi * px * qx;
            s[1] += wi * px * qy;
            s[2] += wi * px * qz;
            s[3] += wi * py * qx;
            s[4] += wi * py * qy;
            s[5] += wi * py * qz;
            s[6] += wi * pz * qx;
            s[7] += wi * pz * qy;
            s[8] += wi * pz * qz;
        }
        double[] q = largestEigenvector(hornMatrix(s));
        double[] r = quaternionToMatrix(q);
        if (mirror) {
            // R' = R · S with S = diag(-1, 1, 1): negate the first column.
            r[0] = -r[0];
            r[3] = -r[3];
            r[6] = -r[6];
        }
        double[] t = {
            ct[0] - (r[0] * cm[0] + r[1] * cm[1] + r[2] * cm[2]),
            ct[1] - (r[3] * cm[0] + r[4] * cm[1] + r[5] * cm[2]),
            ct[2] - (r[6] * cm[0] + r[7] * cm[1] + r[8] * cm[2])
        };
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            double x = mobile[3 * i];
            double y = mobile[3 * i + 1];
            double z = mobile[3 * i + 2];
            double dx = r[0] * x + r[1] * y + r[2] * z + t[0] - target[3 * i];
            double dy = r[3] * x + r[4] * y + r[5] * z + t[1] - target[3 * i + 1];
            double dz = r[6] * x + r[7] * y + r[8] * z + t[2] - target[3 * i + 2];
            sum += wi * (dx * dx + dy * dy + dz * dz);
        }
        return new Superposition(r, t, Math.sqrt(sum / sw), mirror);
    }

    /** Horn's symmetric 4 × 4 matrix N (row-major) from the cross-covariance S (row-major). */
    private static double[] hornMatrix(double[] s) {
        double sxx = s[0], sxy = s[1], sxz = s[2];
        double syx = s[3], syy = s[4], syz = s[5];
        double szx = s[6], szy = s[7], szz = s[8];
        return new double[] {
            sxx + syy + szz, syz - szy, szx - sxz, sxy - syx,
            syz - szy, sxx - syy - szz, sxy + syx, szx + sxz,
            szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy,
            sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz
        };
    }

    /** The rotation matrix (row-major) of a unit quaternion (w, x, y, z). */
    private static double[] quaternionToMatrix(double[] q) {
        double w = q[0], x = q[1], y = q[2], z = q[3];
        double n = w * w + x * x + y * y + z * z;
        w /= Math.sqrt(n);
        x /= Math.sqrt(n);
        y /= Math.sqrt(n);
        z /= Math.sqrt(n);
        return new double[] {
            w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z
        };
    }

    /**
     * The eigenvector of the largest eigenvalue of a symmetric 4 × 4 matrix, by the cyclic Jacobi
     * method (Golub and Van Loan, Matrix Computations, §8.5).
     */
    private static double[] largestEigenvector(double[] matrix) {
        int n = 4;
        double[] a = matrix.clone();
        double[] v = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
        double scale = 0;
        for (double x : a) {
            scale = Math.max(scale, Math.abs(x));
        }
        if (scale > 0) {
            for (int sweep = 0; sweep < MAX_JACOBI_SWEEPS; sweep++) {
                double off = 0;
                for (int p = 0; p < n; p++) {
                    for (int q = p + 1; q < n; q++) {
                        off += a[p * n + q] * a[p * n + q];
                    }
                }
                if (Math.sqrt(off) <= 1e-17 * scale) {
                    break;
                }
                for (int p = 0; p < n; p++) {
                    for (int q = p + 1; q < n; q++) {
                        double apq = a[p * n + q];
                        if (apq == 0) {
                            continue;
                        }
                        double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                        if (theta == 0) {
                            t = 1;
                        }
                        double c = 1 / Math.sqrt(t * t + 1);
                        double sn = t * c;
                        // A <- Jᵀ A J on rows/columns p and q.
                        for (int k = 0; k < n; k++) {
                            double akp = a[k * n + p];
                            double akq = a[k * n + q];
                            a[k * n + p] = c * akp - sn * akq;
                            a[k * n + q] = sn * akp + c * akq;
                        }
                        for (int k = 0; k < n; k++) {
                            double apk = a[p * n + k];
                            double aqk = a[q * n + k];
                            a[p * n + k] = c * apk - sn * aqk;
                            a[q * n + k] = sn * apk + c * aqk;
                        }
                        for (int k = 0; k < n; k++) {
                            double vkp = v[k * n + p];
                            double vkq = v[k * n + q];
                            v[k * n + p] = c * vkp - sn * vkq;
                            v[k * n + q] = sn * vkp + c * vkq;
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (a[k * n + k] > a[best * n + best]) {
                best = k;
            }
        }
        return new double[] {v[best], v[n + best], v[2 * n + best], v[3 * n + best]};
    }

    private static double[] checkedWeights(double[] mobile, double[] target, double[] weights) {
        if (mobile == null || target == null) {
            throw new IllegalArgumentException((mobile == null ? "mobile" : "target") + " points are null");
        }
        if (mobile.length == 0) {
            throw new IllegalArgumentException("mobile points are empty");
        }
        if (mobile.length % 3 != 0) {
            throw new IllegalArgumentException("mobile length is not a multiple of 3: " + mobile.length);
        }
        if (target.length != mobile.length) {
            throw new IllegalArgumentException("target has " + target.length / 3.0 + " points, mobile has "
                    + mobile.length / 3 + ": the sets must correspond point by point");
        }
        for (int k = 0; k < mobile.length; k++) {
            if (!Double.isFinite(mobile[k])) {
                throw new IllegalArgumentException(
                        "mobile point " + k / 3 + " has a coordinate that is not finite: " + mobile[k]);
            }
            if (!Double.isFinite(target[k])) {
                throw new IllegalArgumentException(
                        "target point " + k / 3 + " has a coordinate that is not finite: " + target[k]);
            }
        }
        if (weights == null) {
            return null;
        }
        int n = mobile.length / 3;
        if (weights.length != n) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries, expected one per point: " + n);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is not finite and non-negative: " + weights[i]);
            }
            sum += weights[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        return weights;
    }
}
