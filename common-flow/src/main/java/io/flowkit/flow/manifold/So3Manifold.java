package io.flowkit.flow.manifold;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.flowkit.core.math.So3;

/**
 * The rotation group SO(3) with body-frame tangent vectors: {@code exp_R(ω) = R · Exp(ω)} and
 * {@code log_R(Q) = Log(Rᵀ Q)}, where {@code Exp}/{@code Log} are Rodrigues' formula and its
 * inverse ({@link So3}). Points have shape {@code (…, 3, 3)}, tangents {@code (…, 3)}.
 *
 * <p>The maps run on the host in double precision (the robust branches near angle 0 and π do not
 * vectorise well); pose flows carry a few rotations per sample, so this costs little.
 */
final class So3Manifold implements Manifold {

    static final So3Manifold INSTANCE = new So3Manifold();

    private So3Manifold() {}

    @Override
    public NDArray exp(NDArray x, NDArray v) {
        int n = count(x, v);
        double[] r = x.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] w = v.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] out = new double[9 * n];
        for (int i = 0; i < n; i++) {
            double[] ri = java.util.Arrays.copyOfRange(r, 9 * i, 9 * i + 9);
            double[] wi = java.util.Arrays.copyOfRange(w, 3 * i, 3 * i + 3);
            System.arraycopy(So3.multiply(ri, So3.exp(wi)), 0, out, 9 * i, 9);
        }
        return x.getManager().create(out, x.getShape()).toType(x.getDataType(), false);
    }

    @Override
    public NDArray log(NDArray x, NDArray y) {
        if (!x.getShape().equals(y.getShape())) {
            throw new IllegalArgumentException("rotation shapes differ: " + x.getShape() + " and " + y.getShape());
        }
        int n = count(x, null);
        double[] r = x.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] q = y.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] out = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double[] ri = java.util.Arrays.copyOfRange(r, 9 * i, 9 * i + 9);
            double[] qi = java.util.Arrays.copyOfRange(q, 9 * i, 9 * i + 9);
            System.arraycopy(So3.log(So3.multiply(So3.transpose(ri), qi)), 0, out, 3 * i, 3);
        }
        return x.getManager().create(out, tangentShape(x.getShape())).toType(x.getDataType(), false);
    }

    @Override
    public Shape tangentShape(Shape pointShape) {
        return pointShape.slice(0, pointShape.dimension() - 2).add(3);
    }

    @Override
    public String name() {
        return "so3";
    }

    private static int count(NDArray x, NDArray v) {
        Shape shape = x.getShape();
        int d = shape.dimension();
        if (d < 2 || shape.get(d - 1) != 3 || shape.get(d - 2) != 3) {
            throw new IllegalArgumentException("rotations must have shape (..., 3, 3): " + shape);
        }
        long n = shape.size() / 9;
        if (v != null) {
            Shape vs = v.getShape();
            if (vs.dimension() != d - 1 || vs.get(d - 2) != 3 || vs.size() != 3 * n) {
                throw new IllegalArgumentException(
                        "tangent vectors must have shape " + shape.slice(0, d - 2).add(3) + ": " + vs);
            }
        }
        return Math.toIntExact(n);
    }
}
