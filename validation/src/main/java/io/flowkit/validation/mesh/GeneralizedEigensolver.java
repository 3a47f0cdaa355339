package io.flowkit.validation.mesh;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.core.sparse.NestedDissection;
import io.flowkit.core.sparse.SparseCholesky;
import io.flowkit.validation.internal.Checks;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.sparse.csc.CommonOps_DSCC;

/**
 * The smallest eigenpairs of the generalised symmetric problem {@code L φ = λ M φ}, L sparse
 * positive semidefinite and M diagonal positive (the lumped mass matrix), by shift-invert block
 * Lanczos with full reorthogonalisation (Ericsson and Ruhe 1980, "The spectral transformation
 * Lánczos method"; Grimes, Lewis and Simon 1994, "A shifted block Lanczos algorithm for solving
 * sparse symmetric generalized eigenproblems").
 *
 * <p>How it works: {@code A = L + σM} (σ > 0, so A is positive definite even though L is singular)
 * is factorised once by a sparse Cholesky (flowkit's supernodal factorisation after a
 * nested-dissection ordering). The operator {@code T = A⁻¹M} is self-adjoint in the M inner
 * product and has eigenvalues {@code θ = 1/(λ + σ)}, so the smallest λ become the largest, well
 * separated θ. Block Lanczos builds an M-orthonormal basis of the block Krylov space of T from a
 * seeded random block, reorthogonalising every new block twice against the whole basis (classical
 * Gram–Schmidt, twice), and solves the projected problem by a dense symmetric eigendecomposition
 * (Rayleigh–Ritz). It stops when every wanted Ritz pair has a residual
 * {@code |T y − θ y|_M ≤ tol · θ}, read off the last block's coefficients. A block (default 12
 * vectors) resolves eigenvalues of multiplicity up to its size, such as the {@code 2l + 1}-fold
 * eigenvalues of a sphere.
 *
 * <p>The default shift is 1% of the first non-zero eigenvalue of a round sphere with the same area,
 * {@code σ = 0.01 · 8π / A}: small against the wanted eigenvalues, large enough to keep A well
 * conditioned.
 */
public final class GeneralizedEigensolver {

    /** Problems up to this many vertices are solved densely (exactly, in well under a second). */
    static final int DENSE_LIMIT = 600;

    /** Rows per chunk of the blocked vector operations (a few basis vectors' slices fit in cache). */
    private static final int CHUNK = 2048;

    private final int count;
    private final Double shift;
    private final int blockSize;
    private final double tolerance;
    private final int maxDimension;
    private final long seed;

    private GeneralizedEigensolver(Builder b) {
        this.count = b.count;
        this.shift = b.shift;
        this.blockSize = b.blockSize;
        this.tolerance = b.tolerance;
        this.maxDimension = b.maxDimension;
        this.seed = b.seed;
    }

    /** @return a builder; the number of eigenpairs is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Solves for the operator of a mesh.
     *
     * @param operator the stiffness and mass matrices
     * @return the smallest eigenpairs
     * @throws IllegalArgumentException if more eigenpairs are asked than there are vertices
     * @throws IllegalStateException if the iteration does not converge within the largest basis
     */
    public Eigenpairs solve(LaplaceBeltrami operator) {
        return solve(operator.stiffness(), operator.massDiagonal());
    }

    /**
     * The smallest eigenpairs of a mesh's operator with the default settings.
     *
     * @param operator the stiffness and mass matrices
     * @param count how many, at least 1 and at most the number of vertices
     * @return the eigenpairs in increasing order of λ
     * @throws IllegalArgumentException if count is out of range or a vertex has no mass (isolated)
     */
    public static Eigenpairs smallest(LaplaceBeltrami operator, int count) {
        return builder().setCount(count).build().solve(operator);
    }

