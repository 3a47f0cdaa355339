package io.flowkit.validation.mesh;

import io.flowkit.core.io.DataLocation;
import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriangulationComparisonTest {

    private static TriangleMesh coarse;
    private static TriangleMesh fine;
    private static LaplaceBeltrami coarseOp;
    private static LaplaceBeltrami fineOp;
    private static Eigenpairs coarseEig;
    private static Eigenpairs fineEig;

    @BeforeAll
    static void bunnies() throws Exception {
        Path dir = DataLocation.dataset("meshes/bunny-triangulations");
        coarse = MeshFiles.read(dir.resolve("bunny_10k.obj"));
        fine = MeshFiles.read(dir.resolve("bunny_70k.obj"));
        coarseOp = LaplaceBeltrami.of(coarse.vertices(), coarse.faces());
        fineOp = LaplaceBeltrami.of(fine.vertices(), fine.faces());
        coarseEig = GeneralizedEigensolver.smallest(coarseOp, 20);
        fineEig = GeneralizedEigensolver.smallest(fineOp, 20);
    }

    @Test
    void bothBunnyTriangulationsHaveTheSameLowSpectrum() {
        assertTrue(fineOp.size() > 6 * coarseOp.size());
        assertEquals(coarseOp.area(), fineOp.area(), 0.01 * fineOp.area());
        assertEquals(0, coarseEig.value(0), 1e-8);
        for (int i = 1; i < 20; i++) {
            assertEquals(fineEig.value(i), coarseEig.value(i), 0.02 * fineEig.value(i), "eigenvalue " + i);
        }
    }

    @Test
    void smoothFieldsShowNoDependenceWhileVertexNoiseDoes() {
        List<double[]> smoothCoarse = new ArrayList<>();
        List<double[]> smoothFine = new ArrayList<>();
        List<double[]> noiseCoarse = new ArrayList<>();
        List<double[]> noiseFine = new ArrayList<>();
        Random random = new Random(60);
        for (int s = 0; s < 40; s++) {
            smoothCoarse.add(RandomFourierField.sample(0.15, 256, s).evaluate(coarse.vertices()));
            smoothFine.add(RandomFourierField.sample(0.15, 256, 500 + s).evaluate(fine.vertices()));
            noiseCoarse.add(whiteNoise(random, coarseOp.size()));
            noiseFine.add(whiteNoise(random, fineOp.size()));
        }
        TriangulationComparison smooth = TriangulationComparison.of(
                new TriangulationComparison.Side("10k", coarseOp, coarseEig, smoothCoarse),
                new TriangulationComparison.Side("70k", fineOp, fineEig, smoothFine));
        assertTrue(smooth.maxAbsZ() < 3.5, smooth.toTable().toText());
        TriangulationComparison noise = TriangulationComparison.of(
                new TriangulationComparison.Side("10k", coarseOp, coarseEig, noiseCoarse),
                new TriangulationComparison.Side("70k", fineOp, fineEig, noiseFine));
        // Vertex noise has unit variance on both, but its roughness and its low-frequency energy
        // scale with the vertex density: a triangulation-dependent field.
        assertTrue(Math.abs(noise.rows().get(0).z()) < 3.5, noise.toTable().toText());
        assertTrue(noise.rows().get(1).z() < -50, noise.toTable().toText());
        assertTrue(noise.rows().get(3).z() > 5, noise.toTable().toText());
        assertEquals(7, smooth.toTable().rowCount());
    }

    private static double[] whiteNoise(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    @Test
    void spectralProfileOfAnEigenfunctionIsAnIndicator() {
        double[] phi = coarseEig.vector(3);
        SpectralProfile p = SpectralProfile.of(coarseOp, coarseEig, List.of(phi, phi));
        double[] energy = p.meanEnergy();
        for (int i = 0; i < energy.length; i++) {
            assertEquals(i == 3 ? 1 / coarseOp.area() : 0, energy[i], 1e-8, "index " + i);
        }
        // Parseval: a field inside the span keeps its area-weighted mean square.
        double[] mix = new double[coarseOp.size()];
        for (int q = 0; q < mix.length; q++) {
            mix[q] = 2 * coarseEig.vector(0)[q] - 0.5 * coarseEig.vector(7)[q] + 3 * coarseEig.vector(12)[q];
        }
        double total = 0;
        for (double e : SpectralProfile.of(coarseOp, coarseEig, List.of(mix)).meanEnergy()) {
            total += e;
        }
        double meanSquare = FieldStatistics.areaVariance(coarseOp, mix) + Math.pow(FieldStatistics.areaMean(coarseOp, mix), 2);
        assertEquals(meanSquare, total, 1e-8);
    }

    @Test
    void randomFourierFieldsHaveTheStatedCovarianceAndAreSeeded() {
        double[] points = {0, 0, 0, 0.1, 0, 0, 0, 0.3, 0};
        double l = 0.2;
        int draws = 4000;
        double v0 = 0;
        double c01 = 0;
        double c02 = 0;
        for (int s = 0; s < draws; s++) {
            double[] f = RandomFourierField.sample(l, 64, s).evaluate(points);
            v0 += f[0] * f[0] / draws;
            c01 += f[0] * f[1] / draws;
            c02 += f[0] * f[2] / draws;
        }
        assertEquals(1, v0, 0.08);
        assertEquals(Math.exp(-0.01 / (2 * l * l)), c01, 0.08);
        assertEquals(Math.exp(-0.09 / (2 * l * l)), c02, 0.08);
        assertArrayEquals(RandomFourierField.sample(l, 32, 9).evaluate(points), RandomFourierField.sample(l, 32, 9).evaluate(points));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RandomFourierField.sample(0, 4, 1))
                .getMessage().contains("length scale"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TriangulationComparison.Side("x", coarseOp, coarseEig, List.of(new double[coarseOp.size()])))
                .getMessage().contains("at least 2 samples"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TriangulationComparison.Side("x", coarseOp, fineEig, List.of(new double[1], new double[1])))
                .getMessage().contains("dimension"));
    }
}
