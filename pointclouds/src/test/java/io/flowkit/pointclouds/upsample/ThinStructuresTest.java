package io.flowkit.pointclouds.upsample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.eval.UpsamplingMetrics;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.prepare.PatchNormalisation;
import io.flowkit.pointclouds.prepare.PatchSeeds;
import io.flowkit.pointclouds.prepare.PointArrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped model on thin structures of {@code meshes/cgal} (2,048 Poisson-disk points, x4): a
 * knot whose strands pass close to each other (never trained on) and the elephant's trunk and legs.
 * On the knot, patches cut across strands used to start points between them, 4 to 5 spacings off
 * the surface (Hausdorff distance 17 times midpoint interpolation's).
 */
class ThinStructuresTest {

    private static PufmModel model;

    @BeforeAll
    static void load() {
        model = PufmModel.loadDefault(Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theKnotsPatchesStartNoPointBetweenStrands() throws Exception {
        ShapeSample knot = PuProtocol.loadCgal("knot2", 4, 1);
        double[] input = knot.input();
        double spacing = UpsamplerTest.meanNearest(input);
        NearestNeighbors index = NearestNeighbors.of(input);
        double worstPlain = 0;
        double worstLocal = 0;
        for (int[] patch : PatchSeeds.patches(input, model.config().patchSize(), 3)) {
            double[] sparse = PointArrays.gather(input, patch);
            PatchNormalisation norm = PatchNormalisation.of(sparse);
            double[] plain = norm.invert(MidpointInterpolation.interpolate(norm.apply(sparse), 4));
            double[] local = norm.invert(MidpointInterpolation.interpolateLocal(norm.apply(sparse), 4));
            worstPlain = Math.max(worstPlain, max(index.nearestDistances(plain)) / spacing);
            worstLocal = Math.max(worstLocal, max(index.nearestDistances(local)) / spacing);
        }
        assertTrue(worstPlain > 3, "plain midpoints of a patch across strands float " + worstPlain + " spacings off");
        assertTrue(worstLocal < 1.5, "gap-free midpoints stay within " + worstLocal + " spacings");
    }

    @Test
    void upsamplingThinPartsReturnsNoStrayPoint() throws Exception {
        for (String name : new String[] {"knot2", "elephant"}) {
            ShapeSample shape = PuProtocol.loadCgal(name, 4, 1);
            Upsampler upsampler = Upsampler.builder().setModel(model).build();
            double[] out = upsampler.upsample(shape.input(), 4);
            assertEquals(4 * shape.inputSize(), out.length / 3);
            double spacing = UpsamplerTest.meanNearest(shape.input());
            double worst = max(NearestNeighbors.of(shape.input()).nearestDistances(out)) / spacing;
            assertTrue(worst < 2 * Upsampler.DEFAULT_MAX_OFFSET, name + ": a point " + worst + " spacings off");
            UpsamplingMetrics flow = UpsamplingMetrics.of(out, shape, 1);
            UpsamplingMetrics midpoint = UpsamplingMetrics.of(MidpointInterpolation.interpolate(shape.input(), 4), shape, 1);
            assertTrue(flow.hausdorff() < 1.5 * midpoint.hausdorff(),
                    name + ": Hausdorff " + flow.hausdorff() + " against midpoint's " + midpoint.hausdorff());
        }
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
