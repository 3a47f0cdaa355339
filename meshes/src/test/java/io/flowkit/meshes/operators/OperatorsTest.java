package io.flowkit.meshes.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.TestSurfaces;
import io.flowkit.meshes.geometry.CentroidSplit;
import java.util.Random;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

class OperatorsTest {

    private static final TriangleMesh SPHERE = CentroidSplit.split(TestSurfaces.sphere(3), 0.5, 3);

    @Test
    void gradientOfALinearFunctionIsItsTangentialPart() {
        FaceGradients g = FaceGradients.of(SPHERE);
        double[] a = {0.3, -1.2, 0.7};
        double[] v = SPHERE.vertices();
        double[] u = new double[SPHERE.vertexCount()];
        for (int i = 0; i < u.length; i++) {
            u[i] = a[0] * v[3 * i] + a[1] * v[3 * i + 1] + a[2] * v[3 * i + 2];
        }
        double[] grad = g.gradient(u, 1);
        double[] n = g.normals();
        for (int t = 0; t < g.faceCount(); t++) {
            double an = a[0] * n[3 * t] + a[1] * n[3 * t + 1] + a[2] * n[3 * t + 2];
            for (int d = 0; d < 3; d++) {
                assertEquals(a[d] - an * n[3 * t + d], grad[3 * t + d], 1e-9, "face " + t);
            }
        }
    }

    @Test
    void divergenceIsTheAdjointAndItsCompositionTheCotangentLaplacian() {
        FaceGradients g = FaceGradients.of(SPHERE);
        Random r = new Random(1);
        int n = g.vertexCount();
        int c = 2;
        double[] u = r.doubles(n * c).map(x -> x - 0.5).toArray();
        double[] h = r.doubles(3L * g.faceCount() * c).map(x -> x - 0.5).toArray();
        double[] gu = g.gradient(u, c);
        double[] areas = g.areas();
        double lhs = 0;
        for (int i = 0; i < gu.length; i++) {
            lhs += gu[i] * areas[i / (3 * c)] * h[i];
        }
        double[] div = g.divergence(h, c);
        double rhs = 0;
        for (int i = 0; i < u.length; i++) {
            rhs += u[i] * div[i];
        }
        assertEquals(lhs, rhs, 1e-9 * Math.abs(lhs) + 1e-12);

        double[] single = r.doubles(n).toArray();
        double[] lu = g.divergence(g.gradient(single, 1), 1);
        DMatrixSparseCSC l = LaplaceBeltrami.cotangent(SPHERE.vertices(), SPHERE.faces()).stiffness();
        double[] expected = new double[n];
        for (int j = 0; j < n; j++) {
            for (int p = l.col_idx[j]; p < l.col_idx[j + 1]; p++) {
                expected[l.nz_rows[p]] += l.nz_values[p] * single[j];
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], lu[i], 1e-9, "vertex " + i);
        }
    }

    @Test
    void poissonSolveRecoversAFunctionFromItsGradientAndHasTheStatedAdjoint() {
        // By default the solve uses G^T A G, the classic cotangent Laplacian, and inverts the gradient.
        LaplaceBeltrami classic = LaplaceBeltrami.cotangent(SPHERE.vertices(), SPHERE.faces());
        PoissonSolve p = PoissonSolve.of(SPHERE, 1e-6);
        double[] mass = classic.massDiagonal();
        int n = SPHERE.vertexCount();
        double[] v = SPHERE.vertices();
        double[] f = new double[n];
        double mean = 0;
        double area = 0;
        for (int i = 0; i < n; i++) {
            f[i] = Math.sin(4 * v[3 * i]) + v[3 * i + 1] * v[3 * i + 2];
            mean += mass[i] * f[i];
            area += mass[i];
        }
        mean /= area;
        double[] back = p.solve(p.gradients().gradient(f, 1), 1);
        for (int i = 0; i < n; i++) {
            assertEquals(f[i] - mean, back[i], 1e-4, "vertex " + i);
        }
        // The robust Laplacian differs from G^T A G on the edges its intrinsic Delaunay
        // triangulation flips (this sphere has such edges): nearly the inverse, not exactly.
        LaplaceBeltrami robustOperator = LaplaceBeltrami.of(SPHERE.vertices(), SPHERE.faces());
        double[] robust = PoissonSolve.of(SPHERE, robustOperator, 1e-6).solve(p.gradients().gradient(f, 1), 1);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(f[i] - mean - robust[i]));
        }
        assertTrue(worst > 1e-6 && worst < 2e-2, "robust Poisson solve off by " + worst);
        Random r = new Random(2);
        int c = 3;
        double[] h = r.doubles(3L * p.gradients().faceCount() * c).map(x -> x - 0.5).toArray();
        double[] w = r.doubles((long) n * c).map(x -> x - 0.5).toArray();
        double[] u = p.solve(h, c);
        double[] adj = p.adjoint(w, c);
        double lhs = 0;
        for (int i = 0; i < u.length; i++) {
            lhs += u[i] * w[i];
        }
        double rhs = 0;
        for (int i = 0; i < h.length; i++) {
            rhs += h[i] * adj[i];
        }
        assertEquals(lhs, rhs, 1e-8 * Math.abs(lhs) + 1e-10);
    }

    @Test
    void badInputIsNamed() {
        // A face without interior has no gradient and no weight in the divergence.
        TriangleMesh flat = TriangleMesh.of(new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 1, 0}, new int[] {0, 1, 2, 0, 1, 3});
        FaceGradients degenerate = FaceGradients.of(flat);
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0}, degenerate.gradient(new double[] {0, 1, 2, 1}, 1), 1e-12);
        assertEquals(0.5, degenerate.area(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PoissonSolve.of(SPHERE, 0));
        FaceGradients g = FaceGradients.of(SPHERE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.gradient(new double[5], 1));
        assertTrue(e.getMessage().contains("signal has 5 values"), e.getMessage());
    }
}
