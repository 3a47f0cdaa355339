package io.flowkit.core.laplace;

import io.flowkit.core.mesh.MeshArrays;
import io.flowkit.core.sparse.SparseAssembly;
import java.util.Objects;
import org.ejml.data.DMatrixSparseCSC;

/**
 * The discrete Laplace–Beltrami operator of a triangle mesh: a cotangent stiffness matrix {@code L}
 * and a lumped mass matrix {@code M}.
 *
 * <ul>
 *   <li>{@link #of} (the default) is the robust Laplacian of Sharp and Crane 2020, "A Laplacian for
 *       Nonmanifold Triangle Meshes", the operator of the {@code robust_laplacian} package: the
 *       cotangent Laplacian of the intrinsic Delaunay triangulation of the mesh's tufted cover, after
 *       intrinsic mollification. It is defined for any triangle soup: zero-area triangles, slivers,
 *       repeated positions, non-manifold edges and vertices, boundaries, inconsistent orientation.
 *       {@code L} is an M-matrix (non-negative edge weights), positive semidefinite, {@code L·1 = 0}.
 *   <li>{@link #cotangent} is the classic operator (Pinkall and Polthier 1993; Meyer et al. 2003) on
 *       the triangles as given: {@code L_ij = −(cot α_ij + cot β_ij) / 2}, {@code M_ii} a third of the
 *       area around vertex i. Triangles of zero area are left out. On a mesh whose triangles are
 *       Delaunay and not near-degenerate, both operators are the same.
 * </ul>
 *
 * <p>In both, {@code uᵀ L u} is the Dirichlet energy of the piecewise-linear interpolant and the trace
 * of {@code M} is the surface area. A vertex in no triangle (isolated) has a zero row and zero mass.
 * Values are immutable: matrices are returned as copies.
 */
public final class LaplaceBeltrami {

    /** Sharp and Crane's default margin of mollification, as a fraction of the mean edge length. */
    public static final double DEFAULT_MOLLIFY_FACTOR = 1e-5;

    private final DMatrixSparseCSC stiffness;
    private final double[] mass;
    private final double area;
    private final Report report;

    /**
     * What the construction met and changed.
     *
     * @param degenerateTriangles input triangles of zero area (collinear or coincident corners, or a
     *     repeated index)
     * @param repeatedIndexTriangles input triangles with a repeated vertex index: they have no
     *     interior and are left out
     * @param isolatedVertices vertices in no triangle (zero row, zero mass)
     * @param mollification the length ε added to every edge (0 for the classic operator)
     * @param flips intrinsic edge flips made (0 for the classic operator)
     */
    public record Report(int degenerateTriangles, int repeatedIndexTriangles, int isolatedVertices,
            double mollification, int flips) {}

    private LaplaceBeltrami(DMatrixSparseCSC stiffness, double[] mass, Report report) {
        this.stiffness = stiffness;
        this.mass = mass;
        double a = 0;
        for (double m : mass) {
            a += m;
        }
        this.area = a;
        this.report = report;
    }

    /**
     * The robust Laplacian with the default settings (mollify factor 10⁻⁵, intrinsic Delaunay).
     *
     * @param vertices interleaved vertex coordinates
     * @param faces vertex index triples
     * @return the operator
     * @throws IllegalArgumentException on a non-finite coordinate, no triangle, an index out of
     *     range, or no triangle with three distinct vertices
     */
    public static LaplaceBeltrami of(double[] vertices, int[] faces) {
        return builder().setVertices(vertices).setFaces(faces).build();
    }

