package io.flowkit.molecules.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.flowkit.flow.model.TimeFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * The TS-GEN velocity network, dense over a padded batch of {@code B} reactions with {@code N}
 * atoms: inputs {@code [x_t (B, N, 3), t (B), types (B, N, E), R (B, N, 3), P (B, N, 3),
 * mask (B, N)]}, output the velocity {@code (B, N, 3)}, zero on padding and with zero mean per
 * molecule.
 *
 * <p>Each atom carries scalar channels {@code s} and vector channels {@code v} (PaiNN: Schütt,
 * Unke and Gastegger 2021, "Equivariant message passing for the prediction of tensorial
 * properties and molecular spectra"). TS-GEN feeds raw R and P coordinates through a linear layer,
 * which breaks rotation equivariance; here R and P enter only through rotation-invariant distances
 * (radial bases of the pair distances in x_t, R and P) and equivariant vectors (the unit pair
 * directions in x_t, R and P, and each atom's displacements x_t − R and x_t − P), so rotating
 * x_t, R and P together rotates the output. One filter network serves all layers (the shared
 * filters of PaiNN's reference implementation), the costliest term of the pair part on a CPU.
 * Messages run over all atom pairs within a smooth
 * cosine cutoff on the reactant's distances (TS-GEN's 12 Å radius graph); the time enters through
 * Fourier features, at the input and in every layer. Each pair also knows whether it is a
 * covalent bond in R and in P, so which bonds break and form is explicit.
 */
public final class TsGenNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    private final TsGenConfig config;
    private final TimeFeatures timeFeatures;
    private final Linear scalarEmbedding;
    private final Linear vectorEmbedding;
    private final Linear filter;
    private final List<LayerBlocks> layers = new ArrayList<>();
    private final Linear output;

    /** The linear maps of one message-passing layer. */
    private record LayerBlocks(Linear time, Linear message1, Linear message2, Linear u, Linear v, Linear update1,
            Linear update2) {}

    /**
     * A network for a configuration (not yet initialised).
     *
     * @param config the architecture
     */
    public TsGenNetwork(TsGenConfig config) {
        super(VERSION);
        this.config = config;
        int f = config.width();
        this.timeFeatures = TimeFeatures.fourier(config.timeFrequencies(), 32);
        this.scalarEmbedding = addChildBlock("embed", Linear.builder().setUnits(f).build());
        this.vectorEmbedding = addChildBlock("embed_vectors", Linear.builder().setUnits(f).optBias(false).build());
        this.filter = addChildBlock("filter", Linear.builder().setUnits(5L * f).build());
        for (int l = 0; l < config.layers(); l++) {
            String p = "layer" + l + "_";
            layers.add(new LayerBlocks(
                    addChildBlock(p + "time", Linear.builder().setUnits(f).build()),
                    addChildBlock(p + "message1", Linear.builder().setUnits(f).build()),
                    addChildBlock(p + "message2", Linear.builder().setUnits(5L * f).build()),
                    addChildBlock(p + "u", Linear.builder().setUnits(f).optBias(false).build()),
                    addChildBlock(p + "v", Linear.builder().setUnits(f).optBias(false).build()),
                    addChildBlock(p + "update1", Linear.builder().setUnits(f).build()),
                    addChildBlock(p + "update2", Linear.builder().setUnits(3L * f).build())));
        }
        this.output = addChildBlock("output", Linear.builder().setUnits(1).optBias(false).build());
    }

    /** @return the configuration */
    public TsGenConfig config() {
        return config;
    }

    /**
     * The input shapes for initialisation.
     *
     * @param config the architecture
     * @return shapes of {@code [x_t, t, types, R, P, mask]} for one reaction of two atoms
     */
    public static Shape[] inputShapes(TsGenConfig config) {
        return new Shape[] {new Shape(1, 2, 3), new Shape(1), new Shape(1, 2, config.elements().size()),
            new Shape(1, 2, 3), new Shape(1, 2, 3), new Shape(1, 2)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 6) {
            throw new IllegalArgumentException("TS-GEN network expects [x_t, t, types, R, P, mask], got " + inputs.size()
                    + " inputs");
        }
        NDArray x = inputs.get(0);
        NDArray t = inputs.get(1);
        NDArray types = inputs.get(2);
        NDArray reactant = inputs.get(3);
        NDArray product = inputs.get(4);
        NDArray mask = inputs.get(5);
        Shape shape = x.getShape();
        if (shape.dimension() != 3 || shape.get(2) != 3) {
            throw new IllegalArgumentException("x_t must have shape (B, N, 3): " + shape);
        }
        long b = shape.get(0);
        long n = shape.get(1);
        if (!reactant.getShape().equals(shape) || !product.getShape().equals(shape)
                || !mask.getShape().equals(new Shape(b, n)) || types.getShape().get(2) != config.elements().size()) {
            throw new IllegalArgumentException("condition shapes " + types.getShape() + ", " + reactant.getShape() + ", "
                    + product.getShape() + ", " + mask.getShape() + " do not fit x_t " + shape);
        }
        int f = config.width();
        NDManager m = x.getManager();

        NDArray atomMask = mask.expandDims(2);
        NDArray pairMask = mask.expandDims(2).mul(mask.expandDims(1)).mul(m.eye((int) n).neg().add(1f)).expandDims(3);
        // Pair geometry of the state, R and P: distances into radial bases, unit directions.
        NDArray[] units = new NDArray[3];
        NDArray[] distances = new NDArray[3];
        NDList radial = new NDList(3);
        NDArray envelope = null;
        NDArray[] geometries = {x, reactant, product};
        NDArray centres = m.linspace(0f, (float) config.radialMax(), config.radialBasis());
        float gamma = (float) (0.5 * Math.pow((config.radialBasis() - 1) / config.radialMax(), 2));
        for (int g = 0; g < 3; g++) {
            NDArray diff = geometries[g].expandDims(2).sub(geometries[g].expandDims(1));
            NDArray dist = diff.square().sum(new int[] {3}, true).add(1e-8f).sqrt();
            distances[g] = dist;
            units[g] = diff.div(dist);
            // The exponent is clamped so the basis never produces float32 denormals (below ~1e-38):
            // arithmetic on denormals runs 10-100 times slower on CPUs, measured 10x on the backward pass.
            radial.add(dist.sub(centres).square().mul(-gamma).maximum(-50f).exp());
            if (g == 1) {
                // Smooth cosine cutoff on the reactant's distances (the radius graph), zero on padding.
                NDArray inside = dist.lt((float) config.cutoff()).toType(DataType.FLOAT32, false);
                envelope = dist.mul((float) (Math.PI / config.cutoff())).cos().add(1f).mul(0.5f).mul(inside).mul(pairMask);
            }
        }
        // Covalent bonds in R and in P (distance below 1.2 times the sum of covalent radii): which bonds
        // break and form is the chemistry of the reaction, given to every pair explicitly.
        NDArray radii = types.matMul(m.create(covalentRadii(config), new Shape(config.elements().size(), 1)));
        NDArray bondLength = radii.add(radii.transpose(0, 2, 1)).mul(1.2f).expandDims(3);
        NDArray bondedR = distances[1].lt(bondLength).toType(DataType.FLOAT32, false).mul(pairMask);
        NDArray bondedP = distances[2].lt(bondLength).toType(DataType.FLOAT32, false).mul(pairMask);
        radial.add(bondedR);
        radial.add(bondedP);
        radial.add(bondedR.sub(bondedP).abs());
        // One filter network for all layers (PaiNN's shared filters): the pair term is the costliest.
        NDArray filters = filter.forward(ps, new NDList(NDArrays.concat(radial, 3)), training).head().mul(envelope);
        // Directions arranged for one batched product per layer: (B, N, 3, 3N).
        NDArray directions = NDArrays.concat(new NDList(units[0].transpose(0, 1, 3, 2), units[1].transpose(0, 1, 3, 2),
                units[2].transpose(0, 1, 3, 2)), 3);

        NDArray time = timeFeatures.apply(t);
        NDArray s = scalarEmbedding.forward(ps, new NDList(NDArrays.concat(new NDList(types,
                time.expandDims(1).repeat(1, n)), 2)), training).head().mul(atomMask);
        NDArray displacements = NDArrays.stack(new NDList(x.sub(reactant), x.sub(product)), 3);
        NDArray v = vectorEmbedding.forward(ps, new NDList(displacements), training).head().mul(atomMask.expandDims(3));

        for (LayerBlocks layer : layers) {
            s = s.add(layer.time().forward(ps, new NDList(time), training).head().expandDims(1));
            // Messages: φ(s_j) ∘ W(r_ij), split into scalar, vector-gating and three direction parts.
            NDArray phi = layer.message2().forward(ps, new NDList(Activation.gelu(
                    layer.message1().forward(ps, new NDList(scalarsIn(s)), training).head())), training).head();
            NDList parts = phi.expandDims(1).mul(filters).split(new long[] {f, 2L * f}, 3);
            NDArray ds = parts.get(0).sum(new int[] {2});
            NDArray gated = vectorsIn(v).expandDims(1).mul(parts.get(1).expandDims(3)).sum(new int[] {2});
            NDArray directional = directions.matMul(parts.get(2).reshape(b, n, n, 3, f).transpose(0, 1, 3, 2, 4)
                    .reshape(b, n, 3 * n, f));
            s = s.add(ds);
            v = v.add(gated).add(directional);
            // Update: mix vector channels, gate by scalars (PaiNN's update block).
            NDArray vIn = vectorsIn(v);
            NDArray uv = layer.u().forward(ps, new NDList(vIn), training).head();
            NDArray vv = layer.v().forward(ps, new NDList(vIn), training).head();
            NDArray norm = vv.square().sum(new int[] {2}).add(1e-8f).sqrt();
            NDArray a = layer.update2().forward(ps, new NDList(Activation.gelu(layer.update1().forward(ps,
                    new NDList(NDArrays.concat(new NDList(scalarsIn(s), norm), 2)), training).head())), training).head();
            NDList gates = a.split(3, 2);
            s = s.add(gates.get(2)).add(gates.get(1).mul(uv.mul(vv).sum(new int[] {2}))).mul(atomMask);
            v = v.add(gates.get(0).expandDims(2).mul(uv)).mul(atomMask.expandDims(3));
        }
        NDArray velocity = output.forward(ps, new NDList(v), training).head().squeeze(3).mul(atomMask);
        // Zero mean per molecule over its real atoms: the flow keeps the centre of mass fixed.
        NDArray count = mask.sum(new int[] {1}, true).maximum(1f).expandDims(2);
        NDArray mean = velocity.sum(new int[] {1}, true).div(count);
        return new NDList(velocity.sub(mean.mul(atomMask)));
    }

    /**
     * What a layer reads of the scalar channels: with {@link TsGenConfig#normalized()}, each atom's
     * channels shifted to mean 0 and scaled to variance 1 (a layer norm without learned gain, as in
     * pre-norm transformers); the residual stream itself is left as it is.
     */
    private NDArray scalarsIn(NDArray s) {
        if (!config.normalized()) {
            return s;
        }
        NDArray centred = s.sub(s.mean(new int[] {2}, true));
        return centred.div(centred.square().mean(new int[] {2}, true).add(1e-5f).sqrt());
    }

    /**
     * What a layer reads of the vector channels: with {@link TsGenConfig#normalized()}, each atom's
     * vectors divided by their root-mean-square length over the channels, which keeps directions (and
     * so rotation equivariance) and bounds the products of the update.
     */
    private NDArray vectorsIn(NDArray v) {
        if (!config.normalized()) {
            return v;
        }
        NDArray meanSquare = v.square().sum(new int[] {2}, true).mean(new int[] {3}, true);
        return v.div(meanSquare.add(1e-5f).sqrt());
    }

    /** Covalent radii (Å) of the vocabulary's elements (Cordero et al. 2008); 0.75 Å when not tabulated. */
    private static float[] covalentRadii(TsGenConfig config) {
        int[] z = config.elements().atomicNumbers();
        float[] r = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            r[i] = (float) io.flowkit.datasets.molecule.Elements.covalentRadius(z[i], 0.75);
        }
        return r;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long n = inputShapes[0].get(1);
        int f = config.width();
        int time = timeFeatures.size();
        scalarEmbedding.initialize(manager, dataType, new Shape(b, n, config.elements().size() + time));
        vectorEmbedding.initialize(manager, dataType, new Shape(b, n, 3, 2));
        filter.initialize(manager, dataType, new Shape(b, n, n, 3L * config.radialBasis() + 3));
        for (LayerBlocks layer : layers) {
            layer.time().initialize(manager, dataType, new Shape(b, time));
            layer.message1().initialize(manager, dataType, new Shape(b, n, f));
            layer.message2().initialize(manager, dataType, new Shape(b, n, f));
            layer.u().initialize(manager, dataType, new Shape(b, n, 3, f));
            layer.v().initialize(manager, dataType, new Shape(b, n, 3, f));
            layer.update1().initialize(manager, dataType, new Shape(b, n, 2L * f));
            layer.update2().initialize(manager, dataType, new Shape(b, n, f));
        }
        output.initialize(manager, dataType, new Shape(b, n, 3, f));
    }
}
