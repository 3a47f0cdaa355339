package io.flowkit.pointclouds.upsample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.model.PufmConfig;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.validation.pointcloud.Chamfer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The patch-wise sampler with an untrained small model on a real test input. */
class UpsamplerTest {

    private static final PufmConfig SMALL = PufmConfig.defaults().withSize(16, 1).withPatchSize(64);
    private static PufmModel model;
    private static double[] input;

    @BeforeAll
    static void setUp() throws Exception {
        model = PufmModel.create(SMALL, 2, Device.cpu());
        ShapeSample cow = PuProtocol.sample("cow-small", PuProtocol.load("cow", 4, 0).mesh(), 512, 4, 0);
        input = cow.input();
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    @Test
    void x4GivesFourTimesThePointsIsReproducibleAndDependsOnTheSeed() {
        AtomicInteger calls = new AtomicInteger();
        Upsampler one = Upsampler.builder().setModel(model).optBatchSize(1).optSeed(5).optStartNoise(0.02).optSteps(3)
                .optProgress((done, total) -> calls.incrementAndGet()).build();
        Upsampler many = Upsampler.builder().setModel(model).optBatchSize(64).optSeed(5).optStartNoise(0.02).optSteps(3)
                .build();
        double[] a = one.upsample(input, 4);
        assertEquals(4 * input.length, a.length);
        assertTrue(calls.get() > 1, "progress per batch");
        assertArrayEquals(a, one.upsample(input, 4), "the same settings give the same cloud");
        // Batching changes float rounding (~1e-7), which may flip the Voronoi cell of a border point:
        // the clouds agree up to a few such points, far closer than clouds of another seed.
        double[] batched = many.upsample(input, 4);
        double[] other = Upsampler.builder().setModel(model).optSeed(6).optStartNoise(0.02).optSteps(3).build()
                .upsample(input, 4);
        assertFalse(Arrays.equals(a, other));
        double sameSeed = Chamfer.puGan(a, batched);
        double otherSeed = Chamfer.puGan(a, other);
        assertTrue(sameSeed < 0.05 * otherSeed, sameSeed + " vs " + otherSeed);
        // Every input point is kept: the merge reduces the union of input and patches by FPS from input point 0.
        assertEquals(input[0], a[0]);
    }

    @Test
    void x16IsX4TwiceAndLargeInputsKeepOnlyTheirOwnCells() {
        double[] dense = Upsampler.builder().setModel(model).build().upsample(input, 16);
        assertEquals(16 * input.length, dense.length);
        for (double v : dense) {
            assertTrue(Double.isFinite(v));
        }
        // As for a large scan: patches keep their own Voronoi cells instead of one global reduction.
        double[] cells = Upsampler.builder().setModel(model).optFpsLimit(1000).build().upsample(input, 4);
        assertEquals(4 * input.length, cells.length);
        double[] global = Upsampler.builder().setModel(model).optOwnCellsOnly(false).build().upsample(input, 4);
        assertEquals(4 * input.length, global.length);
        // Four times the points on a surface halve the spacing. Both merges within 30% of that (measured: the
        // global one 0.55, the cells' 0.40 of the input's spacing, which keeps more near pairs at cell borders).
        double spacing = meanNearest(input);
        assertEquals(0.5 * spacing, meanNearest(global), 0.15 * spacing, "global merge spacing");
        assertEquals(0.5 * spacing, meanNearest(cells), 0.15 * spacing, "own cells' spacing");
    }

    /** The mean distance of each point to its nearest other point (also used by ThinStructuresTest). */
    static double meanNearest(double[] xyz) {
        int n = xyz.length / 3;
        int[] nearest = io.flowkit.datasets.spatial.NearestNeighbors.of(xyz).kNearest(xyz, 2);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = nearest[2 * i] == i ? nearest[2 * i + 1] : nearest[2 * i];
            sum += Math.sqrt(Math.pow(xyz[3 * i] - xyz[3 * j], 2) + Math.pow(xyz[3 * i + 1] - xyz[3 * j + 1], 2)
                    + Math.pow(xyz[3 * i + 2] - xyz[3 * j + 2], 2));
        }
        return sum / n;
    }