    /**
     * Solves {@code L φ = λ M φ} for a given stiffness matrix and lumped mass.
     *
     * @param stiffness symmetric positive semidefinite n × n matrix
     * @param massDiagonal the n positive diagonal entries of M
     * @return the smallest eigenpairs, M-orthonormal
     * @throws IllegalArgumentException on mismatched sizes, a non-positive mass or too many pairs
     * @throws IllegalStateException if the iteration does not converge within the largest basis
     */
    public Eigenpairs solve(DMatrixSparseCSC stiffness, double[] massDiagonal) {
        int n = stiffness.numCols;
        if (stiffness.numRows != n) {
            throw new IllegalArgumentException("stiffness is not square: " + stiffness.numRows + " x " + n);
        }
        if (massDiagonal == null || massDiagonal.length != n) {
            throw new IllegalArgumentException("mass has " + (massDiagonal == null ? 0 : massDiagonal.length)
                    + " entries, expected " + n);
        }
        double area = 0;
        for (int i = 0; i < n; i++) {
            if (!(massDiagonal[i] > 0) || !Double.isFinite(massDiagonal[i])) {
                throw new IllegalArgumentException("mass entry " + i + " is not positive and finite: " + massDiagonal[i]
                        + (massDiagonal[i] == 0 ? " (vertex " + i + " is in no triangle: remove unreferenced vertices)" : ""));
            }
            area += massDiagonal[i];
        }
        if (count > n) {
            throw new IllegalArgumentException("count " + count + " exceeds the dimension " + n);
        }
        double[] m = massDiagonal;
        if (n <= DENSE_LIMIT) {
            return dense(stiffness, m);
        }
        double sigma = shift != null ? shift : 0.01 * 8 * Math.PI / area;
        DMatrixSparseCSC massMatrix = diagonal(m);
        DMatrixSparseCSC shifted = CommonOps_DSCC.add(1, stiffness, sigma, massMatrix, null, null, null);
        SparseCholesky factor = SparseCholesky.factor(shifted, NestedDissection.order(n, shifted.col_idx, shifted.nz_rows));
        int b = Math.min(blockSize, n);
        int maxDim = Math.min(n, maxDimension > 0 ? maxDimension : Math.max(4 * count, count + 24 * b));
        maxDim = Math.max(maxDim, Math.min(n, count + b));
        double[][] v = new double[maxDim + b][];
        double[][] h = new double[maxDim][maxDim];
        SplittableRandom random = new SplittableRandom(seed);
        double[][] block = new double[b][];
        for (int j = 0; j < b; j++) {
            block[j] = gaussian(random, n);
        }
        int dim = 0;
        double[][] r = orthonormalise(block, norms(block, m), v, 0, m, random, new double[b][b]);
        for (int j = 0; j < b; j++) {
            v[j] = block[j];
        }
        dim = b;
        while (true) {
            int from = dim - b;
            // W = T V_s = A⁻¹ M V_s
            double[][] w = new double[b][];
            IntStream.range(0, b).parallel().forEach(j -> {
                double[] rhs = new double[n];
                double[] vj = v[from + j];
                for (int i = 0; i < n; i++) {
                    rhs[i] = m[i] * vj[i];
                }
                w[j] = factor.solve(rhs);
            });
            double[] before = norms(w, m);
            // Project against the whole basis twice; the coefficients are the columns of H.
            for (int pass = 0; pass < 2; pass++) {
                double[][] coef = project(v, dim, w, m);
                for (int i = 0; i < dim; i++) {
                    for (int j = 0; j < b; j++) {
                        h[i][from + j] += coef[i][j];
                    }
                }
            }
            r = new double[b][b];
            orthonormalise(w, before, v, dim, m, random, r);
            // Rayleigh–Ritz on the basis so far.
            double[][] ritz = rayleighRitz(h, dim);
            double[] theta = ritz[0];
            int wanted = Math.min(count, dim);
            boolean complete = dim >= n;
            boolean converged = dim >= count;
            for (int k = 0; k < wanted && converged && !complete; k++) {
                double res = residualEstimate(r, ritz[k + 1], dim, b);
                converged = res <= tolerance * Math.abs(theta[k]);
            }
            if ((converged || complete) && dim >= count) {
                return finish(stiffness, m, v, dim, ritz, n);
            }
            if (dim + b > maxDim) {
                int bad = 0;
                for (int k = 0; k < wanted; k++) {
                    if (residualEstimate(r, ritz[k + 1], dim, b) > tolerance * Math.abs(theta[k])) {
                        bad++;
                    }
                }
                throw new IllegalStateException("generalised eigensolver did not converge: " + bad + " of " + count
                        + " eigenpairs above tolerance " + tolerance + " with a basis of " + dim
                        + " vectors; raise the maximum dimension or the block size");
            }
            for (int j = 0; j < b; j++) {
                v[dim + j] = w[j];
            }
            dim += b;
        }
    }

