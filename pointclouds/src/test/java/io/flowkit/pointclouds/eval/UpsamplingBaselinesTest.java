package io.flowkit.pointclouds.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.validation.pointcloud.Chamfer;
import io.flowkit.validation.pointcloud.Hausdorff;
import io.flowkit.validation.pointcloud.PointToSurface;
import io.flowkit.validation.pointcloud.Surface;
import io.flowkit.validation.pointcloud.Uniformity;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The two baselines on a real test mesh, x4. */
class UpsamplingBaselinesTest {

    @Test
    void theOracleBeatsTheMidpointBaselineOnARealTestMesh() throws IOException {
        ShapeSample cow = PuProtocol.load("cow", 4, 1);
        double[] midpoint = UpsamplingBaselines.midpoint(cow.input(), 4);
        double[] oracle = UpsamplingBaselines.oracle(cow.mesh(), 8192, 1);
        assertEquals(8192, midpoint.length / 3);
        assertEquals(8192, oracle.length / 3);
        assertArrayEquals(MidpointInterpolation.interpolate(cow.input(), 4), midpoint, 0.0);
        Surface surface = Surface.of(cow.mesh());
        UpsamplingMetrics mid = UpsamplingMetrics.of(midpoint, cow.truth(), surface, 1);
        UpsamplingMetrics orc = UpsamplingMetrics.of(oracle, cow.truth(), surface, 1);
        assertTrue(orc.chamfer() < mid.chamfer(), "CD: oracle " + orc + " vs midpoint " + mid);
        assertTrue(orc.p2fMean() < mid.p2fMean(), "P2F: oracle " + orc + " vs midpoint " + mid);
        assertTrue(orc.hausdorff() < mid.hausdorff(), "HD: oracle " + orc + " vs midpoint " + mid);
        assertTrue(orc.p2fMean() < 1e-9, "the oracle's points lie on the surface");
        // The metrics are the validation module's, in PU-GAN's conventions.
        assertEquals(Chamfer.puGan(midpoint, cow.truth()), mid.chamfer(), 0.0);
        assertEquals(Hausdorff.puGan(midpoint, cow.truth()), mid.hausdorff(), 0.0);
        assertEquals(PointToSurface.of(midpoint, surface).mean(), mid.p2fMean(), 0.0);
        assertArrayEquals(Uniformity.builder().optRandomSeed(1).build().compute(midpoint, surface).values(), mid.uniformity(), 0.0);
        assertEquals(mid, UpsamplingMetrics.of(midpoint, cow, 1), "the shape overload agrees");
    }

    @Test
    void theOracleIsSeededAndSpreadOnTheSurface() throws IOException {
        ShapeSample m355 = PuProtocol.sample("m355", MeshFolder.puganMeshes().read("m355"), 256, 2, 2);
        double[] a = UpsamplingBaselines.oracle(m355.mesh(), 500, 3, 4);
        assertArrayEquals(a, UpsamplingBaselines.oracle(m355.mesh(), 500, 3, 4), 0.0);
        for (double d : Surface.of(m355.mesh()).distances(a)) {
            assertTrue(d < 1e-9, "on the surface: " + d);
        }
        // Evenly spread: the closest pair of the oracle is far wider than that of a uniform sample of the same size.
        double[] uniform = io.flowkit.datasets.sampling.UniformSurfaceSampler.sample(m355.mesh(), 500, 3).points().positions();
        assertTrue(closestPair(a) > 3 * closestPair(uniform), closestPair(a) + " vs " + closestPair(uniform));
        UpsamplingMetrics perfect = UpsamplingMetrics.of(m355.truth(), m355, 0);
        assertEquals(0, perfect.chamfer(), 0.0, "the truth against itself");
        assertEquals(0, perfect.hausdorff(), 0.0);
    }

    private static double closestPair(double[] xyz) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xyz.length / 3; i++) {
            for (int j = i + 1; j < xyz.length / 3; j++) {
                double dx = xyz[3 * i] - xyz[3 * j];
                double dy = xyz[3 * i + 1] - xyz[3 * j + 1];
                double dz = xyz[3 * i + 2] - xyz[3 * j + 2];
                best = Math.min(best, dx * dx + dy * dy + dz * dz);
            }
        }
        return Math.sqrt(best);
    }
}
