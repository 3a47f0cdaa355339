package io.flowkit.flow.manifold;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Euclidean space: {@code exp_x(v) = x + v}, {@code log_x(y) = y − x}. */
final class Euclidean implements Manifold {

    static final Euclidean INSTANCE = new Euclidean();

    private Euclidean() {}

    @Override
    public NDArray exp(NDArray x, NDArray v) {
        return x.add(v);
    }

    @Override
    public NDArray log(NDArray x, NDArray y) {
        return y.sub(x);
    }

    @Override
    public Shape tangentShape(Shape pointShape) {
        return pointShape;
    }

    @Override
    public String name() {
        return "euclidean";
    }
}
