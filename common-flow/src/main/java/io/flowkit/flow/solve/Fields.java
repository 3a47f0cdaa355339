package io.flowkit.flow.solve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Checks shared by the solvers. */
final class Fields {

    private Fields() {}

    /** Evaluates the field and checks that it kept the shape. */
    static NDArray evaluate(VelocityFunction field, NDArray x, double t) {
        return evaluate(field, x, t, x.getShape());
    }

    /**
     * Evaluates the field in a scope of its own, so that the network's intermediates are freed as
     * soon as the velocity is known, and checks that it returned tangents of the expected shape.
     *
     * @return the velocity, in the manager of {@code x}
     */
    static NDArray evaluate(VelocityFunction field, NDArray x, double t, Shape expected) {
        NDManager parent = x.getManager();
        try (NDManager scope = parent.newSubManager()) {
            x.tempAttach(scope);
            NDArray v = field.evaluate(x, t);
            if (v == null || !v.getShape().equals(expected)) {
                throw new IllegalStateException("velocity field returned shape " + (v == null ? "null" : v.getShape())
                        + " for a state of shape " + x.getShape() + " at t = " + t + " (expected " + expected + ")");
            }
            v.attach(parent);
            return v;
        }
    }

    /** Throws when the state holds NaN or an infinity. */
    static void checkFinite(NDArray x, double t) {
        try (NDManager scope = x.getManager().newSubManager()) {
            x.tempAttach(scope);
            if (x.isNaN().logicalOr(x.isInfinite()).any().getBoolean()) {
                throw new IllegalStateException("the state became non-finite (NaN or infinite) by t = " + t);
            }
        }
    }

    /** {@code h Σ w_j k_j} over the non-zero weights, or {@code null} when all are zero. */
    static NDArray combine(NDArray[] k, double[] weights, double h) {
        NDArray sum = null;
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] != 0) {
                NDArray term = k[j].mul(h * weights[j]);
                sum = sum == null ? term : sum.addi(term);
            }
        }
        return sum;
    }
}
