package io.flowkit.meshes.geometry;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.core.math.Kabsch;
import io.flowkit.core.math.Superposition;
import io.flowkit.datasets.mesh.TriangleMesh;

/**
 * Removes the global rigid motion of deformed shapes: each shape (same vertices as a reference
 * mesh) is superposed on the reference by the area-weighted Kabsch rotation and translation
 * (weights: the reference's lumped vertex areas, so the result does not depend on how densely a
 * region is meshed). An animation such as libigl's elephant also turns the whole body (by up to
 * 176°); aligned, the shapes differ by their articulation only.
 */
public final class RigidAlignment {

    private final TriangleMesh reference;
    private final double[] weights;

    private RigidAlignment(TriangleMesh reference) {
        this.reference = reference;
        this.weights = LaplaceBeltrami.of(reference.vertices(), reference.faces()).massDiagonal();
    }

    /**
     * An alignment onto a reference mesh.
     *
     * @param reference the mesh whose vertices the shapes correspond to
     * @return the alignment
     */
    public static RigidAlignment onto(TriangleMesh reference) {
        return new RigidAlignment(reference);
    }

    /**
     * Superposes a shape on the reference.
     *
     * @param positions vertex-major xyz of the shape
     * @return the shape moved by the best rigid motion
     * @throws IllegalArgumentException if the vertex count differs
     */
    public double[] align(double[] positions) {
        if (positions.length != 3 * reference.vertexCount()) {
            throw new IllegalArgumentException("shape has " + positions.length / 3 + " vertices, the reference "
                    + reference.vertexCount());
        }
        Superposition s = Kabsch.superpose(positions, reference.vertices(), weights);
        return s.apply(positions);
    }
}
