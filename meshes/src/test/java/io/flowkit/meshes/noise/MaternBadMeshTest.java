package io.flowkit.meshes.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.geometry.MeshChecks;
import io.flowkit.validation.mesh.FieldStatistics;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matérn noise on real meshes that the classic cotangent Laplacian cannot serve, made from the bunny:
 * one with zero-area triangles (edges collapsed geometrically: a vertex moved onto its neighbour) and
 * one with a non-manifold edge (a second sheet glued along an edge). On each, the per-mode spectrum
 * σ²/(λ_k + τ)² holds, and the spectrum and the noise's variance agree with the clean bunny's.
 */
class MaternBadMeshTest {

    static MaternSpectrumTest.Mesh clean;

    @BeforeAll
    static void setUp() throws Exception {
        clean = MaternSpectrumTest.load("bunny_10k");
    }

    /** bunny_10k with the first edge of every 97th triangle collapsed in place (one end moved onto the other): the triangles on that edge get zero area. */
    static TriangleMesh collapsed(TriangleMesh mesh) {
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        boolean[] moved = new boolean[mesh.vertexCount()];
        boolean[] target = new boolean[mesh.vertexCount()];
        for (int t = 0; t < mesh.faceCount(); t += 97) {
            int a = f[3 * t];
            int b = f[3 * t + 1];
            if (moved[a] || moved[b] || target[a] || target[b]) {
                continue;
            }
            System.arraycopy(v, 3 * b, v, 3 * a, 3);
            moved[a] = true;
            target[b] = true;
        }
        return TriangleMesh.of(v, f);
    }

    /** bunny_10k with a sheet of two triangles glued along the edge of its first triangle. */
    static TriangleMesh glued(TriangleMesh mesh) {
        double[] v = mesh.vertices();
        int[] f = mesh.faces();
        int n = mesh.vertexCount();
        int a = f[0];
        int b = f[1];
        double[] out = Arrays.copyOf(v, v.length + 6);
        for (int d = 0; d < 3; d++) {
            double mid = (v[3 * a + d] + v[3 * b + d]) / 2;
            out[3 * n + d] = mid + (d == 1 ? 0.02 : 0);
            out[3 * n + 3 + d] = v[3 * a + d] + (d == 1 ? 0.03 : 0);
        }
        int[] faces = Arrays.copyOf(f, f.length + 6);
        int[] sheet = {a, b, n, a, n, n + 1};
        System.arraycopy(sheet, 0, faces, f.length, 6);
        return TriangleMesh.of(out, faces);
    }

    @Test
    void zeroAreaTriangles() throws Exception {
        TriangleMesh bad = collapsed(MeshFolder.bunnyTriangulations().read("bunny_10k"));
        String refused = assertThrows(IllegalArgumentException.class, () -> MeshChecks.requireManifold(bad, "collapsed"))
                .getMessage();
        assertTrue(refused.contains("degenerate"), refused);
        check(MaternSpectrumTest.load("bunny_10k with zero-area triangles", bad, 3));
    }

    @Test
    void nonManifoldEdge() throws Exception {
        TriangleMesh bad = glued(MeshFolder.bunnyTriangulations().read("bunny_10k"));
        String refused = assertThrows(IllegalArgumentException.class, () -> MeshChecks.requireManifold(bad, "glued"))
                .getMessage();
        assertTrue(refused.contains("edge"), refused);
        check(MaternSpectrumTest.load("bunny_10k with a glued sheet", bad, 3));
    }

    private static void check(MaternSpectrumTest.Mesh m) {
        double[] z = MaternSpectrumTest.modeZ(m, m.matern());
        double pooled = MaternSpectrumTest.mean(z) * Math.sqrt(z.length);
        double variance = meanVariance(m);
        double cleanVariance = meanVariance(clean);
        System.out.printf(Locale.ROOT, "%s: %s; per-mode max |z| = %.2f, pooled z = %.2f; λ_1 %.3f (clean %.3f), "
                + "λ_29 %.2f (clean %.2f); mean area variance %.4f (clean %.4f)%n", m.name(), m.noise().operator().report(),
                MaternSpectrumTest.maxAbs(z), pooled, m.eigen().value(1), clean.eigen().value(1), m.eigen().value(29),
                clean.eigen().value(29), variance, cleanVariance);
        // The theory on the mesh itself (see MaternSpectrumTest for the bounds).
        assertTrue(MaternSpectrumTest.maxAbs(z) < 4.5, m.name() + " per-mode z " + MaternSpectrumTest.maxAbs(z));
        assertTrue(Math.abs(pooled) < 4, m.name() + " pooled z " + pooled);
        assertTrue(MaternSpectrumTest.maxAbs(MaternSpectrumTest.modeZ(m, m.white())) >= 4.5, m.name() + " negative control");
        // The surface is (nearly) the clean bunny's: the same spectrum and the same noise. A few
        // collapsed edges or a small flap move the low eigenvalues by well under 2%.
        for (int k = 1; k < 30; k++) {
            assertEquals(clean.eigen().value(k), m.eigen().value(k), 0.02 * clean.eigen().value(k), m.name() + " λ_" + k);
        }
        // 210 fields each: the mean area variance has a relative standard error of a few percent.
        assertEquals(1, variance / cleanVariance, 0.12, m.name() + " variance ratio");
    }

    private static double meanVariance(MaternSpectrumTest.Mesh m) {
        double s = 0;
        for (double[] f : m.matern()) {
            s += FieldStatistics.areaVariance(m.noise().operator(), f);
        }
        return s / m.matern().size();
    }
}
