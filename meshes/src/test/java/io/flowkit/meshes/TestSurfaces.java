package io.flowkit.meshes;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.geometry.MidpointSubdivision;

/** Small closed surfaces for unit tests. */
public final class TestSurfaces {

    private TestSurfaces() {}

    /**
     * A sphere of radius 0.5 (in the unit box): an octahedron subdivided and projected.
     *
     * @param levels subdivision levels (8 · 4^levels triangles)
     * @return the mesh
     */
    public static TriangleMesh sphere(int levels) {
        double[] v = {1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1};
        int[] f = {0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5};
        TriangleMesh m = MidpointSubdivision.subdivide(TriangleMesh.of(v, f), levels);
        double[] x = m.vertices();
        for (int i = 0; i < x.length; i += 3) {
            double r = Math.sqrt(x[i] * x[i] + x[i + 1] * x[i + 1] + x[i + 2] * x[i + 2]);
            for (int d = 0; d < 3; d++) {
                x[i + d] *= 0.5 / r;
            }
        }
        return m.withVertices(x);
    }
}