    @Test
    void badInputsGetClearErrors() {
        Upsampler u = Upsampler.builder().setModel(model).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> u.upsample(input, 1)).getMessage()
                .contains("ratio 1 is not supported"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> u.upsample(input, 17)).getMessage()
                .contains("from 2 to 16"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> u.upsample(Arrays.copyOf(input, 60), 4))
                .getMessage().contains("fewer than the 64 points a patch needs"));
        double[] nan = input.clone();
        nan[31] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> u.upsample(nan, 4)).getMessage()
                .contains("point 10"));
        double[] repeated = input.clone();
        System.arraycopy(repeated, 0, repeated, 3, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> u.upsample(repeated, 4)).getMessage()
                .contains("1 duplicate"));
        double[] merged = Upsampler.builder().setModel(model).optMergeDuplicates(true).build().upsample(repeated, 4);
        assertEquals(4 * repeated.length, merged.length);
        assertThrows(IllegalArgumentException.class, () -> Upsampler.builder().setModel(model).optSteps(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> Upsampler.builder().setModel(model).optManifoldCorrection(2).build());
        assertThrows(IllegalArgumentException.class, () -> Upsampler.builder().setModel(model).optMaxOffset(0).build());
        assertThrows(IllegalArgumentException.class, () -> Upsampler.builder().setModel(model).optSolver(null).build());
    }

    @Test
    void everyRatioFromTwoToSixteenGivesThatManyPoints() {
        Upsampler u = Upsampler.builder().setModel(model).build();
        for (int ratio : new int[] {2, 3, 5, 7, 12}) {
            double[] out = u.upsample(input, ratio);
            assertEquals(ratio * input.length, out.length, "ratio " + ratio);
            assertEquals(ratio * input.length / 3, io.flowkit.pointclouds.prepare.PointArrays.distinct(out).length / 3,
                    "ratio " + ratio + ": distinct points");
        }
    }

    @Test
    void pointsFartherThanTheBoundAreNeverReturned() {
        // An untrained model started from heavy noise throws points off the surface.
        Upsampler unbounded = Upsampler.builder().setModel(model).optStartNoise(0.3).optMaxOffset(Double.POSITIVE_INFINITY)
                .optManifoldCorrection(0).build();
        Upsampler bounded = Upsampler.builder().setModel(model).optStartNoise(0.3).optManifoldCorrection(0).build();
        double[] loose = unbounded.upsample(input, 4);
        assertEquals(0, unbounded.defectsOfLastCall());
        double[] tight = bounded.upsample(input, 4);
        assertEquals(4 * input.length, tight.length);
        assertTrue(bounded.defectsOfLastCall() > 0, "defects are counted");
        double[] limit = spacings(input);
        var index = io.flowkit.datasets.spatial.NearestNeighbors.of(input);
        int beyondLoose = 0;
        for (int i = 0; i < tight.length / 3; i++) {
            int near = index.nearest(tight[3 * i], tight[3 * i + 1], tight[3 * i + 2]);
            double d = index.nearestDistance(tight[3 * i], tight[3 * i + 1], tight[3 * i + 2]);
            assertTrue(d <= Upsampler.DEFAULT_MAX_OFFSET * limit[near] * (1 + 1e-9), "point " + i + " is " + d
                    / limit[near] + " spacings off");
            int nearLoose = index.nearest(loose[3 * i], loose[3 * i + 1], loose[3 * i + 2]);
            if (index.nearestDistance(loose[3 * i], loose[3 * i + 1], loose[3 * i + 2])
                    > Upsampler.DEFAULT_MAX_OFFSET * limit[nearLoose]) {
                beyondLoose++;
            }
        }
        assertTrue(beyondLoose > 0, "without the bound some points are farther");
    }

    /** Each input point's mean distance to its 3 nearest other input points. */
    private static double[] spacings(double[] xyz) {
        int n = xyz.length / 3;
        int[] knn = io.flowkit.datasets.spatial.NearestNeighbors.of(xyz).kNearest(xyz, 4);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int a = 1; a < 4; a++) {
                int j = knn[4 * i + a];
                out[i] += Math.sqrt(Math.pow(xyz[3 * i] - xyz[3 * j], 2) + Math.pow(xyz[3 * i + 1] - xyz[3 * j + 1], 2)
                        + Math.pow(xyz[3 * i + 2] - xyz[3 * j + 2], 2)) / 3;
            }
        }
        return out;
    }

    @Test
    void theFlowRunsThroughAnyEngineSolverAndGrid() {
        double[] euler = Upsampler.builder().setModel(model).optSteps(2).optSchedule(Upsampler.Schedule.UNIFORM)
                .build().upsample(input, 4);
        Upsampler rk4 = Upsampler.builder().setModel(model).optSolver(io.flowkit.flow.solve.OdeSolver.rk4())
                .optTimeGrid(io.flowkit.flow.grid.TimeGrid.of(0, 0.3, 1)).build();
        double[] other = rk4.upsample(input, 4);
        assertEquals(euler.length, other.length);
        assertFalse(Arrays.equals(euler, other));
        assertTrue(rk4.describe().contains("steps of rk4"), rk4.describe());
        assertEquals(io.flowkit.flow.grid.TimeGrid.of(0, 0.3, 1), rk4.timeGrid());
    }
}
