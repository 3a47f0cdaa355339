package io.flowkit.assembly.model;

import static io.flowkit.flow.model.Layers.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.flowkit.flow.model.AttentionBlocks;
import io.flowkit.flow.model.AttentionBlocks.PreNormMlp;
import io.flowkit.flow.model.TimeFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * The velocity network of the assembly flow, after Rectified Point Flow (Sun et al. 2025): inputs
 * {@code [x_t (B, N, 3), t (B), input (B, N, 3), parts (B, N, K) one-hot, anchor (B, N, 1), normals (B, N, 3)]},
 * outputs {@code [velocity (B, N, 3), features (B, N, d)]}.
 *
 * <p>Each point sees its noisy assembled position {@code x_t}, its position in the part's input
 * pose, that position relative to the part's centroid, whether it belongs to the anchor and (when the
 * configuration says so) its surface normal in the input pose; a
 * mean over its part is added back so that every point knows its part's shape. A transformer then
 * alternates attention within each part (masked to the part) and across all points, with Fourier
 * time features added to the points. RPF's point encoder (a pretrained Point Transformer V3) and
 * its large diffusion transformer are replaced by these few layers for a 2-core CPU. The velocity
 * of anchor points is zero (the anchor is held at its pose). The second output is the features
 * after the first block pair, passed through a small projection head when the configuration has
 * one: what representation alignment (TORA) compares with a frozen teacher's features.
 */
