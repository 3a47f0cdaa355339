package io.flowkit.meshes.bench;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.noise.MaternNoise;
import io.flowkit.validation.mesh.Eigenpairs;
import io.flowkit.validation.mesh.GeneralizedEigensolver;
import io.flowkit.validation.mesh.FieldStatistics;
import io.flowkit.validation.mesh.TriangulationComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The triangulation test of the source noise, after "Matérn Noise for Triangulation-Agnostic Flow
 * Matching on Meshes" (2026): Matérn samples on two triangulations of one surface must have
 * spectral coefficients {@code c_k = φ_kᵀ M f} of variance {@code σ²/(λ_k + τ)²} on each mesh, and
 * statistics that agree across the two; independent per-vertex noise of the same area-weighted
 * variance (the negative control) fails both. Per mode k ≥ 1,
 * {@code z_k = (mean c_k² / (σ²/(λ_k+τ)²) − 1) / √(2/N)} over N fields.
 */
public final class NoiseAgnosticism {

    /** Eigenvalues below this fraction of τ are zero modes (constants on a component). */
    private static final double ZERO_MODE = 1e-8;

    private final int eigenpairs;
    private final int seeds;
    private final double sigma;

    /**
     * @param eigenpairs Laplace-Beltrami eigenpairs compared (at least 2)
     * @param seeds samples per mesh (each gives 3 fields)
     * @param sigma the noise's σ
     * @throws IllegalArgumentException if a count is too small or σ is not positive
     */
    public NoiseAgnosticism(int eigenpairs, int seeds, double sigma) {
        if (eigenpairs < 2 || seeds < 2) {
            throw new IllegalArgumentException("eigenpairs and seeds must be at least 2: " + eigenpairs + ", " + seeds);
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma is not positive and finite: " + sigma);
        }
        this.eigenpairs = eigenpairs;
        this.seeds = seeds;
        this.sigma = sigma;
    }

    /**
     * One triangulation's figures.
     *
     * @param name the triangulation
     * @param vertices its vertex count
     * @param buildSeconds time to build the sampler (checks, operator, ordering, factorisation)
     * @param sampleSeconds mean time of one 3-channel sample
     * @param maternMaxZ largest per-mode |z| of the Matérn samples
     * @param maternPooledZ mean per-mode z times √(modes): N(0, 1) under the theory
     * @param independentMaxZ largest per-mode |z| of the negative control
     * @param sample the first Matérn sample (vertex-major, 3 channels)
     */
    public record Side(String name, int vertices, double buildSeconds, double sampleSeconds, double maternMaxZ,
            double maternPooledZ, double independentMaxZ, double[] sample) {}

    /**
     * The test on two triangulations.
     *
     * @param first the first triangulation's figures
     * @param second the second's
     * @param matern the comparison of the Matérn fields across the two
     * @param independent the same for the negative control
     */
    public record Result(Side first, Side second, TriangulationComparison matern, TriangulationComparison independent) {

        /** @return the largest |z| across triangulations of the Matérn fields (Dirichlet energy and constant mode left out) */
        public double maternCrossMaxZ() {
            return crossMaxZ(matern, false);
        }

        /** @return the largest |z| of the spectral bands across triangulations of the negative control */
        public double independentCrossMaxZ() {
            return crossMaxZ(independent, true);
        }

        private static double crossMaxZ(TriangulationComparison c, boolean spectralOnly) {
            double max = 0;
            for (TriangulationComparison.Row r : c.rows()) {
                if (r.statistic().startsWith("Dirichlet") || r.statistic().contains("constant mode")) {
                    continue; // grows with resolution / zero by construction
                }
                if (!spectralOnly || r.statistic().startsWith("spectral")) {
                    max = Math.max(max, Math.abs(r.z()));
                }
            }
            return max;
        }
    }

    private record Fields(Side side, MaternNoise noise, Eigenpairs eigen, List<double[]> matern, List<double[]> independent) {}

