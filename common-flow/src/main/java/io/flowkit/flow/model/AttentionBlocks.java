package io.flowkit.flow.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import java.util.function.BiFunction;

/**
 * The transformer pieces the point networks share (the assembly point flow and PUFM++): multi-head
 * scaled dot-product attention (Vaswani et al. 2017) on projected queries, keys and values, and the
 * pre-norm MLP (layer norm, a linear layer to twice the width, GELU, back to the width).
 */
public final class AttentionBlocks {

    private AttentionBlocks() {}

    /**
     * The largest score tensor {@code (samples, heads, queries, keys)} computed in one piece, in
     * bytes. glibc serves a block of 32 MiB or more with a fresh mapping whose pages fault in one by
     * one (its mmap threshold cannot be raised above 32 MiB); larger score tensors are computed in
     * chunks of samples, then of queries, which keeps every block below that size.
     */
    public static final long MAX_SCORE_BYTES = 24L << 20;

    /**
     * Multi-head attention {@code softmax(q kᵀ / √d_h + bias) v}, heads split from the width; score
     * tensors above {@link #MAX_SCORE_BYTES} are computed in chunks (same values).
     *
     * @param q projected queries {@code (b, nq, d)}
     * @param k projected keys {@code (b, nk, d)}
     * @param v projected values {@code (b, nk, d)}
     * @param heads the number of heads, dividing d
     * @param bias an additive bias broadcast to {@code (b, heads, nq, nk)}, or null
     * @return the attended values {@code (b, nq, d)}, heads concatenated
     */
    public static NDArray scaledDotProduct(NDArray q, NDArray k, NDArray v, int heads, NDArray bias) {
        return scaledDotProduct(q, k, v, heads, bias, MAX_SCORE_BYTES);
    }

    /**
     * {@link #scaledDotProduct(NDArray, NDArray, NDArray, int, NDArray)} with a given chunk limit.
     *
     * @param q projected queries {@code (b, nq, d)}
     * @param k projected keys {@code (b, nk, d)}
     * @param v projected values {@code (b, nk, d)}
     * @param heads the number of heads, dividing d
     * @param bias an additive bias broadcast to {@code (b, heads, nq, nk)}, or null
     * @param maxScoreBytes the largest score tensor computed in one piece, in bytes
     * @return the attended values {@code (b, nq, d)}
     */
    static NDArray scaledDotProduct(NDArray q, NDArray k, NDArray v, int heads, NDArray bias, long maxScoreBytes) {
        long b = q.getShape().get(0);
        long nq = q.getShape().get(1);
        long nk = k.getShape().get(1);
        long perQuery = heads * nk * (long) q.getDataType().getNumOfBytes();
        long perSample = perQuery * nq;
        if (perSample * b <= maxScoreBytes) {
            return whole(q, k, v, heads, bias);
        }
        NDList pieces = new NDList();
        if (perSample <= maxScoreBytes) {
            long samples = maxScoreBytes / perSample;
            for (long s = 0; s < b; s += samples) {
                String rows = s + ":" + Math.min(b, s + samples);
                pieces.add(whole(q.get(rows), k.get(rows), v.get(rows), heads, slice(bias, 0, rows)));
            }
            return NDArrays.concat(pieces, 0);
        }
        long queries = Math.max(1, maxScoreBytes / perQuery);
        for (long s = 0; s < b; s++) {
            String sample = s + ":" + (s + 1);
            NDArray qs = q.get(sample);
            NDArray ks = k.get(sample);
            NDArray vs = v.get(sample);
            NDArray biasSample = slice(bias, 0, sample);
            NDList rows = new NDList();
            for (long i = 0; i < nq; i += queries) {
                String range = ":, " + i + ":" + Math.min(nq, i + queries);
                rows.add(whole(qs.get(range), ks, vs, heads, slice(biasSample, 2, ":, :, " + i + ":"
                        + Math.min(nq, i + queries))));
            }
            pieces.add(NDArrays.concat(rows, 1));
        }
        return NDArrays.concat(pieces, 0);
    }

    /** The part of a broadcast bias on an axis, or the bias itself where it has size 1 there. */
    private static NDArray slice(NDArray bias, int axis, String index) {
        return bias == null || bias.getShape().get(axis) == 1 ? bias : bias.get(index);
    }

    private static NDArray whole(NDArray q, NDArray k, NDArray v, int heads, NDArray bias) {
        long b = q.getShape().get(0);
        long nq = q.getShape().get(1);
        long nk = k.getShape().get(1);
        long d = q.getShape().get(2);
        long dh = d / heads;
        NDArray qh = q.reshape(b, nq, heads, dh).transpose(0, 2, 1, 3);
        NDArray kh = k.reshape(b, nk, heads, dh).transpose(0, 2, 3, 1);
        NDArray vh = v.reshape(b, nk, heads, dh).transpose(0, 2, 1, 3);
        NDArray scores = qh.matMul(kh).mul((float) (1 / Math.sqrt(dh)));
        if (bias != null) {
            scores = scores.add(bias);
        }
        return scores.softmax(3).matMul(vh).transpose(0, 2, 1, 3).reshape(b, nq, d);
    }

    /**
     * The pre-norm MLP of a transformer block: {@code out(GELU(hidden(norm(x))))}.
     *
     * @param norm the layer norm over the feature axis
     * @param hidden the linear layer to twice the width
     * @param out the linear layer back to the width
     */
    public record PreNormMlp(LayerNorm norm, Linear hidden, Linear out) {

        /**
         * Makes the layers and registers them as child blocks named {@code NAME_norm},
         * {@code NAME_hidden} and {@code NAME_out}.
         *
         * @param name the prefix of the child names
         * @param width the feature width d
         * @param addChild registers a child block (an {@code AbstractBlock}'s {@code addChildBlock})
         * @return the MLP
         */
        public static PreNormMlp of(String name, int width, BiFunction<String, Block, Block> addChild) {
            return new PreNormMlp((LayerNorm) addChild.apply(name + "_norm", LayerNorm.builder().axis(2).build()),
                    (Linear) addChild.apply(name + "_hidden", Linear.builder().setUnits(2L * width).build()),
                    (Linear) addChild.apply(name + "_out", Linear.builder().setUnits(width).build()));
        }

        /**
         * @param ps the parameter store
         * @param x features {@code (b, n, d)}
         * @param training whether in training mode
         * @return the MLP's output {@code (b, n, d)} (without the residual)
         */
        public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
            NDArray g = Activation.gelu(Layers.apply(hidden, ps, Layers.apply(norm, ps, x, training), training));
            return Layers.apply(out, ps, g, training);
        }

        /**
         * Initialises the layers for features of a given shape.
         *
         * @param manager the manager of the weights
         * @param type their data type
         * @param points an example features shape {@code (1, n, d)}
         */
        public void initialize(NDManager manager, DataType type, Shape points) {
            norm.initialize(manager, type, points);
            hidden.initialize(manager, type, points);
            out.initialize(manager, type, new Shape(points.get(0), points.get(1), 2 * points.get(2)));
        }
    }
}
