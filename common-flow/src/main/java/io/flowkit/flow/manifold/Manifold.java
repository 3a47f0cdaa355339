package io.flowkit.flow.manifold;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The space a flow's states live in, through its exponential map (move from a point along a
 * tangent vector) and logarithm map (the tangent vector that leads from one point to another).
 * Fixed-step solvers step with {@code x ← exp_x(h·v)}.
 */
public interface Manifold {

    /**
     * Moves from points along tangent vectors.
     *
     * @param x points, first axis the batch
     * @param v tangent vectors at {@code x}
     * @return {@code exp_x(v)}, in the manager of {@code x}
     */
    NDArray exp(NDArray x, NDArray v);

    /**
     * The tangent vectors that lead from {@code x} to {@code y}.
     *
     * @param x start points
     * @param y end points
     * @return {@code log_x(y)}, in the manager of {@code x}
     */
    NDArray log(NDArray x, NDArray y);

    /**
     * The shape of tangent vectors at points of a given shape.
     *
     * @param pointShape the shape of a batch of points
     * @return the shape of a batch of tangent vectors
     */
    Shape tangentShape(Shape pointShape);

    /** @return the manifold's name */
    String name();

    /** @return Euclidean space: {@code exp_x(v) = x + v}, {@code log_x(y) = y − x} */
    static Manifold euclidean() {
        return Euclidean.INSTANCE;
    }

    /** @return the rotation group SO(3), points {@code (…, 3, 3)}, body-frame tangents {@code (…, 3)} */
    static Manifold so3() {
        return So3Manifold.INSTANCE;
    }

    /**
     * @return rigid motions SO(3) × R³ for pose flows: points {@code (…, 12)} (row-major rotation,
     *     translation), tangents {@code (…, 6)} (body-frame angular rate, linear rate); see
     *     {@link RigidMotionManifold}
     */
    static Manifold rigidMotions() {
        return RigidMotionManifold.INSTANCE;
    }
}