    /**
     * The classic cotangent Laplacian on the triangles as given, zero-area triangles left out.
     *
     * @param vertices interleaved vertex coordinates
     * @param faces vertex index triples
     * @return the operator
     * @throws IllegalArgumentException on a non-finite coordinate, no triangle, an index out of
     *     range, or a vertex that belongs to no triangle of positive area
     */
    public static LaplaceBeltrami cotangent(double[] vertices, int[] faces) {
        int n = MeshArrays.checkPoints(vertices, "vertices");
        int t = MeshArrays.checkFaces(faces, n, "faces");
        SparseAssembly l = new SparseAssembly(n, n, 12 * t + n);
        double[] mass = new double[n];
        double[] diag = new double[n];
        int degenerate = 0;
        int repeated = 0;
        for (int f = 0; f < t; f++) {
            int[] c = {faces[3 * f], faces[3 * f + 1], faces[3 * f + 2]};
            if (c[0] == c[1] || c[1] == c[2] || c[2] == c[0]) {
                repeated++;
            }
            double area = MeshArrays.triangleArea(vertices, c[0], c[1], c[2]);
            if (!(area > 0)) {
                degenerate++;
                continue;
            }
            for (int k = 0; k < 3; k++) {
                mass[c[k]] += area / 3;
                // The angle at corner k is opposite the edge (i, j); cot = (u·v) / |u × v|.
                int o = c[k];
                int i = c[(k + 1) % 3];
                int j = c[(k + 2) % 3];
                double ux = vertices[3 * i] - vertices[3 * o];
                double uy = vertices[3 * i + 1] - vertices[3 * o + 1];
                double uz = vertices[3 * i + 2] - vertices[3 * o + 2];
                double vx = vertices[3 * j] - vertices[3 * o];
                double vy = vertices[3 * j + 1] - vertices[3 * o + 1];
                double vz = vertices[3 * j + 2] - vertices[3 * o + 2];
                double w = (ux * vx + uy * vy + uz * vz) / (4 * area);
                l.add(i, j, -w);
                l.add(j, i, -w);
                diag[i] += w;
                diag[j] += w;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(mass[i] > 0)) {
                throw new IllegalArgumentException("vertex " + i + " belongs to no triangle of positive area: the "
                        + "cotangent Laplacian is undefined there (the robust LaplaceBeltrami.of accepts such meshes)");
            }
            l.add(i, i, diag[i]);
        }
        return new LaplaceBeltrami(l.build(), mass, new Report(degenerate, repeated, 0, 0, 0));
    }

    /** @return a builder of the robust Laplacian */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of vertices */
    public int size() {
        return mass.length;
    }

    /** @return the stiffness matrix {@code L} (positive semidefinite), a copy */
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

    /** @return the diagonal of the lumped mass matrix: the area attributed to each vertex, a copy */
    public double[] massDiagonal() {
        return mass.clone();
    }

    /**
     * The diagonal of the lumped mass matrix without a copy, for loops over many fields.
     *
     * @return a read-only view, entry i the area attributed to vertex i
     */
    public java.nio.DoubleBuffer massView() {
        return java.nio.DoubleBuffer.wrap(mass).asReadOnlyBuffer();
    }

    /** @return the total area, the trace of {@code M} */
    public double area() {
        return area;
    }

    /** @return what the construction met and changed */
    public Report report() {
        return report;
    }

    /**
     * The shifted operator {@code L + sM}, positive definite for s &gt; 0 on every row with mass; an
     * isolated vertex's row (no mass, no neighbour) gets a 1 on the diagonal, so it is decoupled and
     * a right-hand side that is zero there gives zero there.
     *
     * @param shift s, positive and finite
     * @return a new sparse matrix
     * @throws IllegalArgumentException if the shift is not positive and finite
     */
    public DMatrixSparseCSC shifted(double shift) {
        if (!(shift > 0) || !Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift is not positive: " + shift);
        }
        DMatrixSparseCSC a = stiffness.copy();
        for (int j = 0; j < a.numCols; j++) {
            int p = diagonalIndex(a, j);
            a.nz_values[p] += mass[j] > 0 ? shift * mass[j] : 1;
        }
        return a;
    }

    /**
     * The quadratic form {@code uᵀ L u}: the Dirichlet energy {@code ∫ |∇u|²} of the interpolant.
     *
     * @param u one value per vertex
     * @return the energy, non-negative up to rounding
     * @throws IllegalArgumentException if the length is not the vertex count
     */
    public double dirichletEnergy(double[] u) {
        if (u.length != mass.length) {
            throw new IllegalArgumentException("field has " + u.length + " values, expected " + mass.length);
        }
        double e = 0;
        for (int j = 0; j < stiffness.numCols; j++) {
            double s = 0;
            for (int p = stiffness.col_idx[j]; p < stiffness.col_idx[j + 1]; p++) {
                s += stiffness.nz_values[p] * u[stiffness.nz_rows[p]];
            }
            e += u[j] * s;
        }
        return e;
    }

