package io.flowkit.datasets.mesh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowkit.datasets.Fixtures;
import org.junit.jupiter.api.Test;

class TriangleMeshTest {

    private static String rejection(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void computesAreasBoxesAndKeepsSignals() {
        TriangleMesh t = Fixtures.tetraWithSignal();
        assertEquals(4, t.vertexCount());
        assertEquals(4, t.faceCount());
        assertEquals(0.5 * 1.5 * 2.25, t.faceArea(0), 1e-15);
        assertArrayEquals(new double[] {0, 0, -0.75, 1.5, 2.25, 0}, t.boundingBox());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 1}, t.signal("u"));
        assertEquals("[u]", t.signalNames().toString());
        TriangleMesh moved = t.withVertices(new double[12]);
        assertArrayEquals(t.faces(), moved.faces());
        assertArrayEquals(t.signal("u"), moved.signal("u"));
        assertEquals(0, moved.surfaceArea());
        assertEquals(2, t.faceVertex(0, 1));
        assertEquals(3, t.faceView().get(5));
    }

    @Test
    void rejectsInvalidMeshesNamingTheProblem() {
        double[] v = Fixtures.tetra().vertices();
        v[3 * 2 + 1] = Double.NaN;
        assertEquals("vertex 2 has a non-finite coordinate: NaN", rejection(() -> TriangleMesh.of(v, new int[] {0, 1, 2})));
        assertEquals("face 1 refers to vertex 4 but the mesh has 4 vertices",
                rejection(() -> TriangleMesh.of(Fixtures.tetra().vertices(), new int[] {0, 1, 2, 0, 1, 4})));
        assertEquals("face 0 refers to vertex -1 but the mesh has 4 vertices",
                rejection(() -> TriangleMesh.of(Fixtures.tetra().vertices(), new int[] {-1, 1, 2})));
        assertEquals("faces length is not a multiple of 3: 2", rejection(() -> TriangleMesh.of(Fixtures.tetra().vertices(), new int[2])));
        assertEquals("mesh has no vertices", rejection(() -> TriangleMesh.of(new double[0], new int[0])));
        assertEquals("signal 'u' has 3 values but the mesh has 4 vertices", rejection(() -> Fixtures.tetra().withSignal("u", new double[3])));
        assertEquals("mesh has no signal 'w'; it has [u]", rejection(() -> Fixtures.tetraWithSignal().signal("w")));
    }

    @Test
    void linearBlendSkinningBlendsBoneTransforms() {
        // two bones: identity, and a translation by (0, 0, 2); vertex i has weight w_i on bone 1
        TriangleMesh rest = TriangleMesh.of(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
        double[] weights = {1, 0, 0.5, 0.5, 0, 1};
        LinearBlendSkinning lbs = LinearBlendSkinning.of(rest, weights, 2);
        double[][] stacked = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 2}};
        double[] columnMajor = new double[24];
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 3; c++) {
                columnMajor[r + 8 * c] = stacked[r][c];
            }
        }
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 1, 0, 1, 2}, lbs.pose(columnMajor).vertices(), 1e-15);
        assertEquals("transforms hold 12 values, expected 24 for 2 bones", rejection(() -> lbs.pose(new double[12])));
    }
}
