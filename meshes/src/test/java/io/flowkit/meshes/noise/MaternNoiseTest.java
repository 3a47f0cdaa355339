package io.flowkit.meshes.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.validation.mesh.FieldStatistics;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MaternNoiseTest {

    /** An open (boundary) grid of g × g squares on [0,1]², two triangles each. */
    static TriangleMesh grid(int g) {
        double[] v = new double[3 * (g + 1) * (g + 1)];
        for (int j = 0; j <= g; j++) {
            for (int i = 0; i <= g; i++) {
                int k = j * (g + 1) + i;
                v[3 * k] = (double) i / g;
                v[3 * k + 1] = (double) j / g;
            }
        }
        int[] f = new int[6 * g * g];
        int t = 0;
        for (int j = 0; j < g; j++) {
            for (int i = 0; i < g; i++) {
                int a = j * (g + 1) + i;
                int c = a + g + 1;
                int[] two = {a, a + 1, c + 1, a, c + 1, c};
                System.arraycopy(two, 0, f, t, 6);
                t += 6;
            }
        }
        return TriangleMesh.of(v, f);
    }

    @Test
    void sameSeedSameSampleAndOneLinerMatchesDefaults() throws Exception {
        TriangleMesh bunny = MeshFolder.bunnyTriangulations().read("bunny_10k");
        MaternNoise noise = MaternNoise.builder().setMesh(bunny).build();
        double[] a = noise.sample(42);
        assertArrayEquals(a, noise.sample(42));
        assertArrayEquals(a, MaternNoise.sample(bunny, 3, 42));
        assertFalse(Arrays.equals(a, noise.sample(43)));
        assertEquals(3 * bunny.vertexCount(), a.length);
        for (int c = 0; c < 3; c++) {
            double[] ch = noise.channel(a, c);
            assertEquals(0, FieldStatistics.areaMean(noise.operator(), ch), 1e-12);
            assertTrue(FieldStatistics.areaVariance(noise.operator(), ch) > 0);
        }
    }

    @Test
    void meshWithBoundaryGivesFiniteMeanZeroNoise() {
        TriangleMesh open = grid(20);
        MaternNoise noise = MaternNoise.builder().setMesh(open).optChannels(1).optTau(50).optSigma(2).build();
        double[] s = noise.sample(7);
        for (double x : s) {
            assertTrue(Double.isFinite(x));
        }
        assertEquals(0, FieldStatistics.areaMean(noise.operator(), s), 1e-12);
        // Neumann boundary: the constant field solves (L + τM) f = τ M 1, so the factor reproduces it.
        double[] mass = noise.operator().massDiagonal();
        double[] rhs = new double[mass.length];
        for (int i = 0; i < rhs.length; i++) {
            rhs[i] = noise.tau() * mass[i];
        }
        for (double x : noise.factor().solve(rhs)) {
            assertEquals(1, x, 1e-10);
        }
    }

    @Test
    void rejectsBadSettingsAndBadMeshes() {
        TriangleMesh ok = grid(3);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MaternNoise.builder().setMesh(ok).optTau(0).build()).getMessage().contains("tau is not positive"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MaternNoise.builder().setMesh(ok).optTau(Double.NaN).build()).getMessage().contains("tau"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MaternNoise.builder().setMesh(ok).optSigma(-1).build()).getMessage().contains("sigma is not positive and finite: -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MaternNoise.builder().setMesh(ok).optSigma(Double.POSITIVE_INFINITY).build()).getMessage().contains("sigma"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> MaternNoise.sample(ok, 0, 1)).getMessage().contains("channels is below 1"));
        assertThrows(IllegalStateException.class, () -> MaternNoise.builder().build());
        double[] v = {0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 1, 0};
        // What no Laplacian can serve is refused; a degenerate triangle or an isolated vertex is not.
        String repeated = assertThrows(IllegalArgumentException.class,
                () -> MaternNoise.sample(TriangleMesh.of(v, new int[] {0, 0, 1}), 3, 1)).getMessage();
        assertTrue(repeated.contains("no triangle with three distinct vertices"), repeated);
        double[] degenerate = MaternNoise.sample(TriangleMesh.of(v, new int[] {0, 1, 2, 0, 1, 3}), 3, 1);
        for (double x : degenerate) {
            assertTrue(Double.isFinite(x));
        }
        assertTrue(Math.abs(degenerate[6]) > 0, "the vertex of the zero-area triangle only has noise too");
        double[] isolated = MaternNoise.sample(TriangleMesh.of(v, new int[] {0, 1, 3}), 3, 1);
        assertArrayEquals(new double[] {0, 0, 0}, java.util.Arrays.copyOfRange(isolated, 6, 9), 0.0);
        assertThrows(IllegalArgumentException.class, () -> TriangleMesh.of(new double[] {0, 0, Double.NaN}, new int[0]));
    }
}
