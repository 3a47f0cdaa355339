package io.flowkit.meshes.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The constant arrays of one {@link MeshDomain} for a batch of B signals, created in a step's
 * manager (so that no operation result ends up in a long-lived manager). Shapes: {@code corners}
 * gather index {@code (B·m·3)}, {@code basis} {@code (1, m, 3, 3)} (corner, component),
 * {@code faceRest} {@code (1, m, 6)} (rest normal and centroid), {@code rest} {@code (1, n, 3)},
 * {@code massWeight} {@code (1, n, 1)} and {@code areaWeight} {@code (1, m, 1, 1)}, both divided by
 * the total area.
 *
 * @param batch B
 * @param vertices n
 * @param faces m
 * @param corners row index of each face corner in the {@code (B·n, 3)} view of a batch
 * @param basis hat-function gradients
 * @param faceRest rest normal and centroid of each face
 * @param rest rest positions
 * @param massWeight lumped vertex areas over the total area
 * @param areaWeight face areas over the total area
 */
public record DomainArrays(int batch, int vertices, int faces, NDArray corners, NDArray basis, NDArray faceRest,
        NDArray rest, NDArray massWeight, NDArray areaWeight) {

    /**
     * Creates the arrays.
     *
     * @param domain the mesh
     * @param manager the step's manager, which owns them
     * @param batch B, at least 1
     * @return the arrays
     */
    public static DomainArrays of(MeshDomain domain, NDManager manager, int batch) {
        MeshDomain.HostArrays h = domain.host();
        int n = domain.vertexCount();
        int m = h.areaWeight().length;
        long[] index = new long[batch * m * 3];
        int[] f = h.faces();
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < 3 * m; i++) {
                index[b * 3 * m + i] = (long) b * n + f[i];
            }
        }
        return new DomainArrays(batch, n, m, manager.create(index), manager.create(h.basisTransposed(), new Shape(1, m, 3, 3)),
                manager.create(h.faceRest(), new Shape(1, m, 6)), manager.create(h.rest(), new Shape(1, n, 3)),
                manager.create(h.massWeight(), new Shape(1, n, 1)), manager.create(h.areaWeight(), new Shape(1, m, 1, 1)));
    }

    /**
     * The corner values of each face.
     *
     * @param x a vertex signal {@code (B, n, c)}
     * @return {@code (B, m, 3, c)}
     */
    public NDArray cornerValues(NDArray x) {
        long c = x.getShape().get(2);
        return x.reshape(batch * (long) vertices, c).get(new NDIndex("{}", corners)).reshape(batch, faces, 3, c);
    }

    /**
     * The per-face gradient of a vertex signal (differentiable).
     *
     * @param x {@code (B, n, c)}
     * @return {@code (B, m, c, 3)}: channel, then component
     */
    public NDArray gradient(NDArray x) {
        return gradientOfCorners(cornerValues(x));
    }

    /**
     * The per-face gradient from corner values: {@code Σ_corner value · ∇φ_corner}.
     *
     * @param corners {@code (B, m, 3, c)} from {@link #cornerValues}
     * @return {@code (B, m, c, 3)}
     */
    public NDArray gradientOfCorners(NDArray corners) {
        // (B, m, corner, c, 1) x (1, m, corner, 1, 3), summed over the corners; element-wise products
        // are faster here than a batched product of 3 x 3 matrices. The step's array comes first so
        // that the result stays in its manager.
        return corners.expandDims(4).mul(basis.expandDims(3)).sum(new int[] {2});
    }
}
