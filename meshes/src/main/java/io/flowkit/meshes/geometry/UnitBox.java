package io.flowkit.meshes.geometry;

import io.flowkit.datasets.mesh.TriangleMesh;

/**
 * Scaling to the unit box, the frame in which the Matérn noise defaults (τ = 100, σ = 3) are meant
 * ("Matérn Noise for Triangulation-Agnostic Flow Matching on Meshes", 2026): the mesh is moved so
 * that its bounding box is centred at the origin and scaled uniformly so that the longest side of
 * the box is 1 (the box then lies in [−½, ½]³). The {@code bunny-triangulations} data set is
 * already in this frame.
 */
public final class UnitBox {

    private UnitBox() {}

    /**
     * The factor by which a mesh must be scaled to reach the unit box.
     *
     * @param mesh the mesh
     * @return 1 / (longest side of the bounding box)
     * @throws IllegalArgumentException if the bounding box has no extent (a single point)
     */
    public static double scaleFactor(TriangleMesh mesh) {
        double[] b = mesh.boundingBox();
        double side = Math.max(b[3] - b[0], Math.max(b[4] - b[1], b[5] - b[2]));
        if (!(side > 0)) {
            throw new IllegalArgumentException("mesh bounding box has no extent: " + side);
        }
        return 1 / side;
    }

    /**
     * The mesh centred and scaled to the unit box (signals are kept).
     *
     * @param mesh the mesh
     * @return the scaled mesh
     * @throws IllegalArgumentException if the bounding box has no extent
     */
    public static TriangleMesh scale(TriangleMesh mesh) {
        double s = scaleFactor(mesh);
        double[] b = mesh.boundingBox();
        double[] v = mesh.vertices();
        for (int i = 0; i < v.length; i++) {
            int a = i % 3;
            v[i] = (v[i] - 0.5 * (b[a] + b[a + 3])) * s;
        }
        return mesh.withVertices(v);
    }
}