    /**
     * Runs the test.
     *
     * @param firstName the first triangulation's name
     * @param first the first triangulation (unit box)
     * @param secondName the second's name
     * @param second the second triangulation of the same surface
     * @return the figures
     */
    public Result run(String firstName, TriangleMesh first, String secondName, TriangleMesh second) {
        Fields a = fields(firstName, first);
        Fields b = fields(secondName, second);
        TriangulationComparison matern = TriangulationComparison.of(
                new TriangulationComparison.Side(firstName, a.noise.operator(), a.eigen, a.matern),
                new TriangulationComparison.Side(secondName, b.noise.operator(), b.eigen, b.matern));
        TriangulationComparison independent = TriangulationComparison.of(
                new TriangulationComparison.Side(firstName, a.noise.operator(), a.eigen, a.independent),
                new TriangulationComparison.Side(secondName, b.noise.operator(), b.eigen, b.independent));
        return new Result(a.side, b.side, matern, independent);
    }

    private Fields fields(String name, TriangleMesh mesh) {
        long t0 = System.nanoTime();
        MaternNoise noise = MaternNoise.builder().setMesh(mesh).optSigma(sigma).build();
        double build = (System.nanoTime() - t0) / 1e9;
        Eigenpairs eigen = GeneralizedEigensolver.smallest(noise.operator(), eigenpairs);
        List<double[]> matern = new ArrayList<>();
        double[] firstSample = null;
        long t1 = System.nanoTime();
        for (int s = 0; s < seeds; s++) {
            double[] sample = noise.sample(s);
            if (firstSample == null) {
                firstSample = sample;
            }
            for (int c = 0; c < noise.channels(); c++) {
                matern.add(noise.channel(sample, c));
            }
        }
        double perSample = (System.nanoTime() - t1) / 1e9 / seeds;
        // The negative control: independent N(0, v) per vertex, v giving the Matérn fields' mean
        // area-weighted variance (the same total energy).
        double v = 0;
        for (double[] f : matern) {
            v += FieldStatistics.areaVariance(noise.operator(), f) / matern.size();
        }
        SplittableRandom r = new SplittableRandom(99);
        List<double[]> independent = new ArrayList<>();
        for (int s = 0; s < matern.size(); s++) {
            double[] f = new double[noise.vertexCount()];
            for (int i = 0; i < f.length; i++) {
                f[i] = Math.sqrt(v) * r.nextGaussian();
            }
            independent.add(f);
        }
        double[] z = modeZ(noise, eigen, matern);
        double pooled = 0;
        for (double x : z) {
            pooled += x;
        }
        pooled = pooled / z.length * Math.sqrt(z.length);
        Side side = new Side(name, noise.vertexCount(), build, perSample, maxAbs(z), pooled,
                maxAbs(modeZ(noise, eigen, independent)), firstSample);
        return new Fields(side, noise, eigen, matern, independent);
    }

    /**
     * Per-mode z of a set of fields against the Matérn spectrum.
     *
     * @param noise the sampler (its spectrum)
     * @param eigen the eigenpairs
     * @param fields the fields
     * @return z_k for the modes k = 1 .. K−1 whose eigenvalue is not zero (below 10⁻⁸ τ)
     */
    public static double[] modeZ(MaternNoise noise, Eigenpairs eigen, List<double[]> fields) {
        int k = eigen.count();
        double[] sum = new double[k];
        for (double[] f : fields) {
            double[] c = eigen.project(f);
            for (int i = 0; i < k; i++) {
                sum[i] += c[i] * c[i];
            }
        }
        // Zero modes are left out: on a mesh of several components each component's indicator is
        // one, the area-weighted centring removes one combination of them, and which one the
        // solver's basis of that eigenspace shows is arbitrary.
        double[] z = new double[k - 1];
        int m = 0;
        for (int i = 1; i < k; i++) {
            if (eigen.value(i) < ZERO_MODE * noise.tau()) {
                continue;
            }
            double ratio = sum[i] / fields.size() / noise.spectralVariance(eigen.value(i));
            z[m++] = (ratio - 1) / Math.sqrt(2.0 / fields.size());
        }
        return java.util.Arrays.copyOf(z, m);
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
