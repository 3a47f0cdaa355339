package io.flowkit.datasets.assembly;

import io.flowkit.datasets.internal.Checks;
import java.util.Arrays;

/**
 * A proper rigid motion {@code x ↦ R x + t}: a rotation R (3 × 3, row-major, orthonormal with
 * determinant +1, the convention of {@code io.flowkit.core.math.So3}) and a translation t in the
 * units of the geometry it moves. For a part of a fractured object it maps the part's own frame to
 * the assembled object.
 */
public final class RigidPose {

    /** Tolerance on |RᵀR − I| (max entry) and |det R − 1| when checking a rotation. */
    public static final double ROTATION_TOLERANCE = 1e-6;

    private static final RigidPose IDENTITY = new RigidPose(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]);

    private final double[] rotation;
    private final double[] translation;

    private RigidPose(double[] rotation, double[] translation) {
        this.rotation = rotation;
        this.translation = translation;
    }

    /** @return the identity pose (a part stored in its assembled position) */
    public static RigidPose identity() {
        return IDENTITY;
    }

    /**
     * A pose from a rotation and a translation.
     *
     * @param rotation 9 entries, row-major, orthonormal with determinant +1 within {@link #ROTATION_TOLERANCE} (copied)
     * @param translation 3 entries (copied)
     * @return the pose
     * @throws IllegalArgumentException for a non-finite entry or a matrix that is not a proper rotation
     */
    public static RigidPose of(double[] rotation, double[] translation) {
        if (rotation.length != 9) {
            throw new IllegalArgumentException("rotation does not have 9 entries: " + rotation.length);
        }
        if (translation.length != 3) {
            throw new IllegalArgumentException("translation does not have 3 entries: " + translation.length);
        }
        for (int i = 0; i < 9; i++) {
            Checks.checkFinite(rotation[i], "rotation entry " + i);
        }
        for (int i = 0; i < 3; i++) {
            Checks.checkFinite(translation[i], "translation entry " + i);
        }
        double worst = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = rotation[i] * rotation[j] + rotation[3 + i] * rotation[3 + j] + rotation[6 + i] * rotation[6 + j];
                worst = Math.max(worst, Math.abs(dot - (i == j ? 1 : 0)));
            }
        }
        if (worst > ROTATION_TOLERANCE) {
            throw new IllegalArgumentException("rotation is not orthonormal: max |RᵀR − I| = " + worst);
        }
        double det = rotation[0] * (rotation[4] * rotation[8] - rotation[5] * rotation[7])
                - rotation[1] * (rotation[3] * rotation[8] - rotation[5] * rotation[6])
                + rotation[2] * (rotation[3] * rotation[7] - rotation[4] * rotation[6]);
        if (Math.abs(det - 1) > ROTATION_TOLERANCE) {
            throw new IllegalArgumentException("rotation is not proper: det R = " + det);
        }
        return new RigidPose(rotation.clone(), translation.clone());
    }

    /** @return a copy of the rotation, row-major */
    public double[] rotation() {
        return rotation.clone();
    }

    /** @return a copy of the translation */
    public double[] translation() {
        return translation.clone();
    }

    /**
     * Applies the pose to interleaved points.
     *
     * @param xyz interleaved xyz
     * @return a new array with {@code R x + t} for each point
     */
    public double[] apply(double[] xyz) {
        return io.flowkit.core.math.So3.transformPoints(rotation, translation, xyz);
    }

    /**
     * Rotates interleaved vectors (normals) without translating them.
     *
     * @param xyz interleaved vectors
     * @return a new array with {@code R v} for each vector
     */
    public double[] rotate(double[] xyz) {
        return io.flowkit.core.math.So3.transformPoints(rotation, null, xyz);
    }

    /** @return the inverse motion {@code x ↦ Rᵀ (x − t)} */
    public RigidPose inverse() {
        double[] r = rotation;
        double[] rt = {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]};
        double[] t = {
            -(rt[0] * translation[0] + rt[1] * translation[1] + rt[2] * translation[2]),
            -(rt[3] * translation[0] + rt[4] * translation[1] + rt[5] * translation[2]),
            -(rt[6] * translation[0] + rt[7] * translation[1] + rt[8] * translation[2])};
        return new RigidPose(rt, t);
    }

    /** @return whether rotation and translation are exactly those of the identity */
    public boolean isIdentity() {
        return equals(IDENTITY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RigidPose && Arrays.equals(rotation, ((RigidPose) o).rotation)
                && Arrays.equals(translation, ((RigidPose) o).translation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rotation) + Arrays.hashCode(translation);
    }

    @Override
    public String toString() {
        return "RigidPose[R=" + Arrays.toString(rotation) + ", t=" + Arrays.toString(translation) + "]";
    }
}
