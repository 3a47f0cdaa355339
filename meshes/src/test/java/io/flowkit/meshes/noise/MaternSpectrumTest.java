package io.flowkit.meshes.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.validation.mesh.Eigenpairs;
import io.flowkit.validation.mesh.GeneralizedEigensolver;
import io.flowkit.validation.mesh.FieldStatistics;
import io.flowkit.validation.mesh.TriangulationComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The defining property of Matérn noise on the two coarsest bunny triangulations: spectral
 * coefficients with variance σ²/(λ_k + τ)² on each mesh, and statistics that agree across
 * triangulations; independent per-vertex noise (the negative control) fails both.
 */
class MaternSpectrumTest {

    static final int EIGENPAIRS = 30;
    static final int SEEDS = 70; // × 3 channels = 210 fields per mesh

    record Mesh(String name, MaternNoise noise, Eigenpairs eigen, List<double[]> matern, List<double[]> white) {}

    static Mesh first;
    static Mesh second;

    static Mesh load(String name) throws Exception {
        return load(name, MeshFolder.bunnyTriangulations().read(name), 3);
    }

    static Mesh load(String name, io.flowkit.datasets.mesh.TriangleMesh mesh, double sigma) {
        long t0 = System.nanoTime();
        MaternNoise noise = MaternNoise.builder().setMesh(mesh).optSigma(sigma).build();
        long t1 = System.nanoTime();
        Eigenpairs eigen = GeneralizedEigensolver.smallest(noise.operator(), EIGENPAIRS);
        long t2 = System.nanoTime();
        List<double[]> matern = new ArrayList<>();
        for (int s = 0; s < SEEDS; s++) {
            double[] sample = noise.sample(s);
            for (int c = 0; c < noise.channels(); c++) {
                matern.add(noise.channel(sample, c));
            }
        }
        // Negative control: independent N(0, v) per vertex, v chosen so that its area-weighted
        // variance equals the Matérn samples' mean area-weighted variance (same total energy).
        double v = 0;
        for (double[] f : matern) {
            v += FieldStatistics.areaVariance(noise.operator(), f) / matern.size();
        }
        SplittableRandom r = new SplittableRandom(99);
        List<double[]> white = new ArrayList<>();
        for (int s = 0; s < matern.size(); s++) {
            double[] f = new double[noise.vertexCount()];
            for (int i = 0; i < f.length; i++) {
                f[i] = Math.sqrt(v) * r.nextGaussian();
            }
            white.add(f);
        }
        System.out.printf(Locale.ROOT, "%s: sampler %.2f s, eigenpairs %.2f s, samples %.2f s%n", name, (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        return new Mesh(name, noise, eigen, matern, white);
    }

    @BeforeAll
    static void setUp() throws Exception {
        first = load("bunny_10k");
        second = load("bunny_mixed");
    }

    /** Per mode k ≥ 1: z_k = (mean c_k² / (σ²/(λ_k+τ)²) − 1) / √(2/N), N fields (c_k²/var ~ χ²₁). */
    static double[] modeZ(Mesh m, List<double[]> fields) {
        return io.flowkit.meshes.bench.NoiseAgnosticism.modeZ(m.noise, m.eigen, fields);
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    @Test
    void spectralVarianceMatchesTheoryOnEachTriangulation() {
        for (Mesh m : new Mesh[] {first, second}) {
            double[] z = modeZ(m, m.matern);
            double[] zWhite = modeZ(m, m.white);
            // The pooled z over the 29 modes: mean z · √K is N(0, 1) under the theory.
            double pooled = mean(z) * Math.sqrt(z.length);
            System.out.printf(Locale.ROOT, "%s (%d vertices, λ_1 = %.2f, λ_%d = %.1f): Matérn per-mode max |z| = %.2f, pooled z = %.2f;"
                    + " independent noise max |z| = %.1f%n", m.name, m.noise.vertexCount(), m.eigen.value(1), EIGENPAIRS - 1,
                    m.eigen.value(EIGENPAIRS - 1), maxAbs(z), pooled, maxAbs(zWhite));
            // 29 modes, 210 fields: |z| > 4.5 has probability below 1e-3 in all (Bonferroni; the
            // χ²₁ tail is heavier than normal on the upper side, hence not 4).
            assertTrue(maxAbs(z) < 4.5, m.name + " per-mode z " + maxAbs(z));
            assertTrue(Math.abs(pooled) < 4, m.name + " pooled z " + pooled);
            assertTrue(maxAbs(zWhite) >= 4.5, m.name + " negative control passed the same test: " + maxAbs(zWhite));
            // The constant mode is removed exactly by the area-weighted centring.
            double c0 = m.eigen.project(m.matern.get(0))[0];
            assertEquals(0, c0, 1e-12);
        }
    }

    @Test
    void statisticsAgreeAcrossTriangulations() {
        TriangulationComparison matern = TriangulationComparison.of(
                new TriangulationComparison.Side(first.name, first.noise.operator(), first.eigen, first.matern),
                new TriangulationComparison.Side(second.name, second.noise.operator(), second.eigen, second.matern));
        TriangulationComparison white = TriangulationComparison.of(
                new TriangulationComparison.Side(first.name, first.noise.operator(), first.eigen, first.white),
                new TriangulationComparison.Side(second.name, second.noise.operator(), second.eigen, second.white));
        System.out.println("Matérn noise:\n" + matern.toTable());
        System.out.println("independent per-vertex noise:\n" + white.toTable());
        double maternMax = 0;
        double whiteMax = 0;
        for (int i = 0; i < matern.rows().size(); i++) {
            TriangulationComparison.Row m = matern.rows().get(i);
            TriangulationComparison.Row w = white.rows().get(i);
            if (m.statistic().startsWith("Dirichlet") || m.statistic().contains("constant mode")) {
                // The Dirichlet energy of a Matérn field (Σ λ/(λ+τ)² over all modes) grows with the
                // mesh resolution, and the constant mode is zero by construction: not compared.
                continue;
            }
            maternMax = Math.max(maternMax, Math.abs(m.z()));
            if (m.statistic().startsWith("spectral")) {
                whiteMax = Math.max(whiteMax, Math.abs(w.z()));
            }
        }
        assertTrue(maternMax < 4, "Matérn noise differs across triangulations: max |z| " + maternMax);
        assertTrue(whiteMax >= 4, "independent noise passed the same test: max |z| " + whiteMax);
        TriangulationComparison.Row variance = matern.rows().get(0);
        assertTrue(variance.statistic().startsWith("area-weighted variance"), variance.statistic());
        System.out.printf(Locale.ROOT, "area-weighted variance: %s %.5f ± %.5f, %s %.5f ± %.5f, z = %.2f%n", first.name,
                variance.firstMean(), variance.firstError(), second.name, variance.secondMean(), variance.secondError(), variance.z());
    }
}
