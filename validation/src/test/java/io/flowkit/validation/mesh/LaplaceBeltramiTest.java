package io.flowkit.validation.mesh;

import io.flowkit.core.io.DataLocation;
import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.validation.TestShapes;
import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaplaceBeltramiTest {

    /** A grid of (g+1)² vertices on [0,1]², each square split into two triangles, vertices jittered. */
    static Object[] jitteredSquare(int g, long seed) {
        Random r = new Random(seed);
        double[] v = new double[3 * (g + 1) * (g + 1)];
        for (int j = 0; j <= g; j++) {
            for (int i = 0; i <= g; i++) {
                int k = j * (g + 1) + i;
                boolean inner = i > 0 && i < g && j > 0 && j < g;
                v[3 * k] = (i + (inner ? 0.3 * (r.nextDouble() - 0.5) : 0)) / g;
                v[3 * k + 1] = (j + (inner ? 0.3 * (r.nextDouble() - 0.5) : 0)) / g;
            }
        }
        int[] f = new int[6 * g * g];
        int t = 0;
        for (int j = 0; j < g; j++) {
            for (int i = 0; i < g; i++) {
                int a = j * (g + 1) + i;
                int b = a + 1;
                int c = a + g + 1;
                int d = c + 1;
                f[t++] = a;
                f[t++] = b;
                f[t++] = d;
                f[t++] = a;
                f[t++] = d;
                f[t++] = c;
            }
        }
        return new Object[] {v, f};
    }

    /** The cotangent weights from explicit angles (acos), independent of the library's formula. */
    static double[][] naiveLaplacian(double[] v, int[] f) {
        int n = v.length / 3;
        double[][] l = new double[n][n];
        for (int t = 0; t < f.length; t += 3) {
            for (int k = 0; k < 3; k++) {
                int o = f[t + k];
                int i = f[t + (k + 1) % 3];
                int j = f[t + (k + 2) % 3];
                double[] a = {v[3 * i] - v[3 * o], v[3 * i + 1] - v[3 * o + 1], v[3 * i + 2] - v[3 * o + 2]};
                double[] b = {v[3 * j] - v[3 * o], v[3 * j + 1] - v[3 * o + 1], v[3 * j + 2] - v[3 * o + 2]};
                double cos = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2])
                        / Math.sqrt((a[0] * a[0] + a[1] * a[1] + a[2] * a[2]) * (b[0] * b[0] + b[1] * b[1] + b[2] * b[2]));
                double w = 0.5 / Math.tan(Math.acos(cos));
                l[i][j] -= w;
                l[j][i] -= w;
                l[i][i] += w;
                l[j][j] += w;
            }
        }
        return l;
    }

    @Test
    void matrixEqualsTheAngleFormulaAndHasTheLaplacianProperties() {
        Object[] sphere = TestShapes.icosphere(2);
        double[] v = (double[]) sphere[0];
        int[] f = (int[]) sphere[1];
        LaplaceBeltrami op = LaplaceBeltrami.cotangent(v, f);
        DMatrixSparseCSC l = op.stiffness();
        double[][] expected = naiveLaplacian(v, f);
        // The icosphere is Delaunay and has no near-degenerate triangle: the robust operator is the same.
        DMatrixSparseCSC robust = LaplaceBeltrami.of(v, f).stiffness();
        for (int j = 0; j < op.size(); j++) {
            for (int i = 0; i < op.size(); i++) {
                assertEquals(l.get(i, j), robust.get(i, j), 1e-12, "robust entry " + i + "," + j);
            }
        }
        for (int i = 0; i < op.size(); i++) {
            for (int j = 0; j < op.size(); j++) {
                assertEquals(expected[i][j], l.get(i, j), 1e-12, "entry " + i + "," + j);
            }
        }
        // Row sums vanish (constants are in the kernel) and L is positive semidefinite.
        Random random = new Random(50);
        for (int i = 0; i < op.size(); i++) {
            double s = 0;
            for (int j = 0; j < op.size(); j++) {
                s += l.get(i, j);
            }
            assertEquals(0, s, 1e-12);
        }
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[op.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextGaussian();
            }
            assertTrue(FieldStatistics.dirichletEnergyPerArea(op, x) > 0);
        }
        // The lumped mass adds up to the area, a third of each triangle per corner.
        double area = 0;
        for (int t = 0; t < f.length; t += 3) {
            area += io.flowkit.core.mesh.MeshArrays.triangleArea(v, f[t], f[t + 1], f[t + 2]);
        }
        assertEquals(area, op.area(), 1e-12);
        assertEquals(area, Arrays.stream(op.massDiagonal()).sum(), 1e-12);
        assertEquals(op.massDiagonal()[5], op.mass().get(5, 5));
    }

    @Test
    void dirichletEnergyOfALinearFieldIsExactOnAFlatMesh() {
        // For f = a·x on a planar mesh, the P1 interpolant is exact and ∫|∇f|² = |a|² · area.
        Object[] square = jitteredSquare(12, 3);
        double[] v = (double[]) square[0];
        int[] f = (int[]) square[1];
        LaplaceBeltrami op = LaplaceBeltrami.of(v, f);
        assertEquals(1.0, op.area(), 1e-12);
        double[] field = new double[op.size()];
        for (int i = 0; i < field.length; i++) {
            field[i] = 2 * v[3 * i] - 3 * v[3 * i + 1] + 7;
        }
        assertEquals(13, FieldStatistics.dirichletEnergyPerArea(op, field), 1e-10);
        double[] constant = new double[op.size()];
        Arrays.fill(constant, 4.5);
        assertEquals(4.5, FieldStatistics.areaMean(op, constant), 1e-12);
        assertEquals(0, FieldStatistics.areaVariance(op, constant), 1e-12);
        assertEquals(0, FieldStatistics.dirichletEnergyPerArea(op, constant), 1e-10);
    }

    @Test
    void sphereSpectrumApproachesLTimesLPlusOneWithMultiplicities() {
        // Level 3 (642 vertices, dense path) and level 4 (2,562 vertices, shift-invert Lanczos).
        double[][] clusterError = new double[2][5];
        for (int level : new int[] {3, 4}) {
            Object[] sphere = TestShapes.icosphere(level);
            LaplaceBeltrami op = LaplaceBeltrami.of((double[]) sphere[0], (int[]) sphere[1]);
            Eigenpairs e = GeneralizedEigensolver.smallest(op, 25);
            double tolerance = level == 3 ? 0.035 : 0.01;
            int index = 0;
            for (int l = 0; l <= 4; l++) {
                double expected = l * (l + 1);
                double clusterMean = 0;
                for (int m = 0; m < 2 * l + 1; m++, index++) {
                    assertEquals(expected, e.value(index), tolerance * Math.max(1, expected),
                            "level " + level + " eigenvalue " + index + " (l = " + l + ")");
                    clusterMean += e.value(index) / (2 * l + 1);
                }
                clusterError[level - 3][l] = Math.abs(clusterMean - expected);
            }
            // The next eigenvalue starts the l = 5 cluster (30), well separated from l = 4 (20).
            assertTrue(e.value(24) < 21 && GeneralizedEigensolver.smallest(op, 26).value(25) > 27);
            checkOrthonormal(e, op.massDiagonal());
            for (double r : e.residuals()) {
                assertTrue(r < 1e-6, "residual " + r);
            }
        }
        // The cotangent Laplacian converges at second order: halving the edges divides the error by about 4.
        for (int l = 1; l <= 4; l++) {
            assertTrue(clusterError[1][l] < clusterError[0][l] / 3, "l = " + l + ": " + clusterError[0][l] + " -> " + clusterError[1][l]);
        }
    }

    @Test
    void lanczosAgreesWithADenseSolveAndIsSeeded() throws Exception {
        // CGAL's larger_sphere.off: 812 vertices, above the dense limit, so the Lanczos path runs.
        TriangleMesh mesh = MeshFiles.read(DataLocation.dataset("meshes/cgal").resolve("larger_sphere.off"));
        LaplaceBeltrami op = LaplaceBeltrami.of(mesh.vertices(), mesh.faces());
        assertTrue(op.size() > GeneralizedEigensolver.DENSE_LIMIT);
        Eigenpairs e = GeneralizedEigensolver.builder().setCount(30).optSeed(4).build().solve(op);
        double[] dense = denseEigenvalues(op);
        for (int i = 0; i < 30; i++) {
            assertEquals(dense[i], e.value(i), 1e-8 * Math.max(1, dense[i]), "eigenvalue " + i);
        }
        checkOrthonormal(e, op.massDiagonal());
        // CGAL's sphere is not of unit radius: scale by area/(4π) to compare with l(l+1).
        double scale = op.area() / (4 * Math.PI);
        assertEquals(2, e.value(2) * scale, 0.03 * 2);
        assertEquals(6, e.value(6) * scale, 0.03 * 6);
        Eigenpairs again = GeneralizedEigensolver.builder().setCount(30).optSeed(4).build().solve(op);
        assertArrayEquals(e.values(), again.values(), 0.0);
    }

    private static double[] denseEigenvalues(LaplaceBeltrami op) {
        int n = op.size();
        double[] m = op.massDiagonal();
        DMatrixSparseCSC l = op.stiffness();
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            for (int p = l.col_idx[j]; p < l.col_idx[j + 1]; p++) {
                s.set(l.nz_rows[p], j, l.nz_values[p] / Math.sqrt(m[l.nz_rows[p]] * m[j]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(s));
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(values);
        return values;
    }

    private static void checkOrthonormal(Eigenpairs e, double[] m) {
        for (int i = 0; i < e.count(); i++) {
            double[] a = e.vector(i);
            for (int j = i; j < e.count(); j++) {
                double[] b = e.vector(j);
                double s = 0;
                for (int q = 0; q < m.length; q++) {
                    s += a[q] * m[q] * b[q];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-8, "M-inner product " + i + "," + j);
            }
        }
    }

    @Test
    void rejectsBadMeshesAndRequests() {
        double[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0, 5, 5, 5};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaplaceBeltrami.cotangent(v, new int[] {0, 1, 2}))
                .getMessage().contains("vertex 3 belongs to no triangle"));
        // The robust operator accepts an isolated vertex; the eigensolver cannot serve it and says so.
        LaplaceBeltrami isolated = LaplaceBeltrami.of(v, new int[] {0, 1, 2});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneralizedEigensolver.smallest(isolated, 2))
                .getMessage().contains("vertex 3 is in no triangle"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaplaceBeltrami.of(v, new int[] {0, 1, 7}))
                .getMessage().contains("out of range"));
        LaplaceBeltrami tri = LaplaceBeltrami.of(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneralizedEigensolver.smallest(tri, 4)).getMessage().contains("exceeds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FieldStatistics.areaVariance(tri, new double[] {1, 2}))
                .getMessage().contains("expected one per vertex"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GeneralizedEigensolver.builder().build())
                .getMessage().contains("count"));
        // The classic operator leaves a degenerate triangle out and counts it.
        LaplaceBeltrami withSliver = LaplaceBeltrami.cotangent(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 2, 0, 0},
                new int[] {0, 1, 2, 0, 1, 3, 1, 3, 2});
        assertEquals(1, withSliver.report().degenerateTriangles());
    }
}
