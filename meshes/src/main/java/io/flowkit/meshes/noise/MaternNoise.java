package io.flowkit.meshes.noise;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.core.laplace.ShiftedLaplacian;
import io.flowkit.core.sparse.CoordinateBisection;
import io.flowkit.core.sparse.SparseCholesky;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Matérn Gaussian random field noise on a triangle mesh ("Matérn Noise for Triangulation-Agnostic
 * Flow Matching on Meshes", 2026): the finite-element solution of the SPDE {@code (τ − Δ) f = σ W}
 * with white noise W (Lindgren, Rue and Lindström 2011, "An explicit link between Gaussian fields
 * and Gaussian Markov random fields: the stochastic partial differential equation approach").
 *
 * <p>With L the cotangent Laplacian (positive semidefinite) and M the lumped (barycentric) mass
 * matrix of the mesh ({@link LaplaceBeltrami}), one sample draws {@code z ~ N(0, I)} per vertex
 * and channel, solves {@code (L + τM) f = σ √M z} and subtracts the area-weighted mean of each
 * channel. If {@code Lφ_k = λ_k Mφ_k} with M-orthonormal φ_k, the spectral coefficients
 * {@code c_k = φ_kᵀ M f} are independent with variance {@code σ² / (λ_k + τ)²} (k ≥ 1; the constant
 * mode is removed): they depend on the surface's spectrum, not on the triangulation, unlike
 * independent per-vertex noise.
 *
 * <p>Scale: τ has units 1/length² and the defaults τ = {@value #DEFAULT_TAU}, σ =
 * {@value #DEFAULT_SIGMA} are meant for meshes in the unit box (longest bounding-box side 1, see
 * {@link io.flowkit.meshes.geometry.UnitBox}); this class uses the coordinates as given and does
 * not rescale. The operator is the robust Laplacian ({@link LaplaceBeltrami#of}, Sharp and Crane
 * 2020), so any real triangulation is accepted: zero-area triangles, slivers, non-manifold edges
 * and vertices, boundaries (the natural Neumann condition). A vertex in no triangle gets the value
 * 0. Non-finite coordinates cannot occur in a {@link TriangleMesh}.
 *
 * <p>Use the static {@link #sample(TriangleMesh, int, long)} for one sample with the defaults, or
 * build a sampler once per mesh ({@link #builder()}): it factors {@code L + τM} once (sparse
 * Cholesky after a {@link CoordinateBisection} nested-dissection ordering) and every
 * {@link #sample(long)} reuses the factor. Samples are laid out vertex-major, like the mesh's
 * coordinates: channel c of vertex v at {@code [v · channels + c]}. The same seed gives the same
 * sample. A sampler is immutable and safe to share between threads.
 */
public final class MaternNoise {

    /** Default inverse squared correlation length τ, for unit-box meshes (1/length²). */
    public static final double DEFAULT_TAU = 100;
    /** Default amplitude σ, for unit-box meshes (5 suits human bodies). */
    public static final double DEFAULT_SIGMA = 3;
    /** Default number of channels (for example x, y, z displacements). */
    public static final int DEFAULT_CHANNELS = 3;

    private final LaplaceBeltrami operator;
    private final double tau;
    private final double sigma;
    private final int channels;
    private final double[] mass;
    private final double[] sqrtMass;
    private final double area;
    private final SparseCholesky factor;

    private MaternNoise(Builder b) {
        this.operator = LaplaceBeltrami.of(b.mesh.vertices(), b.mesh.faces());
        this.tau = b.tau;
        this.sigma = b.sigma;
        this.channels = b.channels;
        this.mass = operator.massDiagonal();
        this.area = operator.area();
        this.sqrtMass = new double[mass.length];
        for (int i = 0; i < mass.length; i++) {
            sqrtMass[i] = Math.sqrt(mass[i]);
        }
        this.factor = ShiftedLaplacian.factor(operator, b.mesh.vertices(), tau);
    }

    /**
     * One sample with the defaults τ = {@value #DEFAULT_TAU}, σ = {@value #DEFAULT_SIGMA} (meant for
     * a unit-box mesh). Factors the mesh's operator each call: build a sampler with
     * {@link #builder()} to draw many samples.
     *
     * @param mesh the mesh, in the unit box
     * @param channels number of channels, at least 1
     * @param seed random seed
     * @return the sample, channel c of vertex v at {@code [v · channels + c]}
     * @throws IllegalArgumentException if channels is below 1
     */
    public static double[] sample(TriangleMesh mesh, int channels, long seed) {
        return builder().setMesh(mesh).optChannels(channels).build().sample(seed);
    }

    /** @return a builder; the mesh is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Draws one sample, reusing the factorisation.
     *
     * @param seed random seed; the same seed gives the same sample
     * @return the sample, channel c of vertex v at {@code [v · channels + c]}, each channel with
     *     area-weighted mean 0
     */
    public double[] sample(long seed) {
        int n = mass.length;
        int c = channels;
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n * c];
        for (int v = 0; v < n; v++) {
            double s = sigma * sqrtMass[v];
            for (int h = 0; h < c; h++) {
                x[v * c + h] = s * random.nextGaussian();
            }
        }
        factor.solveInPlace(x, c);
        double[] mean = new double[c];
        for (int v = 0; v < n; v++) {
            for (int h = 0; h < c; h++) {
                mean[h] += mass[v] * x[v * c + h];
            }
        }
        for (int h = 0; h < c; h++) {
            mean[h] /= area;
        }
        for (int v = 0; v < n; v++) {
            if (mass[v] == 0) {
                continue; // an isolated vertex keeps its 0
            }
            for (int h = 0; h < c; h++) {
                x[v * c + h] -= mean[h];
            }
        }
        return x;
    }

    /**
     * One channel of a sample, as a per-vertex field.
     *
     * @param sample a sample of this sampler
     * @param channel index from 0
     * @return the values of that channel, one per vertex
     * @throws IllegalArgumentException if the sample has the wrong length or the channel is out of range
     */
    public double[] channel(double[] sample, int channel) {
        int n = mass.length;
        if (sample.length != n * channels) {
            throw new IllegalArgumentException("sample has " + sample.length + " values, expected " + n + " x " + channels);
        }
        Objects.checkIndex(channel, channels);
        double[] out = new double[n];
        for (int v = 0; v < n; v++) {
            out[v] = sample[v * channels + channel];
        }
        return out;
    }

    /** @return the mesh operator (cotangent Laplacian and lumped mass) the sampler was built from */
    public LaplaceBeltrami operator() {
        return operator;
    }

    /** @return the Cholesky factorisation of {@code L + τM}, reusable for other solves */
    public SparseCholesky factor() {
        return factor;
    }

    /** @return the number of vertices */
    public int vertexCount() {
        return mass.length;
    }

    /** @return τ (1/length²) */
    public double tau() {
        return tau;
    }

    /** @return σ */
    public double sigma() {
        return sigma;
    }

    /** @return the number of channels */
    public int channels() {
        return channels;
    }

    /**
     * The theoretical variance of spectral coefficient k of each channel.
     *
     * @param eigenvalue λ_k of {@code Lφ = λMφ}, at least 0
     * @return {@code σ² / (λ_k + τ)²}
     */
    public double spectralVariance(double eigenvalue) {
        double d = eigenvalue + tau;
        return sigma * sigma / (d * d);
    }

    /** Configures a {@link MaternNoise} sampler: {@code setMesh} is required. */
    public static final class Builder {

        private TriangleMesh mesh;
        private double tau = DEFAULT_TAU;
        private double sigma = DEFAULT_SIGMA;
        private int channels = DEFAULT_CHANNELS;

        private Builder() {}

        /**
         * @param value the mesh (coordinates used as given; defaults suit the unit box)
         * @return this builder
         */
        public Builder setMesh(TriangleMesh value) {
            this.mesh = Objects.requireNonNull(value, "mesh");
            return this;
        }

        /**
         * @param value τ &gt; 0, the inverse squared correlation length (default {@value #DEFAULT_TAU})
         * @return this builder
         */
        public Builder optTau(double value) {
            this.tau = value;
            return this;
        }

        /**
         * @param value σ &gt; 0, the amplitude (default {@value #DEFAULT_SIGMA})
         * @return this builder
         */
        public Builder optSigma(double value) {
            this.sigma = value;
            return this;
        }

        /**
         * @param value channels per vertex, at least 1 (default {@value #DEFAULT_CHANNELS})
         * @return this builder
         */
        public Builder optChannels(int value) {
            this.channels = value;
            return this;
        }

        /**
         * Validates the settings and the mesh, assembles and factors {@code L + τM}.
         *
         * @return the sampler
         * @throws IllegalStateException if no mesh was set
         * @throws IllegalArgumentException if τ or σ is not positive and finite, channels is below
         *     1, or no triangle of the mesh has three distinct vertices
         */
        public MaternNoise build() {
            if (mesh == null) {
                throw new IllegalStateException("mesh is not set: call setMesh");
            }
            if (!(tau > 0) || !Double.isFinite(tau)) {
                throw new IllegalArgumentException("tau is not positive and finite: " + tau);
            }
            if (!(sigma > 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("sigma is not positive and finite: " + sigma);
            }
            if (channels < 1) {
                throw new IllegalArgumentException("channels is below 1: " + channels);
            }
            return new MaternNoise(this);
        }
    }
}
