package io.flowkit.datasets.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PU-GAN protocol on the real PU-GAN test meshes. */
class PoissonDiskSamplerTest {

    @Test
    void makesExactCountsOnTheSurfaceWithWiderSpacingThanUniform() throws IOException {
        MeshFolder pugan = MeshFolder.puganMeshes();
        for (String name : List.of("cow", "fandisk", "genus3", "m355").stream()
                .filter(n -> exists(pugan, n)).toList()) {
            TriangleMesh mesh = pugan.read(name);
            MeshSample poisson = PoissonDiskSampler.sample(mesh, 2048, 1);
            MeshSample uniform = UniformSurfaceSampler.sample(mesh, 2048, 1);
            assertEquals(2048, poisson.points().size());
            double[] p = poisson.points().positions();
            double diag = mesh.boundingBoxDiagonal();
            for (int i = 0; i < 2048; i++) {
                double d = PointTriangleDistance.toFace(mesh, poisson.faces()[i], p[3 * i], p[3 * i + 1], p[3 * i + 2]);
                assertTrue(d < 1e-12 * diag, name + ": point " + i + " is " + d + " off its face");
            }
            double[] dp = Spacing.nearestOther(p);
            double[] du = Spacing.nearestOther(uniform.points().positions());
            double rMax = Math.sqrt(mesh.surfaceArea() / (2 * Math.sqrt(3) * 2048));
            assertTrue(Spacing.min(dp) > 3 * Spacing.min(du), name + ": min spacing " + Spacing.min(dp) + " vs uniform " + Spacing.min(du));
            assertTrue(Spacing.min(dp) > 0.3 * rMax, name + ": min spacing " + Spacing.min(dp) + " vs r_max " + rMax);
            assertTrue(Spacing.coefficientOfVariation(dp) < 0.5 * Spacing.coefficientOfVariation(du), name + ": spacing is even");
        }
    }

    @Test
    void groundTruthDensitiesAreExactAndOnTheMesh() throws IOException {
        TriangleMesh mesh = MeshFolder.puganMeshes().read("cow");
        for (int n : new int[] {8192, 32768}) {
            MeshSample s = PoissonDiskSampler.sample(mesh, n, 3);
            assertEquals(n, s.points().size());
            double[] p = s.points().positions();
            // brute-force distance to the whole mesh for a spread of points
            for (int i = 0; i < n; i += n / 64) {
                assertTrue(PointTriangleDistance.toMesh(mesh, p[3 * i], p[3 * i + 1], p[3 * i + 2]) < 1e-9);
            }
            double rMax = Math.sqrt(mesh.surfaceArea() / (2 * Math.sqrt(3) * n));
            assertTrue(Spacing.min(Spacing.nearestOther(p)) > 0.3 * rMax);
        }
    }

    @Test
    void isSeededAndValidatesSettings() throws IOException {
        TriangleMesh mesh = MeshFolder.puganMeshes().read("cow");
        assertArrayEquals(PoissonDiskSampler.sample(mesh, 500, 9).faces(), PoissonDiskSampler.sample(mesh, 500, 9).faces());
        assertEquals("beta is not in [0, 1): 1.0",
                assertThrows(IllegalArgumentException.class, () -> PoissonDiskSampler.builder().optBeta(1).build()).getMessage());
        assertEquals("fewer candidates than points to keep: 2 < 3", assertThrows(IllegalArgumentException.class,
                () -> PoissonDiskSampler.builder().build().eliminate(new double[6], 3, 1)).getMessage());
    }

    private static boolean exists(MeshFolder folder, String name) {
        return java.nio.file.Files.isRegularFile(folder.file(name));
    }
}