public final class PointFlowNetwork extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float MASKED = -1e4f;

    private final AssemblyConfig config;
    private final TimeFeatures timeFeatures;
    private final Linear time1;
    private final Linear time2;
    private final Linear input;
    private final Linear partContext;
    private final List<Attention> within = new ArrayList<>();
    private final List<PreNormMlp> withinMlp = new ArrayList<>();
    private final List<Attention> across = new ArrayList<>();
    private final List<PreNormMlp> acrossMlp = new ArrayList<>();
    private final LayerNorm outputNorm;
    private final Linear output;
    private final Linear align1;
    private final Linear align2;

    /** Multi-head attention with pre-normalisation. */
    private record Attention(LayerNorm norm, Linear qkv, Linear out) {}

    /**
     * A network for a configuration (not yet initialised).
     *
     * @param config the architecture
     */
    public PointFlowNetwork(AssemblyConfig config) {
        super(VERSION);
        this.config = config;
        int d = config.width();
        this.timeFeatures = TimeFeatures.fourier(config.timeFrequencies(), 16);
        this.time1 = addChildBlock("time1", Linear.builder().setUnits(d).build());
        this.time2 = addChildBlock("time2", Linear.builder().setUnits(d).build());
        this.input = addChildBlock("input", Linear.builder().setUnits(d).build());
        this.partContext = addChildBlock("part_context", Linear.builder().setUnits(d).build());
        for (int b = 0; b < config.blocks(); b++) {
            within.add(attention("within" + b));
            withinMlp.add(PreNormMlp.of("within_mlp" + b, d, this::addChildBlock));
            across.add(attention("across" + b));
            acrossMlp.add(PreNormMlp.of("across_mlp" + b, d, this::addChildBlock));
        }
        this.outputNorm = addChildBlock("output_norm", LayerNorm.builder().axis(2).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(3).build());
        if (config.alignWidth() > 0) {
            this.align1 = addChildBlock("align1", Linear.builder().setUnits(config.alignWidth()).build());
            this.align2 = addChildBlock("align2", Linear.builder().setUnits(config.alignWidth()).build());
        } else {
            this.align1 = null;
            this.align2 = null;
        }
    }

    private Attention attention(String name) {
        int d = config.width();
        return new Attention(addChildBlock(name + "_norm", LayerNorm.builder().axis(2).build()),
                addChildBlock(name + "_qkv", Linear.builder().setUnits(3L * d).optBias(false).build()),
                addChildBlock(name + "_out", Linear.builder().setUnits(d).build()));
    }

    /** @return the configuration */
    public AssemblyConfig config() {
        return config;
    }

    /**
     * Input shapes for initialisation.
     *
     * @param config the architecture
     * @return shapes of the six inputs for one object of 4 points
     */
    public static Shape[] inputShapes(AssemblyConfig config) {
        return new Shape[] {new Shape(1, 4, 3), new Shape(1), new Shape(1, 4, 3), new Shape(1, 4, config.maxParts()),
            new Shape(1, 4, 1), new Shape(1, 4, 3)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 6) {
            throw new IllegalArgumentException("assembly network expects [x_t, t, input, parts, anchor, normals], got "
                    + inputs.size() + " inputs");
        }
        NDArray x = inputs.get(0);
        NDArray t = inputs.get(1);
        NDArray in = inputs.get(2);
        NDArray parts = inputs.get(3);
        NDArray anchor = inputs.get(4);
        long b = x.getShape().get(0);
        long n = x.getShape().get(1);
        // Part sizes and centroids through the one-hot membership (B, N, K).
        NDArray partsT = parts.transpose(0, 2, 1);
        NDArray counts = partsT.sum(new int[] {2}, true).maximum(1f);
        NDArray centroids = partsT.matMul(in).div(counts);
        NDArray relative = in.sub(parts.matMul(centroids));
        NDArray time = apply(time2, ps, Activation.gelu(apply(time1, ps, timeFeatures.apply(t), training)), training);
        NDList features0 = new NDList(x, in, relative, anchor);
        if (config.normals()) {
            features0.add(inputs.get(5));
        }
        NDArray h = apply(input, ps, NDArrays.concat(features0, 2), training)
                .add(time.expandDims(1));
        NDArray pooled = parts.matMul(partsT.matMul(h).div(counts));
        h = h.add(apply(partContext, ps, Activation.gelu(pooled), training));
        NDArray same = parts.matMul(partsT);
        NDArray withinBias = same.sub(1f).mul(-MASKED).reshape(b, 1, n, n);
        NDArray features = null;
        for (int k = 0; k < config.blocks(); k++) {
            h = h.add(attend(within.get(k), ps, h, withinBias, training));
            h = h.add(withinMlp.get(k).forward(ps, h, training));
            h = h.add(attend(across.get(k), ps, h, null, training));
            h = h.add(acrossMlp.get(k).forward(ps, h, training));
            if (k == 0) {
                features = h;
            }
        }
        NDArray v = apply(output, ps, apply(outputNorm, ps, h, training), training)
                .mul(anchor.mul(-1f).add(1f));
        if (align1 != null) {
            features = apply(align2, ps, Activation.gelu(apply(align1, ps, features, training)), training);
        }
        return new NDList(v, features);
    }

    private NDArray attend(Attention a, ParameterStore ps, NDArray x, NDArray bias, boolean training) {
        NDArray qkv = apply(a.qkv(), ps, apply(a.norm(), ps, x, training), training);
        NDList split = qkv.split(3, 2);
        NDArray out = AttentionBlocks.scaledDotProduct(split.get(0), split.get(1), split.get(2), config.heads(), bias);
        return apply(a.out(), ps, out, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int d = config.width();
        Shape points = new Shape(1, 4, d);
        time1.initialize(manager, dataType, new Shape(1, timeFeatures.size()));
        time2.initialize(manager, dataType, new Shape(1, d));
        input.initialize(manager, dataType, new Shape(1, 4, config.normals() ? 13 : 10));
        partContext.initialize(manager, dataType, points);
        for (int k = 0; k < config.blocks(); k++) {
            for (Attention a : List.of(within.get(k), across.get(k))) {
                a.norm().initialize(manager, dataType, points);
                a.qkv().initialize(manager, dataType, points);
                a.out().initialize(manager, dataType, points);
            }
            for (PreNormMlp m : List.of(withinMlp.get(k), acrossMlp.get(k))) {
                m.initialize(manager, dataType, points);
            }
        }
        outputNorm.initialize(manager, dataType, points);
        output.initialize(manager, dataType, points);
        if (align1 != null) {
            align1.initialize(manager, dataType, points);
            align2.initialize(manager, dataType, new Shape(1, 4, config.alignWidth()));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        int f = config.alignWidth() > 0 ? config.alignWidth() : config.width();
        return new Shape[] {inputShapes[0], new Shape(inputShapes[0].get(0), inputShapes[0].get(1), f)};
    }
}
