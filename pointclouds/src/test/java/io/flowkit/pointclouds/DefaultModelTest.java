package io.flowkit.pointclouds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.eval.UpsamplingBaselines;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.validation.pointcloud.Chamfer;
import org.junit.jupiter.api.Test;

/**
 * The shipped default model: provenance, and the one-line call on a held-out test mesh. Its
 * Chamfer distance is within a few percent of midpoint interpolation's (better on some input
 * samples, worse on others; see RESULTS.md) and far below that of the input itself, repeated.
 */
class DefaultModelTest {

    @Test
    void theShippedModelCarriesItsProvenanceAndUpsamplesTheCowAsWellAsMidpointInterpolation() throws Exception {
        try (PufmModel model = PufmModel.loadDefault(Device.cpu())) {
            assertNotNull(model.provenance(), "the default model has no provenance");
            assertEquals(0, model.provenance().seed());
            assertTrue(model.provenance().dataset().contains("pugan"), model.provenance().dataset());
            assertTrue(model.provenance().dataset().contains("meshes/cgal"), model.provenance().dataset());
            assertTrue(model.schedule().isPresent(), "the stage-3 loss profile is missing");
        }
        ShapeSample cow = PuProtocol.load("cow", 4, 1);
        PointCloud dense = Pufm.upsample(PointCloud.of(cow.input()), 4);
        assertEquals(4 * cow.inputSize(), dense.size());
        double flow = Chamfer.puGan(dense.positions(), cow.truth());
        double midpoint = Chamfer.puGan(UpsamplingBaselines.midpoint(cow.input(), 4), cow.truth());
        double[] repeated = new double[4 * cow.input().length];
        for (int k = 0; k < 4; k++) {
            System.arraycopy(cow.input(), 0, repeated, k * cow.input().length, cow.input().length);
        }
        double input = Chamfer.puGan(repeated, cow.truth());
        assertTrue(flow < 1.05 * midpoint, "Chamfer of the shipped model " + flow + " against midpoint interpolation's "
                + midpoint);
        assertTrue(flow < 0.8 * input, "Chamfer of the shipped model " + flow + " against the input's " + input);
    }
}