    private Eigenpairs finish(DMatrixSparseCSC stiffness, double[] m, double[][] v, int dim, double[][] ritz, int n) {
        double[][] vectors = new double[count][n];
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int lo = c * CHUNK;
            int hi = Math.min(n, lo + CHUNK);
            for (int i = 0; i < dim; i++) {
                double[] vi = v[i];
                for (int k = 0; k < count; k++) {
                    double zi = ritz[k + 1][i];
                    double[] y = vectors[k];
                    for (int q = lo; q < hi; q++) {
                        y[q] += zi * vi[q];
                    }
                }
            }
        });
        return rayleighQuotients(stiffness, m, vectors, dim);
    }

    /**
     * One classical Gram–Schmidt pass of a block against the basis in the M inner product:
     * {@code C = Vᵀ M W}, then {@code W ← W − V C}. Rows are processed in fixed chunks (in parallel)
     * so each basis vector is read once per block, and partial sums are added in chunk order, so the
     * result does not depend on the thread count.
     */
    private static double[][] project(double[][] v, int dim, double[][] w, double[] m) {
        int n = m.length;
        int b = w.length;
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[][][] partial = new double[chunks][][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int lo = c * CHUNK;
            int hi = Math.min(n, lo + CHUNK);
            double[][] p = new double[dim][b];
            double[] mw = new double[hi - lo];
            for (int j = 0; j < b; j++) {
                double[] wj = w[j];
                for (int q = lo; q < hi; q++) {
                    mw[q - lo] = m[q] * wj[q];
                }
                for (int i = 0; i < dim; i++) {
                    double[] vi = v[i];
                    double sum = 0;
                    for (int q = lo; q < hi; q++) {
                        sum += vi[q] * mw[q - lo];
                    }
                    p[i][j] = sum;
                }
            }
            partial[c] = p;
        });
        double[][] coef = new double[dim][b];
        for (double[][] p : partial) {
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < b; j++) {
                    coef[i][j] += p[i][j];
                }
            }
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int lo = c * CHUNK;
            int hi = Math.min(n, lo + CHUNK);
            for (int i = 0; i < dim; i++) {
                double[] vi = v[i];
                for (int j = 0; j < b; j++) {
                    double cij = coef[i][j];
                    double[] wj = w[j];
                    for (int q = lo; q < hi; q++) {
                        wj[q] -= cij * vi[q];
                    }
                }
            }
        });
        return coef;
    }

    /**
     * M-normalises the vectors, takes their Rayleigh quotients {@code yᵀ L y} as eigenvalues and
     * measures their residuals.
     */
    private static Eigenpairs rayleighQuotients(DMatrixSparseCSC stiffness, double[] m, double[][] vectors, int basis) {
        int n = m.length;
        int count = vectors.length;
        double area = 0;
        for (double x : m) {
            area += x;
        }
        double scale = 8 * Math.PI / area;
        double[] values = new double[count];
        double[] residuals = new double[count];
        IntStream.range(0, count).parallel().forEach(k -> {
            double[] y = vectors[k];
            double norm = Math.sqrt(dotM(y, y, m));
            for (int i = 0; i < n; i++) {
                y[i] /= norm;
            }
            double[] ly = multiply(stiffness, y);
            double rq = 0;
            for (int i = 0; i < n; i++) {
                rq += y[i] * ly[i];
            }
            double lambda = rq;
            double num = 0;
            double my = 0;
            for (int i = 0; i < n; i++) {
                double lm = lambda * m[i] * y[i];
                num += (ly[i] - lm) * (ly[i] - lm);
                my += m[i] * y[i] * m[i] * y[i];
            }
            values[k] = lambda;
            vectors[k] = y;
            residuals[k] = Math.sqrt(num) / ((Math.abs(lambda) + scale) * Math.sqrt(my));
        });
        // Rayleigh quotients may swap neighbours inside a tight cluster: sort by value.
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, c) -> Double.compare(values[a], values[c]));
        double[] sortedValues = new double[count];
        double[][] sortedVectors = new double[count][];
        double[] sortedResiduals = new double[count];
        for (int k = 0; k < count; k++) {
            sortedValues[k] = values[order[k]];
            sortedVectors[k] = vectors[order[k]];
            sortedResiduals[k] = residuals[order[k]];
        }
        return new Eigenpairs(sortedValues, sortedVectors, m.clone(), sortedResiduals, basis);
    }

    /**
     * The small-problem path: the symmetric matrix {@code M^{-1/2} L M^{-1/2}} decomposed densely; its
     * eigenvectors scaled by {@code M^{-1/2}} are the M-orthonormal generalised eigenvectors.
     */
    private Eigenpairs dense(DMatrixSparseCSC stiffness, double[] m) {
        int n = m.length;
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            for (int p = stiffness.col_idx[j]; p < stiffness.col_idx[j + 1]; p++) {
                int i = stiffness.nz_rows[p];
                s.set(i, j, stiffness.nz_values[p] / Math.sqrt(m[i] * m[j]));
            }
        }
        double[][] sorted = symmetricEigen(s, false);
        double[][] vectors = new double[count][];
        for (int k = 0; k < count; k++) {
            double[] y = sorted[k + 1];
            for (int i = 0; i < n; i++) {
                y[i] /= Math.sqrt(m[i]);
            }
            vectors[k] = y;
        }
        return rayleighQuotients(stiffness, m, vectors, n);
    }

    /** Eigenvalues θ (descending) in row 0, then the matching eigenvectors of the projected matrix. */
    private static double[][] rayleighRitz(double[][] h, int dim) {
        DMatrixRMaj sym = new DMatrixRMaj(dim, dim);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                // Entries are recorded for row ≤ column (by projection); use symmetry for the rest.
                sym.set(i, j, i <= j ? h[i][j] : h[j][i]);
            }
        }
        return symmetricEigen(sym, true);
    }

    /**
     * Eigendecomposition of a matrix that is symmetric up to rounding (it is symmetrised first):
     * the eigenvalues sorted in row 0 (descending or ascending), then the matching unit eigenvectors.
     */
    private static double[][] symmetricEigen(DMatrixRMaj matrix, boolean descending) {
        int dim = matrix.numRows;
        for (int i = 0; i < dim; i++) {
            for (int j = i + 1; j < dim; j++) {
                double avg = 0.5 * (matrix.get(i, j) + matrix.get(j, i));
                matrix.set(i, j, avg);
                matrix.set(j, i, avg);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, true, true);
        if (!eig.decompose(matrix)) {
            throw new IllegalStateException("dense symmetric eigendecomposition failed");
        }
        Integer[] order = new Integer[dim];
        double[] value = new double[dim];
        for (int i = 0; i < dim; i++) {
            order[i] = i;
            value[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (a, c) -> descending ? Double.compare(value[c], value[a]) : Double.compare(value[a], value[c]));
        double[][] out = new double[dim + 1][];
        out[0] = new double[dim];
        for (int k = 0; k < dim; k++) {
            out[0][k] = value[order[k]];
            DMatrixRMaj vec = eig.getEigenVector(order[k]);
            double[] z = new double[dim];
            for (int i = 0; i < dim; i++) {
                z[i] = vec.get(i, 0);
            }
            out[k + 1] = z;
        }
        return out;
    }

    /** {@code |R z_last|}, the M-norm of the Ritz residual {@code T y − θ y}, z of unit length. */
    private static double residualEstimate(double[][] r, double[] z, int dim, int b) {
        double s = 0;
        for (int i = 0; i < b; i++) {
            double t = 0;
            for (int j = i; j < b; j++) {
                t += r[i][j] * z[dim - b + j];
            }
            s += t * t;
        }
        return Math.sqrt(s);
    }

    /**
     * M-orthonormalises the vectors of a block in place (modified Gram–Schmidt; they are already
     * orthogonal to the basis), recording the triangular factor R. A vector whose norm fell below
     * 1e-9 of its reference norm (its norm before the projections: the Krylov space is exhausted)
     * is replaced by a random one orthogonal to everything, with a zero diagonal in R.
     */
    private static double[][] orthonormalise(double[][] block, double[] reference, double[][] basis, int dim,
            double[] m, SplittableRandom random, double[][] r) {
        int b = block.length;
        for (int j = 0; j < b; j++) {
            double[] w = block[j];
            double before = reference[j];
            for (int i = 0; i < j; i++) {
                double c = dotM(block[i], w, m);
                r[i][j] += c;
                axpy(-c, block[i], w);
            }
            double norm = Math.sqrt(dotM(w, w, m));
            if (!(norm > 1e-9 * before)) {
                // Deflation: continue with a random direction orthogonal to the basis and the block.
                double[] fresh = gaussian(random, w.length);
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < dim; i++) {
                        axpy(-dotM(basis[i], fresh, m), basis[i], fresh);
                    }
                    for (int i = 0; i < j; i++) {
                        axpy(-dotM(block[i], fresh, m), block[i], fresh);
                    }
                }
                double fn = Math.sqrt(dotM(fresh, fresh, m));
                for (int k = 0; k < fresh.length; k++) {
                    fresh[k] /= fn;
                }
                block[j] = fresh;
                r[j][j] = 0;
                continue;
            }
            r[j][j] = norm;
            for (int k = 0; k < w.length; k++) {
                w[k] /= norm;
            }
        }
        return r;
    }

    private static double[] norms(double[][] block, double[] m) {
        double[] out = new double[block.length];
        for (int j = 0; j < block.length; j++) {
            out[j] = Math.sqrt(dotM(block[j], block[j], m));
        }
        return out;
    }

    private static double[] gaussian(SplittableRandom random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i += 2) {
            // Box–Muller from the seeded generator.
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            double rad = Math.sqrt(-2 * Math.log(u1));
            x[i] = rad * Math.cos(2 * Math.PI * u2);
            if (i + 1 < n) {
                x[i + 1] = rad * Math.sin(2 * Math.PI * u2);
            }
        }
        return x;
    }

    static double dotM(double[] x, double[] y, double[] m) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * m[i] * y[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] multiply(DMatrixSparseCSC a, double[] x) {
        double[] y = new double[a.numRows];
        for (int j = 0; j < a.numCols; j++) {
            double xj = x[j];
            for (int p = a.col_idx[j]; p < a.col_idx[j + 1]; p++) {
                y[a.nz_rows[p]] += a.nz_values[p] * xj;
            }
        }
        return y;
    }

    private static DMatrixSparseCSC diagonal(double[] d) {
        DMatrixSparseCSC m = new DMatrixSparseCSC(d.length, d.length, d.length);
        for (int i = 0; i < d.length; i++) {
            m.col_idx[i] = i;
            m.nz_rows[i] = i;
            m.nz_values[i] = d[i];
        }
        m.col_idx[d.length] = d.length;
        m.nz_length = d.length;
        m.indicesSorted = true;
        return m;
    }

    /** Configures a {@link GeneralizedEigensolver}: {@code setCount} is required. */
    public static final class Builder {
        private int count;
        private Double shift;
        private int blockSize = 12;
        private double tolerance = 1e-8;
        private int maxDimension;
        private long seed = 1;

        private Builder() {}

        /**
         * How many of the smallest eigenpairs to compute (required).
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder setCount(int value) {
            this.count = value;
            return this;
        }

        /**
         * The shift σ of {@code A = L + σM} (default {@code 0.01 · 8π / area}).
         *
         * @param value positive
         * @return this builder
         */
        public Builder optShift(double value) {
            this.shift = value;
            return this;
        }

        /**
         * Vectors per Lanczos block (default 12); at least the largest multiplicity among the wanted
         * eigenvalues.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder optBlockSize(int value) {
            this.blockSize = value;
            return this;
        }

        /**
         * Convergence tolerance on {@code |T y − θ y|_M / θ} (default 1e-8).
         *
         * @param value in (0, 1)
         * @return this builder
         */
        public Builder optTolerance(double value) {
            this.tolerance = value;
            return this;
        }

        /**
         * The largest basis before giving up (default {@code max(4·count, count + 24·block)}, at
         * most the dimension).
         *
         * @param value at least count
         * @return this builder
         */
        public Builder optMaxDimension(int value) {
            this.maxDimension = value;
            return this;
        }

        /**
         * Seed of the random starting block (default 1); the same seed gives the same result.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Validates the settings.
         *
         * @return the solver
         * @throws IllegalArgumentException on a count, block size or tolerance out of range
         */
        public GeneralizedEigensolver build() {
            Checks.atLeast(count, 1, "count");
            Checks.atLeast(blockSize, 1, "block size");
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("tolerance is not in (0, 1): " + tolerance);
            }
            if (shift != null) {
                Checks.positive(shift, "shift");
            }
            if (maxDimension != 0 && maxDimension < count) {
                throw new IllegalArgumentException("max dimension " + maxDimension + " is below count " + count);
            }
            return new GeneralizedEigensolver(this);
        }
    }
}
