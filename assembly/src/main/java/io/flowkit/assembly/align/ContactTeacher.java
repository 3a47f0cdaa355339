package io.flowkit.assembly.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.model.PointFlowNetwork;

/**
 * The teacher of representation alignment: an encoder that sees the assembled object and is
 * pretrained to tell, for every point, whether it touches another part (lies on a fracture face),
 * a task that needs geometric and contact understanding, as RPF's encoder was pretrained on
 * overlap. It reuses the flow's point transformer (one block pair) on the assembled points, with the
 * input pose set to the assembled pose and t = 1, and adds a linear contact head. Inputs
 * {@code [assembled (B, N, 3), parts (B, N, K)]}; outputs {@code [features (B, N, d), logits (B, N, 1)]}.
 */
public final class ContactTeacher extends AbstractBlock {

    private static final byte VERSION = 1;

    private final AssemblyConfig config;
    private final PointFlowNetwork encoder;
    private final Linear head;

    /**
     * A teacher (not yet initialised).
     *
     * @param config the encoder's architecture (one block pair is used)
     */
    public ContactTeacher(AssemblyConfig config) {
        super(VERSION);
        this.config = new AssemblyConfig(config.maxParts(), config.width(), config.heads(), 1, config.timeFrequencies(), 0);
        this.encoder = addChildBlock("encoder", new PointFlowNetwork(this.config));
        this.head = addChildBlock("head", Linear.builder().setUnits(1).build());
    }

    /** @return the encoder's architecture */
    public AssemblyConfig config() {
        return config;
    }

    /**
     * Input shapes for initialisation.
     *
     * @param config the architecture
     * @return shapes of {@code [assembled, parts]} for one object of 4 points
     */
    public static Shape[] inputShapes(AssemblyConfig config) {
        return new Shape[] {new Shape(1, 4, 3), new Shape(1, 4, config.maxParts())};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray parts = inputs.get(1);
        long b = x.getShape().get(0);
        long n = x.getShape().get(1);
        NDArray t = x.getManager().ones(new Shape(b));
        NDArray anchor = x.getManager().zeros(new Shape(b, n, 1));
        NDArray features = encoder.forward(ps, new NDList(x, t, x, parts, anchor, x.zerosLike()), training).get(1);
        NDArray logits = head.forward(ps, new NDList(features), training).head();
        return new NDList(features, logits);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, PointFlowNetwork.inputShapes(config));
        head.initialize(manager, dataType, new Shape(1, 4, config.width()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), config.width()),
            new Shape(inputShapes[0].get(0), inputShapes[0].get(1), 1)};
    }
}
