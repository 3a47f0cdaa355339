package io.flowkit.flow.manifold;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.flowkit.core.math.So3;

/**
 * Rigid motions as SO(3) × R³, the state space of pose flows (one rotation and one translation per
 * part, as in GARF and Rectified Point Flow): points {@code (…, 12)} hold a row-major rotation
 * {@code R} then a translation {@code τ}; tangents {@code (…, 6)} hold a body-frame angular rate
 * {@code ω} then a linear rate {@code v}. {@code exp_(R,τ)(ω, v) = (R · Exp(ω), τ + v)} and
 * {@code log_(R,τ)(Q, σ) = (Log(Rᵀ Q), σ − τ)}: the product of {@link So3Manifold} and Euclidean
 * space (not the semidirect SE(3): translations move in the world frame).
 *
 * <p>The maps run on the host in double precision, as SO(3)'s do.
 */
final class RigidMotionManifold implements Manifold {

    static final RigidMotionManifold INSTANCE = new RigidMotionManifold();

    private RigidMotionManifold() {}

    @Override
    public NDArray exp(NDArray x, NDArray v) {
        int n = count(x, v);
        double[] p = x.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] w = v.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] out = new double[12 * n];
        for (int i = 0; i < n; i++) {
            double[] r = java.util.Arrays.copyOfRange(p, 12 * i, 12 * i + 9);
            double[] omega = java.util.Arrays.copyOfRange(w, 6 * i, 6 * i + 3);
            System.arraycopy(So3.multiply(r, So3.exp(omega)), 0, out, 12 * i, 9);
            for (int d = 0; d < 3; d++) {
                out[12 * i + 9 + d] = p[12 * i + 9 + d] + w[6 * i + 3 + d];
            }
        }
        return x.getManager().create(out, x.getShape()).toType(x.getDataType(), false);
    }

    @Override
    public NDArray log(NDArray x, NDArray y) {
        if (!x.getShape().equals(y.getShape())) {
            throw new IllegalArgumentException("rigid motion shapes differ: " + x.getShape() + " and " + y.getShape());
        }
        int n = count(x, null);
        double[] p = x.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] q = y.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] out = new double[6 * n];
        for (int i = 0; i < n; i++) {
            double[] r = java.util.Arrays.copyOfRange(p, 12 * i, 12 * i + 9);
            double[] s = java.util.Arrays.copyOfRange(q, 12 * i, 12 * i + 9);
            System.arraycopy(So3.log(So3.multiply(So3.transpose(r), s)), 0, out, 6 * i, 3);
            for (int d = 0; d < 3; d++) {
                out[6 * i + 3 + d] = q[12 * i + 9 + d] - p[12 * i + 9 + d];
            }
        }
        return x.getManager().create(out, tangentShape(x.getShape())).toType(x.getDataType(), false);
    }

    @Override
    public Shape tangentShape(Shape pointShape) {
        return pointShape.slice(0, pointShape.dimension() - 1).add(6);
    }

    @Override
    public String name() {
        return "so3xr3";
    }

    private static int count(NDArray x, NDArray v) {
        Shape shape = x.getShape();
        int d = shape.dimension();
        if (d < 1 || shape.get(d - 1) != 12) {
            throw new IllegalArgumentException("rigid motions must have shape (..., 12): " + shape);
        }
        long n = shape.size() / 12;
        if (v != null) {
            Shape vs = v.getShape();
            if (vs.dimension() != d || vs.get(d - 1) != 6 || vs.size() != 6 * n) {
                throw new IllegalArgumentException("tangent vectors must have shape " + shape.slice(0, d - 1).add(6)
                        + ": " + vs);
            }
        }
        return Math.toIntExact(n);
    }
}