    private static int diagonalIndex(DMatrixSparseCSC a, int j) {
        for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
            if (a.nz_rows[p] == j) {
                return p;
            }
        }
        throw new IllegalStateException("Laplacian has no diagonal entry in column " + j);
    }

    /** Builds the robust Laplacian; {@link #setVertices} and {@link #setFaces} are required. */
    public static final class Builder {

        private double[] vertices;
        private int[] faces;
        private double mollifyFactor = DEFAULT_MOLLIFY_FACTOR;
        private boolean delaunay = true;

        private Builder() {}

        /**
         * @param vertices interleaved vertex coordinates (not copied; not modified)
         * @return this builder
         */
        public Builder setVertices(double[] vertices) {
            this.vertices = Objects.requireNonNull(vertices, "vertices");
            return this;
        }

        /**
         * @param faces vertex index triples (not copied; not modified)
         * @return this builder
         */
        public Builder setFaces(int[] faces) {
            this.faces = Objects.requireNonNull(faces, "faces");
            return this;
        }

        /**
         * @param factor the margin δ of the triangle inequality as a fraction of the mean edge
         *     length (default 10⁻⁵); 0 turns mollification off
         * @return this builder
         */
        public Builder optMollifyFactor(double factor) {
            this.mollifyFactor = factor;
            return this;
        }

        /**
         * @param delaunay whether to flip to the intrinsic Delaunay triangulation (default true);
         *     without flips the operator is the cotangent Laplacian of the mollified tufted cover,
         *     whose weights may be negative
         * @return this builder
         */
        public Builder optIntrinsicDelaunay(boolean delaunay) {
            this.delaunay = delaunay;
            return this;
        }

        /**
         * Checks the input and assembles the operator.
         *
         * @return the operator
         * @throws IllegalArgumentException on a non-finite coordinate, no triangle, an index out of
         *     range, no triangle with three distinct vertices, or a negative or non-finite factor
         * @throws IllegalStateException if a required setting is missing
         */
        public LaplaceBeltrami build() {
            if (vertices == null || faces == null) {
                throw new IllegalStateException("vertices and faces are required");
            }
            if (!(mollifyFactor >= 0) || !Double.isFinite(mollifyFactor)) {
                throw new IllegalArgumentException("mollify factor is not non-negative: " + mollifyFactor);
            }
            int n = MeshArrays.checkPoints(vertices, "vertices");
            int t = MeshArrays.checkFaces(faces, n, "faces");
            int degenerate = 0;
            int[] kept = new int[3 * t];
            int k = 0;
            for (int f = 0; f < t; f++) {
                int a = faces[3 * f];
                int b = faces[3 * f + 1];
                int c = faces[3 * f + 2];
                if (!(MeshArrays.triangleArea(vertices, a, b, c) > 0)) {
                    degenerate++;
                }
                if (a != b && b != c && c != a) {
                    kept[k++] = a;
                    kept[k++] = b;
                    kept[k++] = c;
                }
            }
            if (k == 0) {
                throw new IllegalArgumentException("faces has no triangle with three distinct vertices");
            }
            int repeated = t - k / 3;
            TuftedCover cover = TuftedCover.of(vertices, java.util.Arrays.copyOf(kept, k));
            double eps = IntrinsicDelaunay.mollify(cover, mollifyFactor);
            int flips = delaunay ? IntrinsicDelaunay.flipToDelaunay(cover) : 0;
            return assemble(cover, n, new Report(degenerate, repeated, 0, eps, flips));
        }
    }

    /** The cotangent matrices of the cover, halved (the cover has every triangle twice). */
    private static LaplaceBeltrami assemble(TuftedCover cover, int n, Report partial) {
        int halfedges = cover.tail.length;
        SparseAssembly l = new SparseAssembly(n, n, 2 * halfedges + n);
        double[] mass = new double[n];
        double[] diag = new double[n];
        for (int s = 0; s < cover.sides(); s++) {
            int h0 = 3 * s;
            double area = IntrinsicDelaunay.area(cover.length[h0], cover.length[h0 + 1], cover.length[h0 + 2]);
            for (int h = h0; h < h0 + 3; h++) {
                mass[cover.tail[h]] += area / 6;
                int i = cover.tail[h];
                int j = cover.tail[TuftedCover.next(h)];
                if (i == j) {
                    continue;
                }
                // Half of the triangle's weight cot/2, because every triangle is covered twice.
                double w = IntrinsicDelaunay.cotangent(cover, h) / 4;
                l.add(i, j, -w);
                l.add(j, i, -w);
                diag[i] += w;
                diag[j] += w;
            }
        }
        int isolated = 0;
        for (int i = 0; i < n; i++) {
            if (!(mass[i] > 0)) {
                isolated++;
            }
            l.add(i, i, diag[i]);
        }
        Report report = new Report(partial.degenerateTriangles(), partial.repeatedIndexTriangles(), isolated,
                partial.mollification(), partial.flips());
        return new LaplaceBeltrami(l.build(), mass, report);
    }

}
