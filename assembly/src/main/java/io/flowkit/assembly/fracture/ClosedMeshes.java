package io.flowkit.assembly.fracture;

import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.HashMap;
import java.util.Map;

/** Checks that a triangle mesh bounds a volume: every edge in exactly two triangles, in opposite directions. */
final class ClosedMeshes {

    private ClosedMeshes() {}

    /**
     * Checks closedness and consistent orientation.
     *
     * @param mesh the mesh
     * @param name how to call it in messages
     * @throws IllegalArgumentException naming the first open, non-manifold or inconsistently
     *     oriented edge
     */
    static void requireClosed(TriangleMesh mesh, String name) {
        if (mesh.faceCount() < 4) {
            throw new IllegalArgumentException("mesh " + name + " has " + mesh.faceCount()
                    + " triangles: too few to bound a volume");
        }
        int[] f = mesh.faces();
        Map<Long, Integer> directed = new HashMap<>(4 * f.length);
        long n = mesh.vertexCount();
        for (int t = 0; t < mesh.faceCount(); t++) {
            for (int i = 0; i < 3; i++) {
                int a = f[3 * t + i];
                int b = f[3 * t + (i + 1) % 3];
                if (directed.put(a * n + b, t) != null) {
                    throw new IllegalArgumentException("mesh " + name + " is not a closed, consistently oriented surface:"
                            + " edge " + a + "-" + b + " is used twice in the same direction (triangle " + t + ")");
                }
            }
        }
        for (Map.Entry<Long, Integer> e : directed.entrySet()) {
            long a = e.getKey() / n;
            long b = e.getKey() % n;
            if (!directed.containsKey(b * n + a)) {
                throw new IllegalArgumentException("mesh " + name + " is not closed: edge " + a + "-" + b + " of triangle "
                        + e.getValue() + " has no neighbour (a hole or a boundary); the fracture tool needs a watertight mesh");
            }
        }
    }
}
