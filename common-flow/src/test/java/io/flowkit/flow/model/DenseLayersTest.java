package io.flowkit.flow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.flowkit.flow.engine.FlowEngine;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseLayersTest {

    /** x Wᵀ + b by loops in double precision. */
    private static double[] naive(float[] x, float[] w, float[] b, int rows, int in, int out) {
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double s = b == null ? 0 : b[o];
                for (int i = 0; i < in; i++) {
                    s += (double) x[r * in + i] * w[o * in + i];
                }
                y[r * out + o] = s;
            }
        }
        return y;
    }

    private static float[] gaussian(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    private static void assertClose(double[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * (1 + Math.abs(expected[i])), "element " + i);
        }
    }

    @Test
    void matchesLoopsOnTheConvolutionPathAndOffIt() {
        FlowEngine.get();
        Random random = new Random(7);
        // below the convolution path, on it with rows a multiple of 16 and rows that need padding to
        // 16 groups; 80 and 512 outputs: widths for which libtorch 2.7.1's convolution is wrong on
        // AMD EPYC (Zen 5), so that the check must send them to Linear
        int[][] cases = {{40, 32, 24}, {777, 20, 17}, {1024, 48, 40}, {1100, 128, 128}, {1024, 256, 80}, {2048, 64, 512},
            {1024, 256, 256}};
        try (NDManager manager = FlowEngine.newManager()) {
            for (int[] c : cases) {
                int rows = c[0];
                int in = c[1];
                int out = c[2];
                float[] x = gaussian(random, rows * in);
                float[] w = gaussian(random, out * in);
                float[] b = gaussian(random, out);
                float[] y = DenseLayers.linear(manager.create(x, new Shape(rows, in)), manager.create(w, new Shape(out, in)),
                        manager.create(b)).toFloatArray();
                assertClose(naive(x, w, b, rows, in, out), y, 1e-4);
                float[] again = DenseLayers.linear(manager.create(x, new Shape(rows, in)), manager.create(w, new Shape(out, in)),
                        manager.create(b)).toFloatArray();
                assertArrayEquals(y, again, "the first call (checked against Linear) and a later one differ");
                boolean onPath = rows >= DenseLayers.MIN_ROWS && Math.min(in, out) >= DenseLayers.MIN_FEATURES
                        && (long) rows * in * out >= DenseLayers.MIN_WORK;
                assertEquals(onPath, DenseLayers.verdict(rows, in, out) != null, "checked " + rows + " x " + in + " -> " + out);
                float[] noBias = DenseLayers.linear(manager.create(x, new Shape(rows, in)), manager.create(w, new Shape(out, in)),
                        null).toFloatArray();
                assertClose(naive(x, w, null, rows, in, out), noBias, 1e-4);
            }
        }
    }

    @Test
    void theSystemPropertyTurnsTheConvolutionOff() {
        FlowEngine.get();
        Random random = new Random(11);
        float[] x = gaussian(random, 1024 * 256);
        float[] w = gaussian(random, 256 * 256);
        try (NDManager manager = FlowEngine.newManager()) {
            NDArray input = manager.create(x, new Shape(1024, 256));
            float[] linear = input.getNDArrayInternal().linear(input, manager.create(w, new Shape(256, 256)), null).head()
                    .toFloatArray();
            System.setProperty(DenseLayers.PROPERTY, "false");
            try {
                float[] off = DenseLayers.linear(input, manager.create(w, new Shape(256, 256)), null).toFloatArray();
                assertArrayEquals(linear, off, "with the convolution off the result is Linear's, bit for bit");
            } finally {
                System.clearProperty(DenseLayers.PROPERTY);
            }
        }
    }

    @Test
    void leavesNothingInTheWeightsManager() {
        FlowEngine.get();
        Random random = new Random(12);
        try (NDManager model = FlowEngine.newManager()) {
            NDArray w = model.create(gaussian(random, 256 * 256), new Shape(256, 256));
            NDArray b = model.create(gaussian(random, 256));
            int before = model.getManagedArrays().size();
            for (int step = 0; step < 3; step++) {
                try (NDManager scope = model.newSubManager()) {
                    DenseLayers.linear(scope.create(gaussian(random, 1100 * 256), new Shape(1100, 256)), w, b).toFloatArray();
                }
            }
            assertEquals(before, model.getManagedArrays().size(), "arrays left in the weights' manager");
        }
    }

    @Test
    void keepsTheLeadingAxes() {
        FlowEngine.get();
        Random random = new Random(8);
        try (NDManager manager = FlowEngine.newManager()) {
            float[] x = gaussian(random, 4 * 300 * 128);
            float[] w = gaussian(random, 128 * 128);
            NDArray y = DenseLayers.linear(manager.create(x, new Shape(4, 300, 128)), manager.create(w, new Shape(128, 128)), null);
            assertEquals(new Shape(4, 300, 128), y.getShape());
            assertClose(naive(x, w, null, 1200, 128, 128), y.toFloatArray(), 1e-4);
            assertTrue(DenseLayers.verdict(1200, 128, 128) != null, "checked: on the convolution path");
        }
    }

    @Test
    void gradientsEqualThoseOfTheLinearOperator() {
        FlowEngine.get();
        Random random = new Random(9);
        int rows = 1000;
        int in = 32;
        int out = 48;
        float[] x = gaussian(random, rows * in);
        float[] w = gaussian(random, out * in);
        float[] b = gaussian(random, out);
        float[] target = gaussian(random, rows * out);
        float[][] viaDense = gradients(x, w, b, target, rows, in, out, true);
        float[][] viaLinear = gradients(x, w, b, target, rows, in, out, false);
        for (int k = 0; k < 3; k++) {
            double scale = 0;
            for (float g : viaLinear[k]) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertTrue(scale > 0, "gradient " + k + " is zero");
            float[] expected = viaLinear[k];
            float[] actual = viaDense[k];
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-4 * scale, "gradient " + k + ", element " + i);
            }
        }
    }

    /** Gradients of the squared error with respect to x, W and b. */
    private static float[][] gradients(float[] x, float[] w, float[] b, float[] target, int rows, int in, int out, boolean dense) {
        try (NDManager manager = FlowEngine.newManager()) {
            NDArray xa = manager.create(x, new Shape(rows, in));
            NDArray wa = manager.create(w, new Shape(out, in));
            NDArray ba = manager.create(b);
            for (NDArray a : new NDArray[] {xa, wa, ba}) {
                a.setRequiresGradient(true);
            }
            try (GradientCollector collector = FlowEngine.get().newGradientCollector()) {
                NDArray y = dense ? DenseLayers.linear(xa, wa, ba) : xa.getNDArrayInternal().linear(xa, wa, ba).head();
                collector.backward(y.sub(manager.create(target, new Shape(rows, out))).square().mean());
            }
            return new float[][] {xa.getGradient().toFloatArray(), wa.getGradient().toFloatArray(),
                ba.getGradient().toFloatArray()};
        }
    }

    @Test
    void anMlpGivesTheSameOutputAsItsLinearBlocks() {
        FlowEngine.get();
        try (NDManager manager = FlowEngine.newManager()) {
            MlpBlock block = MlpBlock.builder().setStateSize(2).optHidden(128, 128).build();
            SeededInitializer.initialize(block, manager, 3, new Shape(1, 2), new Shape(1));
            float[] x = gaussian(new Random(10), 2 * 2048);
            float[] viaBlock = BlockVelocityField.of(block).forward(manager.create(x, new Shape(2048, 2)),
                    manager.full(new Shape(2048), 0.3f), new ai.djl.ndarray.NDList(), false).head().toFloatArray();
            // The same network applied one row at a time, where every layer takes Linear's own path.
            for (int r = 0; r < 2048; r += 256) {
                float[] part = BlockVelocityField.of(block).forward(manager.create(java.util.Arrays.copyOfRange(x, 2 * r, 2 * r + 2),
                        new Shape(1, 2)), manager.full(new Shape(1), 0.3f), new ai.djl.ndarray.NDList(), false).head().toFloatArray();
                assertArrayEquals(part, java.util.Arrays.copyOfRange(viaBlock, 2 * r, 2 * r + 2), 1e-4f, "row " + r);
            }
        }
    }
}
