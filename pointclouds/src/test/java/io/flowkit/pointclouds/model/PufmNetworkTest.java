package io.flowkit.pointclouds.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.random.SeededRandom;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PufmNetworkTest {

    private static final PufmConfig SMALL = PufmConfig.defaults().withSize(16, 1).withPatchSize(16);

    private static double[] cloud(int n, long seed) {
        SeededRandom r = SeededRandom.of(seed);
        double[] xyz = new double[3 * n];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = r.nextGaussian() * 0.3;
        }
        return xyz;
    }

    private static float[] velocity(PufmModel model, double[] x, double[] interpolated, long[] neighbours, float t) {
        int n = x.length / 3;
        float[] xf = new float[x.length];
        float[] cf = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
            cf[i] = (float) interpolated[i];
        }
        try (NDManager scope = model.manager().newSubManager()) {
            Shape shape = new Shape(1, n, 3);
            NDArray v = model.field().velocity(scope.create(xf, shape), scope.full(new Shape(1), t),
                    new NDList(scope.create(cf, shape), scope.create(neighbours,
                            new Shape(1, n, model.config().neighbours()))), false);
            assertEquals(shape, v.getShape());
            return v.toFloatArray();
        }
    }

    @Test
    void permutingThePointsPermutesTheVelocities() {
        try (PufmModel model = PufmModel.create(SMALL, 1, Device.cpu())) {
            int n = SMALL.densePoints();
            double[] interpolated = cloud(n, 2);
            double[] x = interpolated.clone();
            double[] noise = cloud(n, 3);
            for (int i = 0; i < x.length; i++) {
                x[i] += 0.05 * noise[i];
            }
            long[] neighbours = PatchNeighbours.of(interpolated, SMALL.neighbours());
            float[] v = velocity(model, x, interpolated, neighbours, 0.3f);
            int[] perm = SeededRandom.of(4).permutation(n);
            int[] inverse = new int[n];
            for (int i = 0; i < n; i++) {
                inverse[perm[i]] = i;
            }
            double[] px = new double[x.length];
            double[] pc = new double[x.length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, 3 * perm[i], px, 3 * i, 3);
                System.arraycopy(interpolated, 3 * perm[i], pc, 3 * i, 3);
            }
            int k = SMALL.neighbours();
            long[] pn = new long[neighbours.length];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    pn[i * k + j] = inverse[(int) neighbours[perm[i] * k + j]];
                }
            }
            float[] pv = velocity(model, px, pc, pn, 0.3f);
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 3; a++) {
                    assertEquals(v[3 * perm[i] + a], pv[3 * i + a], 1e-5, "point " + i);
                }
            }
            // The time matters.
            float[] later = velocity(model, x, interpolated, neighbours, 0.9f);
            assertTrue(java.util.stream.IntStream.range(0, v.length).anyMatch(i -> Math.abs(v[i] - later[i]) > 1e-4));
        }
    }

    @Test
    void badInputShapesAreNamed() {
        try (PufmModel model = PufmModel.create(SMALL, 1, Device.cpu()); NDManager scope = model.manager().newSubManager()) {
            int n = SMALL.densePoints();
            NDArray x = scope.zeros(new Shape(1, n, 3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.field().velocity(x,
                    scope.zeros(new Shape(1)), new NDList(scope.zeros(new Shape(1, n, 3)),
                            scope.zeros(new Shape(1, n, 2), ai.djl.ndarray.types.DataType.INT64)), false));
            assertTrue(e.getMessage().contains("neighbours"), e.getMessage());
        }
    }

    @Test
    void aSavedModelLoadsWithItsWeightsAndSchedule(@TempDir Path dir) throws Exception {
        try (PufmModel model = PufmModel.create(SMALL, 5, Device.cpu())) {
            PufmModel scheduled = model.withSchedule(io.flowkit.flow.time.PiecewiseLinearCdf.of(
                    new double[] {0, 0.5, 1}, new double[] {3, 1, 1}));
            scheduled.save(dir, null);
            try (PufmModel loaded = PufmModel.load(dir, Device.cpu())) {
                assertEquals(SMALL, loaded.config());
                assertArrayEquals(scheduled.schedule().orElseThrow().density(), loaded.schedule().orElseThrow().density(),
                        1e-12);
                int n = SMALL.densePoints();
                double[] c = cloud(n, 8);
                long[] nb = PatchNeighbours.of(c, SMALL.neighbours());
                assertArrayEquals(velocity(model, c, c, nb, 0.5f), velocity(loaded, c, c, nb, 0.5f), 1e-6f);
            }
        }
        assertThrows(java.io.IOException.class, () -> PufmModel.load(dir.resolve("missing"), Device.cpu()));
    }

    @Test
    void neighboursAreTheNearestOtherPoints() {
        double[] c = cloud(40, 9);
        long[] nb = PatchNeighbours.of(c, 5);
        for (int i = 0; i < 40; i++) {
            double[] d = new double[40];
            for (int j = 0; j < 40; j++) {
                double s = 0;
                for (int a = 0; a < 3; a++) {
                    s += Math.pow(c[3 * i + a] - c[3 * j + a], 2);
                }
                d[j] = j == i ? Double.POSITIVE_INFINITY : s;
            }
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            for (int j = 0; j < 5; j++) {
                assertEquals(sorted[j], d[(int) nb[i * 5 + j]], 1e-12, "point " + i + " neighbour " + j);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PatchNeighbours.of(cloud(3, 1), 5));
    }
}
