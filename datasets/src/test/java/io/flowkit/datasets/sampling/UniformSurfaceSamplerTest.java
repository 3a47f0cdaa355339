package io.flowkit.datasets.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.mesh.TriangleMesh;
import org.junit.jupiter.api.Test;

class UniformSurfaceSamplerTest {

    /** Two triangles in the plane z = 0 with areas 0.5 and 1.5. */
    private static final TriangleMesh TWO = TriangleMesh.of(
            new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 3, 0, 0, 0, 3, 0}, new int[] {0, 1, 2, 1, 3, 2});

    @Test
    void drawsTrianglesInProportionToArea() {
        int n = 100_000;
        MeshSample s = UniformSurfaceSampler.sample(TWO, n, 7);
        long onSmall = java.util.Arrays.stream(s.faces()).filter(f -> f == 0).count();
        double a0 = TWO.faceArea(0);
        double p = a0 / TWO.surfaceArea();
        double sigma = Math.sqrt(n * p * (1 - p));
        assertEquals(n * p, onSmall, 4 * sigma);
    }

    @Test
    void pointsAreUniformInsideTheirTriangle() {
        TriangleMesh unit = TriangleMesh.of(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
        int n = 200_000;
        double[] p = UniformSurfaceSampler.sample(unit, n, 11).points().positions();
        double sx = 0;
        double sy = 0;
        int belowDiagonalHalf = 0;
        for (int i = 0; i < n; i++) {
            double x = p[3 * i];
            double y = p[3 * i + 1];
            assertTrue(x >= 0 && y >= 0 && x + y <= 1 + 1e-15 && p[3 * i + 2] == 0);
            sx += x;
            sy += y;
            if (x + y < Math.sqrt(0.5)) {
                belowDiagonalHalf++;
            }
        }
        // centroid (1/3, 1/3); the sub-triangle x + y < 1/√2 holds half the area
        assertEquals(1.0 / 3, sx / n, 0.003);
        assertEquals(1.0 / 3, sy / n, 0.003);
        assertEquals(0.5, (double) belowDiagonalHalf / n, 0.005);
    }

    @Test
    void sameSeedSameSampleAndNormalsAreUnitFaceNormals() {
        MeshSample a = UniformSurfaceSampler.sample(TWO, 1000, 42);
        MeshSample b = UniformSurfaceSampler.sample(TWO, 1000, 42);
        MeshSample c = UniformSurfaceSampler.sample(TWO, 1000, 43);
        assertEquals(a.points(), b.points());
        assertNotEquals(a.points(), c.points());
        double[] n = a.points().normals().orElseThrow();
        for (int i = 0; i < n.length; i += 3) {
            assertEquals(0, n[i], 1e-15);
            assertEquals(0, n[i + 1], 1e-15);
            assertEquals(1, n[i + 2], 1e-15);
        }
    }

    @Test
    void rejectsMeshesWithoutArea() {
        TriangleMesh flat = TriangleMesh.of(new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0}, new int[] {0, 1, 2});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UniformSurfaceSampler.sample(flat, 10, 1))
                .getMessage().startsWith("mesh has no surface area"));
        assertEquals("count is not positive: 0",
                assertThrows(IllegalArgumentException.class, () -> UniformSurfaceSampler.sample(TWO, 0, 1)).getMessage());
    }
}
