package io.flowkit.pointclouds.model;

import static io.flowkit.flow.model.Layers.apply;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
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
 * The PUFM++ velocity network over a batch of {@code B} patches of {@code M} dense points:
 * inputs {@code [x_t (B, M, 3), t (B), interpolated (B, M, 3), neighbours (B, M, k) int64]},
 * output the velocity {@code (B, M, 3)}.
 *
 * <p>PUFM++ (Liu et al. 2025, "PUFM++: Point Cloud Upsampling via Enhanced Flow Matching") uses a
 * recurrent interface network (RIN: Jabri, Fleet and Chen 2023, "Scalable Adaptive Computation for
 * Iterative Generation"): a few latent tokens read from the points by cross-attention, compute by
 * self-attention among themselves and write back to the points. This version keeps that structure
 * and sizes it for a 2-core CPU (32 latents, width 64, 2 blocks instead of the paper's larger
 * interface network), and adds in front a local edge layer (EdgeConv-like: Wang et al. 2019) over
 * each point's {@code k} nearest neighbours in the interpolated cloud, because the latents alone
 * carry little of the fine local spacing that upsampling must even out. Each point also sees its
 * interpolated position, so the flow is conditioned on where it started; the time enters through
 * Fourier features added to the point features and to the latents.
 */
public final class PufmNetwork extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float OUTPUT_SCALE = 0.1f;
    /**
     * Offsets from the interpolated position and between neighbours are a few hundredths of the
     * unit-sphere patch; they enter the network multiplied by this, so that they weigh as much as
     * the positions themselves (unscaled, the network did not learn to remove the start noise).
     */
    private static final float LOCAL_SCALE = 20f;

    private final PufmConfig config;
    private final TimeFeatures timeFeatures;
    private final Linear time1;
    private final Linear time2;
    private final Linear input;
    private final Linear edgeRelative;
    private final Linear edgeNeighbour;
    private final Linear edgeOut;
    private final LayerNorm pointNorm;
    private final Parameter latentInit;
    private final Linear latentTime;
    private final List<RinBlock> rin = new ArrayList<>();
    private final LayerNorm outputNorm;
    private final Linear output;

    /** The maps of one read-compute-write block. */
    private record RinBlock(Attention read, PreNormMlp readMlp, Attention compute, PreNormMlp computeMlp, Attention write,
            PreNormMlp writeMlp) {}

    /** Multi-head attention with pre-normalisation of queries and keys. */
    private record Attention(LayerNorm queryNorm, LayerNorm keyNorm, Linear query, Linear keyValue, Linear out) {}

    /**
     * A network for a configuration (not yet initialised).
     *
     * @param config the architecture
     */
    public PufmNetwork(PufmConfig config) {
        super(VERSION);
        this.config = config;
        int d = config.width();
        this.timeFeatures = TimeFeatures.fourier(config.timeFrequencies(), 16);
        this.time1 = addChildBlock("time1", Linear.builder().setUnits(d).build());
        this.time2 = addChildBlock("time2", Linear.builder().setUnits(d).build());
        this.input = addChildBlock("input", Linear.builder().setUnits(d).build());
        this.edgeRelative = addChildBlock("edge_relative", Linear.builder().setUnits(d).build());
        this.edgeNeighbour = addChildBlock("edge_neighbour", Linear.builder().setUnits(d).optBias(false).build());
        this.edgeOut = addChildBlock("edge_out", Linear.builder().setUnits(d).build());
        this.pointNorm = addChildBlock("point_norm", LayerNorm.builder().axis(2).build());
        this.latentInit = addParameter(Parameter.builder().setName("latents").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.latents(), d)).build());
        this.latentTime = addChildBlock("latent_time", Linear.builder().setUnits(d).build());
        for (int b = 0; b < config.blocks(); b++) {
            String p = "block" + b + "_";
            rin.add(new RinBlock(attention(p + "read"), mlp(p + "read_mlp"), attention(p + "compute"),
                    mlp(p + "compute_mlp"), attention(p + "write"), mlp(p + "write_mlp")));
        }
        this.outputNorm = addChildBlock("output_norm", LayerNorm.builder().axis(2).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(3).build());
    }

    private Attention attention(String name) {
        int d = config.width();
        return new Attention(addChildBlock(name + "_qnorm", LayerNorm.builder().axis(2).build()),
                addChildBlock(name + "_knorm", LayerNorm.builder().axis(2).build()),
                addChildBlock(name + "_q", Linear.builder().setUnits(d).optBias(false).build()),
                addChildBlock(name + "_kv", Linear.builder().setUnits(2L * d).optBias(false).build()),
                addChildBlock(name + "_out", Linear.builder().setUnits(d).build()));
    }

    private PreNormMlp mlp(String name) {
        return PreNormMlp.of(name, config.width(), this::addChildBlock);
    }

    /** @return the configuration */
    public PufmConfig config() {
        return config;
    }

    /**
     * The input shapes for initialisation.
     *
     * @param config the architecture
     * @return shapes of {@code [x_t, t, interpolated, neighbours]} for one patch of {@code 2k} points
     */
    public static Shape[] inputShapes(PufmConfig config) {
        int m = 2 * config.neighbours();
        return new Shape[] {new Shape(1, m, 3), new Shape(1), new Shape(1, m, 3), new Shape(1, m, config.neighbours())};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 4) {
            throw new IllegalArgumentException("PUFM network expects [x_t, t, interpolated, neighbours], got "
                    + inputs.size() + " inputs");
        }
        NDArray x = inputs.get(0);
        NDArray t = inputs.get(1);
        NDArray interpolated = inputs.get(2);
        NDArray neighbours = inputs.get(3);
        Shape shape = x.getShape();
        if (shape.dimension() != 3 || shape.get(2) != 3) {
            throw new IllegalArgumentException("x_t must have shape (B, M, 3): " + shape);
        }
        long b = shape.get(0);
        long m = shape.get(1);
        int k = config.neighbours();
        if (!interpolated.getShape().equals(shape) || !neighbours.getShape().equals(new Shape(b, m, k))) {
            throw new IllegalArgumentException("condition shapes " + interpolated.getShape() + ", " + neighbours.getShape()
                    + " do not fit x_t " + shape + " with " + k + " neighbours");
        }
        int d = config.width();
        NDManager manager = x.getManager();

        NDArray time = gelu(apply(time1, ps, timeFeatures.apply(t), training));
        time = apply(time2, ps, time, training);
        NDArray h = apply(input, ps, NDArrays.concat(new NDList(x, x.sub(interpolated).mul(LOCAL_SCALE), interpolated),
                2), training)
                .add(time.expandDims(1));
        h = gelu(h);

        // Local edges: k neighbours (fixed by the interpolated cloud) of each point, max-pooled.
        NDArray offsets = manager.arange(0L, b * m, m, DataType.INT64).reshape(b, 1, 1);
        NDArray flat = neighbours.toType(DataType.INT64, false).add(offsets).reshape(-1);
        // The edge map is affine, A(s·(x_j − x_i)) + N h_j = (A(s·x) + N h)_j − (A(s·x) − c)_i with c its
        // bias: it runs once per point instead of once per edge, and one gather serves both terms
        // (the same function and weights as mapping every edge's offset).
        NDArray u = apply(edgeRelative, ps, x.mul(LOCAL_SCALE), training);
        NDArray bias = ps.getValue(edgeRelative.getParameters().get("bias"), x.getDevice(), training);
        NDArray gathered = u.add(apply(edgeNeighbour, ps, h, training)).reshape(b * m, d)
                .get(new NDIndex("{}", flat)).reshape(b, m, k, d);
        NDArray edges = gelu(gathered.sub(u.sub(bias).expandDims(2)));
        h = h.add(apply(edgeOut, ps, edges.max(new int[] {2}), training));
        // Normalised before the attention blocks: the scaled local offsets otherwise let the point
        // features, and the gradients, grow until training diverges.
        h = apply(pointNorm, ps, h, training);

        // The time term comes first so that z (and all that follows from it) lives in the step's
        // manager, not in the parameter's.
        NDArray z = apply(latentTime, ps, time, training).expandDims(1)
                .add(ps.getValue(latentInit, x.getDevice(), training));
        for (RinBlock block : rin) {
            z = z.add(attend(block.read(), ps, z, h, training));
            z = z.add(block.readMlp().forward(ps, z, training));
            z = z.add(attend(block.compute(), ps, z, z, training));
            z = z.add(block.computeMlp().forward(ps, z, training));
            h = h.add(attend(block.write(), ps, h, z, training));
            h = h.add(block.writeMlp().forward(ps, h, training));
        }
        // Displacements in the unit-sphere patch frame are a few hundredths: a fixed output scale
        // starts the untrained field near zero instead of near 1.
        NDArray v = apply(output, ps, apply(outputNorm, ps, h, training), training)
                .mul(OUTPUT_SCALE);
        return new NDList(v);
    }

    private NDArray attend(Attention a, ParameterStore ps, NDArray queries, NDArray keys, boolean training) {
        NDArray q = apply(a.query(), ps, apply(a.queryNorm(), ps, queries, training), training);
        NDArray kv = apply(a.keyValue(), ps, apply(a.keyNorm(), ps, keys, training), training);
        NDList split = kv.split(2, 2);
        return apply(a.out(), ps, AttentionBlocks.scaledDotProduct(q, split.get(0), split.get(1), config.heads(), null),
                training);
    }

    private static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long m = inputShapes[0].get(1);
        int d = config.width();
        int k = config.neighbours();
        Shape points = new Shape(b, m, d);
        Shape latents = new Shape(b, config.latents(), d);
        time1.initialize(manager, dataType, new Shape(b, timeFeatures.size()));
        time2.initialize(manager, dataType, new Shape(b, d));
        input.initialize(manager, dataType, new Shape(b, m, 9));
        edgeRelative.initialize(manager, dataType, new Shape(b, m, k, 3));
        edgeNeighbour.initialize(manager, dataType, points);
        edgeOut.initialize(manager, dataType, points);
        pointNorm.initialize(manager, dataType, points);
        latentTime.initialize(manager, dataType, new Shape(b, d));
        for (RinBlock block : rin) {
            initialize(block.read(), manager, dataType, latents, points);
            block.readMlp().initialize(manager, dataType, latents);
            initialize(block.compute(), manager, dataType, latents, latents);
            block.computeMlp().initialize(manager, dataType, latents);
            initialize(block.write(), manager, dataType, points, latents);
            block.writeMlp().initialize(manager, dataType, points);
        }
        outputNorm.initialize(manager, dataType, points);
        output.initialize(manager, dataType, points);
    }

    private void initialize(Attention a, NDManager manager, DataType type, Shape queries, Shape keys) {
        a.queryNorm().initialize(manager, type, queries);
        a.keyNorm().initialize(manager, type, keys);
        a.query().initialize(manager, type, queries);
        a.keyValue().initialize(manager, type, keys);
        a.out().initialize(manager, type, queries);
    }

}
