package io.flowkit.flow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.flowkit.flow.engine.FlowEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttentionBlocksTest {

    /** softmax(q_h k_hᵀ / √d_h + bias) v_h per head, by loops. */
    private static double[] naive(float[] q, float[] k, float[] v, int nq, int nk, int d, int heads, float[] bias) {
        int dh = d / heads;
        double[] out = new double[nq * d];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < nq; i++) {
                double[] s = new double[nk];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < nk; j++) {
                    double dot = 0;
                    for (int c = 0; c < dh; c++) {
                        dot += q[i * d + h * dh + c] * k[j * d + h * dh + c];
                    }
                    s[j] = dot / Math.sqrt(dh) + (bias == null ? 0 : bias[(h * nq + i) * nk + j]);
                    max = Math.max(max, s[j]);
                }
                double z = 0;
                for (int j = 0; j < nk; j++) {
                    s[j] = Math.exp(s[j] - max);
                    z += s[j];
                }
                for (int j = 0; j < nk; j++) {
                    for (int c = 0; c < dh; c++) {
                        out[i * d + h * dh + c] += s[j] / z * v[j * d + h * dh + c];
                    }
                }
            }
        }
        return out;
    }

    private static float[] gaussian(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void multiHeadAttentionMatchesLoops() {
        Random random = new Random(4);
        int nq = 5;
        int nk = 7;
        int d = 8;
        int heads = 2;
        float[] q = gaussian(random, nq * d);
        float[] k = gaussian(random, nk * d);
        float[] v = gaussian(random, nk * d);
        float[] bias = gaussian(random, heads * nq * nk);
        try (NDManager m = FlowEngine.newManager()) {
            for (float[] b : new float[][] {null, bias}) {
                NDArray out = AttentionBlocks.scaledDotProduct(m.create(q, new Shape(1, nq, d)), m.create(k, new Shape(1, nk, d)),
                        m.create(v, new Shape(1, nk, d)), heads, b == null ? null : m.create(b, new Shape(1, heads, nq, nk)));
                assertEquals(new Shape(1, nq, d), out.getShape());
                float[] got = out.toFloatArray();
                double[] expected = naive(q, k, v, nq, nk, d, heads, b);
                for (int i = 0; i < got.length; i++) {
                    assertEquals(expected[i], got[i], 1e-5, "entry " + i + (b == null ? "" : " with bias"));
                }
            }
        }
    }

    @Test
    void chunkedAttentionMatchesTheWholeComputation() {
        Random random = new Random(5);
        int b = 3;
        int nq = 5;
        int nk = 7;
        int d = 8;
        int heads = 2;
        try (NDManager m = FlowEngine.newManager()) {
            NDArray q = m.create(gaussian(random, b * nq * d), new Shape(b, nq, d));
            NDArray k = m.create(gaussian(random, b * nk * d), new Shape(b, nk, d));
            NDArray v = m.create(gaussian(random, b * nk * d), new Shape(b, nk, d));
            NDArray[] biases = {null, m.create(gaussian(random, b * nq * nk), new Shape(b, 1, nq, nk)),
                m.create(gaussian(random, heads * nq * nk), new Shape(1, heads, nq, nk))};
            // One sample's scores take heads * nq * nk * 4 = 280 bytes: 600 gives chunks of 2 samples,
            // 200 chunks of 1 query, 1 chunks of 1 query too (never less).
            for (NDArray bias : biases) {
                float[] whole = AttentionBlocks.scaledDotProduct(q, k, v, heads, bias, Long.MAX_VALUE).toFloatArray();
                for (long limit : new long[] {600, 200, 1}) {
                    NDArray out = AttentionBlocks.scaledDotProduct(q, k, v, heads, bias, limit);
                    assertEquals(new Shape(b, nq, d), out.getShape());
                    float[] got = out.toFloatArray();
                    for (int i = 0; i < got.length; i++) {
                        assertEquals(whole[i], got[i], 1e-6, "entry " + i + ", limit " + limit
                                + (bias == null ? "" : ", bias " + bias.getShape()));
                    }
                }
            }
            // The per-sample check against loops, through the chunked path (the second sample).
            float[] got = AttentionBlocks.scaledDotProduct(q, k, v, heads, null, 1).get("1").toFloatArray();
            double[] expected = naive(q.get("1").toFloatArray(), k.get("1").toFloatArray(), v.get("1").toFloatArray(),
                    nq, nk, d, heads, null);
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected[i], got[i], 1e-5, "entry " + i + " of sample 1");
            }
        }
    }

    @Test
    void theMlpRegistersItsLayersUnderTheNamesModelFilesUse() {
        List<String> names = new ArrayList<>();
        AttentionBlocks.PreNormMlp mlp = AttentionBlocks.PreNormMlp.of("block0_mlp", 8, (name, block) -> {
            names.add(name);
            return block;
        });
        assertEquals(List.of("block0_mlp_norm", "block0_mlp_hidden", "block0_mlp_out"), names);
        try (NDManager m = FlowEngine.newManager()) {
            mlp.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 3, 8));
            NDArray y = mlp.forward(new ai.djl.training.ParameterStore(m, false), m.randomNormal(new Shape(2, 3, 8)), false);
            assertEquals(new Shape(2, 3, 8), y.getShape());
            assertTrue(Float.isFinite(y.sum().getFloat()));
            Block unused = mlp.hidden();
            assertEquals(16, unused.getOutputShapes(new Shape[] {new Shape(1, 3, 8)})[0].get(2));
        }
    }
}
