package io.flowkit.pointclouds.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.validation.pointcloud.PointToSurface;
import io.flowkit.validation.pointcloud.Surface;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PuganOfficialTest {

    @Test
    void loadsBothOfficialShapesWithTheirInputsOutputsAndMeshes() throws IOException {
        List<OfficialShape> shapes = PuganOfficial.loadAll(1);
        assertEquals(List.of("fandisk", "Icosahedron"), shapes.stream().map(s -> s.shape().name()).toList());
        for (OfficialShape o : shapes) {
            ShapeSample s = o.shape();
            assertEquals(2048, s.inputSize());
            assertEquals(8192, s.truthSize());
            assertEquals(8192, o.puganX4().length / 3);
            Surface surface = Surface.of(s.mesh());
            // The official input was sampled from this mesh; PU-GAN's output lies near it, not on it.
            double input = PointToSurface.of(s.input(), surface).mean();
            double output = PointToSurface.of(o.puganX4(), surface).mean();
            assertTrue(input < 1e-5, s.name() + " input P2F " + input);
            // PU-GAN reports 2.33e-3 on average over its 27 test shapes; a single shape within a factor 2 of it.
            assertTrue(output > 2.33e-3 / 2 && output < 2.33e-3 * 2, s.name() + " PU-GAN output P2F " + output);
            assertTrue(PointToSurface.of(s.truth(), surface).mean() < 1e-9, "the truth is sampled on the official mesh");
        }
    }
}
