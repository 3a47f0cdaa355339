package io.flowkit.validation.mesh;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.validation.internal.Checks;
import io.flowkit.validation.internal.Meshes;
import io.flowkit.validation.internal.SparseAssembly;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The discrete Laplace–Beltrami operator of a triangle mesh: the cotangent stiffness matrix
 * {@code L} and the lumped (barycentric) mass matrix {@code M} (Pinkall and Polthier 1993,
 * "Computing discrete minimal surfaces and their conjugates"; Meyer et al. 2003, "Discrete
 * differential-geometry operators for triangulated 2-manifolds").
 *
 * <ul>
 *   <li>{@code L} is positive semidefinite: {@code L_ij = −(cot α_ij + cot β_ij) / 2} for an edge ij
 *       with opposite angles α, β (one for a boundary edge), {@code L_ii = −Σ_j L_ij}, so
 *       {@code uᵀ L u = ∫ |∇u|²} for the piecewise-linear interpolant u and {@code L·1 = 0}.
 *   <li>{@code M} is diagonal: {@code M_ii} is a third of the area of the triangles around vertex i;
 *       its trace is the surface area.
 * </ul>
 *
 * <p>The eigenpairs of {@code L φ = λ M φ} approximate those of the Laplace–Beltrami operator
 * {@code −Δ}; on the unit sphere they tend to {@code l(l + 1)} with multiplicity {@code 2l + 1}.
 * Triangles of zero area (a repeated vertex or collinear corners) have no defined angles and are
 * left out of both matrices; {@link #degenerateTriangles()} counts them.
 */
public final class LaplaceBeltrami {

    private final DMatrixSparseCSC stiffness;
    private final double[] mass;
    private final double area;
    private final int degenerate;

    private LaplaceBeltrami(DMatrixSparseCSC stiffness, double[] mass, int degenerate) {
        this.stiffness = stiffness;
        this.mass = mass;
        double a = 0;
        for (double m : mass) {
            a += m;
        }
        this.area = a;
        this.degenerate = degenerate;
    }

    /**
     * Assembles both matrices of a mesh.
     *
     * @param vertices interleaved vertex coordinates
     * @param faces vertex index triples
     * @return the operator
     * @throws IllegalArgumentException on a non-finite vertex, no triangle, an index out of range,
     *     or a vertex that belongs to no triangle of positive area (it would make {@code M}
     *     singular)
     */
    public static LaplaceBeltrami of(double[] vertices, int[] faces) {
        int n = Checks.points3(vertices, "vertices");
        int t = Meshes.checkFaces(faces, n, "faces");
        SparseAssembly l = new SparseAssembly(n, n, 12 * t + n);
        double[] mass = new double[n];
        double[] diag = new double[n];
        int degenerate = 0;
        for (int f = 0; f < t; f++) {
            int[] c = {faces[3 * f], faces[3 * f + 1], faces[3 * f + 2]};
            double area = Meshes.triangleArea(vertices, c[0], c[1], c[2]);
            if (!(area > 0)) {
                degenerate++;
                continue;
            }
            for (int k = 0; k < 3; k++) {
                mass[c[k]] += area / 3;
                // The angle at corner k is opposite the edge (i, j).
                int o = c[k];
                int i = c[(k + 1) % 3];
                int j = c[(k + 2) % 3];
                double ux = vertices[3 * i] - vertices[3 * o];
                double uy = vertices[3 * i + 1] - vertices[3 * o + 1];
                double uz = vertices[3 * i + 2] - vertices[3 * o + 2];
                double vx = vertices[3 * j] - vertices[3 * o];
                double vy = vertices[3 * j + 1] - vertices[3 * o + 1];
                double vz = vertices[3 * j + 2] - vertices[3 * o + 2];
                // cot = (u·v) / |u × v|, and |u × v| = 2 · area.
                double cot = (ux * vx + uy * vy + uz * vz) / (2 * area);
                double w = cot / 2;
                l.add(i, j, -w);
                l.add(j, i, -w);
                diag[i] += w;
                diag[j] += w;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(mass[i] > 0)) {
                throw new IllegalArgumentException("vertex " + i + " belongs to no triangle of positive area: "
                        + "remove unreferenced vertices before building the Laplacian");
            }
            l.add(i, i, diag[i]);
        }
        return new LaplaceBeltrami(l.build(), mass, degenerate);
    }

    /**
     * Assembles both matrices of a mesh value.
     *
     * @param mesh the mesh
     * @return the operator
     * @throws IllegalArgumentException as {@link #of(double[], int[])}
     */
    public static LaplaceBeltrami of(TriangleMesh mesh) {
        return of(mesh.vertices(), mesh.faces());
    }

    /** @return the number of vertices */
    public int size() {
        return mass.length;
    }

    /** @return the cotangent stiffness matrix {@code L} (positive semidefinite), a copy */
    public DMatrixSparseCSC stiffness() {
        return stiffness.copy();
    }

    /** @return the lumped mass matrix {@code M} as a diagonal sparse matrix */
    public DMatrixSparseCSC mass() {
        SparseAssembly m = new SparseAssembly(mass.length, mass.length, mass.length);
        for (int i = 0; i < mass.length; i++) {
            m.add(i, i, mass[i]);
        }
        return m.build();
    }

    /** @return the diagonal of the lumped mass matrix: the area attributed to each vertex */
    public double[] massDiagonal() {
        return mass.clone();
    }

    /** @return the total area, the trace of {@code M} */
    public double area() {
        return area;
    }

    /** @return how many triangles of zero area were left out */
    public int degenerateTriangles() {
        return degenerate;
    }

    /**
     * The smallest eigenpairs of {@code L φ = λ M φ} with the default solver settings.
     *
     * @param count how many, at least 1 and at most the number of vertices
     * @return the eigenpairs in increasing order of λ
     */
    public Eigenpairs eigenpairs(int count) {
        return GeneralizedEigensolver.builder().setCount(count).build().solve(this);
    }

    /** The stiffness matrix without copying, for the solver. */
    DMatrixSparseCSC stiffnessView() {
        return stiffness;
    }

    /** The mass diagonal without copying, for the solver and statistics. */
    double[] massView() {
        return mass;
    }
}
