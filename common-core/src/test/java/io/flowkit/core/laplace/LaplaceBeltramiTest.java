package io.flowkit.core.laplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixSparseCSC;
import org.junit.jupiter.api.Test;

/**
 * The robust Laplacian against closed forms: linear precision on flat triangulations (the Dirichlet
 * energy of a linear function is |∇u|² × area on any flat triangulation, Delaunay or not), equality
 * with the classic cotangent Laplacian on a Delaunay mesh, and the M-matrix properties on
 * non-manifold and degenerate input.
 */
class LaplaceBeltramiTest {

    /** A jittered planar grid of k × k squares, each split along a random diagonal. */
    private static Object[] planarGrid(int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[3 * (k + 1) * (k + 1)];
        for (int i = 0; i <= k; i++) {
            for (int j = 0; j <= k; j++) {
                boolean inner = i > 0 && i < k && j > 0 && j < k;
                int p = i * (k + 1) + j;
                v[3 * p] = j + (inner ? 0.35 * (random.nextDouble() - 0.5) : 0);
                v[3 * p + 1] = i + (inner ? 0.35 * (random.nextDouble() - 0.5) : 0);
            }
        }
        int[] f = new int[6 * k * k];
        int q = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int a = i * (k + 1) + j;
                int b = a + 1;
                int c = a + k + 1;
                int d = c + 1;
                if (random.nextBoolean()) {
                    f[q++] = a; f[q++] = b; f[q++] = d;
                    f[q++] = a; f[q++] = d; f[q++] = c;
                } else {
                    f[q++] = a; f[q++] = b; f[q++] = c;
                    f[q++] = b; f[q++] = d; f[q++] = c;
                }
            }
        }
        return new Object[] {v, f};
    }

    private static double[] linear(double[] v, double a, double b) {
        double[] u = new double[v.length / 3];
        for (int i = 0; i < u.length; i++) {
            u[i] = a * v[3 * i] + b * v[3 * i + 1];
        }
        return u;
    }

    /** Symmetric, rows sum to zero, off-diagonal entries not positive. */
    private static void assertMMatrix(LaplaceBeltrami op) {
        DMatrixSparseCSC l = op.stiffness();
        for (int j = 0; j < l.numCols; j++) {
            double sum = 0;
            for (int p = l.col_idx[j]; p < l.col_idx[j + 1]; p++) {
                int i = l.nz_rows[p];
                double x = l.nz_values[p];
                assertTrue(Double.isFinite(x), "entry (" + i + ", " + j + ") is not finite");
                sum += x;
                assertEquals(x, l.get(j, i), 1e-12 * (1 + Math.abs(x)), "not symmetric at " + i + ", " + j);
                if (i != j) {
                    assertTrue(x <= 1e-12, "positive off-diagonal entry at " + i + ", " + j + ": " + x);
                }
            }
            assertEquals(0, sum, 1e-9, "column " + j + " does not sum to zero");
        }
    }

    @Test
    void linearFunctionsHaveTheirExactEnergyOnAFlatTriangulationThatIsNotDelaunay() {
        Object[] grid = planarGrid(12, 3);
        double[] v = (double[]) grid[0];
        int[] f = (int[]) grid[1];
        LaplaceBeltrami robust = LaplaceBeltrami.of(v, f);
        LaplaceBeltrami classic = LaplaceBeltrami.cotangent(v, f);
        assertTrue(robust.report().flips() > 0, "the jittered grid should need flips");
        assertEquals(0, robust.report().mollification());
        assertEquals(144, robust.area(), 1e-9);
        assertEquals(144, classic.area(), 1e-9);
        double[] u = linear(v, 2, -3);
        assertEquals(13 * 144, robust.dirichletEnergy(u), 1e-8);
        assertEquals(13 * 144, classic.dirichletEnergy(u), 1e-8);
        assertMMatrix(robust);
        boolean classicHasNegativeWeight = false;
        DMatrixSparseCSC l = classic.stiffness();
        for (int j = 0; j < l.numCols; j++) {
            for (int p = l.col_idx[j]; p < l.col_idx[j + 1]; p++) {
                classicHasNegativeWeight |= l.nz_rows[p] != j && l.nz_values[p] > 1e-12;
            }
        }
        assertTrue(classicHasNegativeWeight, "the classic operator should have a negative edge weight here");
    }

    @Test
    void equalsTheCotangentLaplacianOnADelaunayMeshWhateverTheOrientation() {
        double[] v = Icosahedron.VERTICES;
        int[] f = Icosahedron.FACES.clone();
        LaplaceBeltrami classic = LaplaceBeltrami.cotangent(v, f);
        // Reverse two triangles: the tufted cover does not need a consistent orientation.
        for (int t : new int[] {0, 7}) {
            int x = f[3 * t + 1];
            f[3 * t + 1] = f[3 * t + 2];
            f[3 * t + 2] = x;
        }
        LaplaceBeltrami robust = LaplaceBeltrami.of(v, f);
        assertEquals(0, robust.report().flips());
        assertEquals(0, robust.report().mollification());
        DMatrixSparseCSC a = classic.stiffness();
        DMatrixSparseCSC b = robust.stiffness();
        for (int i = 0; i < 12; i++) {
            assertEquals(classic.massDiagonal()[i], robust.massDiagonal()[i], 1e-14);
            for (int j = 0; j < 12; j++) {
                assertEquals(a.get(i, j), b.get(i, j), 1e-12, "entry " + i + ", " + j);
            }
        }
    }

    @Test
    void acceptsZeroAreaTrianglesOfCoincidentVerticesWithNearlyExactEnergy() {
        Object[] grid = planarGrid(8, 5);
        double[] v = (double[]) grid[0];
        int[] f = (int[]) grid[1];
        // Vertex 10 onto its neighbour 11: the two triangles on their edge get zero area.
        v[30] = v[33];
        v[31] = v[34];
        LaplaceBeltrami robust = LaplaceBeltrami.of(v, f);
        assertTrue(robust.report().degenerateTriangles() >= 2, "degenerate " + robust.report().degenerateTriangles());
        assertTrue(robust.report().mollification() > 0);
        assertMMatrix(robust);
        for (double m : robust.massDiagonal()) {
            assertTrue(m > 0);
        }
        // The mollification lengthens every edge by about 1e-5 of the mean edge: areas and the
        // energy move by a few times that, relatively.
        assertEquals(64, robust.area(), 64 * 1e-4);
        assertEquals(13 * 64, robust.dirichletEnergy(linear(v, 2, -3)), 13 * 64 * 1e-3);
    }

    @Test
    void nonManifoldEdgesAndVerticesGiveAPositiveSemidefiniteMMatrix() {
        // A book of three pages on the edge (0, 1) and a bow tie at vertex 1.
        double[] v = {0, 0, 0, 1, 0, 0, 0.5, 1, 0, 0.5, -1, 0, 0.5, 0, 1, 2, 1, 0, 2, -1, 0};
        int[] f = {0, 1, 2, 1, 0, 3, 0, 1, 4, 1, 5, 6};
        LaplaceBeltrami op = LaplaceBeltrami.of(v, f);
        assertMMatrix(op);
        double area = 0.5 + 0.5 + 0.5 + 1;
        assertEquals(area, op.area(), 1e-12);
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 20; trial++) {
            double[] u = new double[7];
            for (int i = 0; i < 7; i++) {
                u[i] = random.nextGaussian();
            }
            assertTrue(op.dirichletEnergy(u) > -1e-12);
        }
        // A constant has no energy; a function that differs between the pages has some.
        assertEquals(0, op.dirichletEnergy(new double[] {1, 1, 1, 1, 1, 1, 1}), 1e-12);
        assertTrue(op.dirichletEnergy(new double[] {0, 0, 1, 0, 0, 0, 0}) > 0.1);
    }

    @Test
    void isolatedVerticesHaveNoMassAndADecoupledShiftedRow() {
        double[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0, 5, 5, 5};
        LaplaceBeltrami op = LaplaceBeltrami.of(v, new int[] {0, 1, 2, 2, 2, 1});
        assertEquals(1, op.report().isolatedVertices());
        assertEquals(1, op.report().repeatedIndexTriangles());
        assertEquals(0, op.massDiagonal()[3]);
        DMatrixSparseCSC shifted = op.shifted(10);
        assertEquals(1, shifted.get(3, 3));
        assertEquals(op.stiffness().get(0, 0) + 10 * op.massDiagonal()[0], shifted.get(0, 0), 1e-12);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> op.shifted(0)).getMessage().contains("shift is not positive: 0.0"));
    }

    @Test
    void rejectsWhatNoLaplacianCanServe() {
        double[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0};
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LaplaceBeltrami.of(new double[] {0, 0, Double.NaN, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2}))
                .getMessage().contains("vertices point 0 has a coordinate that is not finite: NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaplaceBeltrami.of(v, new int[] {0, 1, 7}))
                .getMessage().contains("face 0 has vertex index 7 out of range [0, 3)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaplaceBeltrami.of(v, new int[0]))
                .getMessage().contains("faces is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaplaceBeltrami.of(v, new int[] {0, 0, 1}))
                .getMessage().contains("no triangle with three distinct vertices"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LaplaceBeltrami.builder().setVertices(v).setFaces(new int[] {0, 1, 2}).optMollifyFactor(-1).build())
                .getMessage().contains("mollify factor is not non-negative: -1.0"));
        // The classic operator still refuses a vertex without area, and says where to go.
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LaplaceBeltrami.cotangent(new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0}, new int[] {0, 1, 2}))
                .getMessage().contains("robust"));
    }

    /** The regular icosahedron: every edge is Delaunay. */
    private static final class Icosahedron {
        static final double P = (1 + Math.sqrt(5)) / 2;
        static final double[] VERTICES = {-1, P, 0, 1, P, 0, -1, -P, 0, 1, -P, 0, 0, -1, P, 0, 1, P, 0, -1, -P, 0, 1, -P,
            P, 0, -1, P, 0, 1, -P, 0, -1, -P, 0, 1};
        static final int[] FACES = {0, 11, 5, 0, 5, 1, 0, 1, 7, 0, 7, 10, 0, 10, 11, 1, 5, 9, 5, 11, 4, 11, 10, 2, 10, 7, 6,
            7, 1, 8, 3, 9, 4, 3, 4, 2, 3, 2, 6, 3, 6, 8, 3, 8, 9, 4, 9, 5, 2, 4, 11, 6, 2, 10, 8, 6, 7, 9, 8, 1};
    }
}
