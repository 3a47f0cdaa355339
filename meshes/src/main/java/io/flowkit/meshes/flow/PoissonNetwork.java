package io.flowkit.meshes.flow;

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
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.flowkit.flow.model.TimeFeatures;

/**
 * The PoissonNet-style denoiser of the mesh flow (after Maesumi et al. 2025, "PoissonNet: A
 * Local-Global Approach for Learning on Surfaces"), in two halves around a Poisson solve that runs
 * outside the network:
 * <ol>
 *   <li>{@link #faceField}: on each face, the gradient of {@code x_t} (3 × 3), the face's mean of
 *       {@code x_t}, its rest normal and rest centroid, and the time go through a two-layer
 *       perceptron that predicts C gradient fields {@code (B, m, C, 3)};
 *   <li>the Poisson solve {@code u = (L + εM)⁻¹ Gᵀ A h} turns them into C vertex signals
 *       ({@link io.flowkit.meshes.operators.PoissonSolve});
 *   <li>{@link #vertexVelocity}: a residual vertex perceptron on {@code x_t}, the rest position,
 *       u and the time adds a correction to the first three channels of u. With
 *       {@link MeshFlowConfig#predictData()} that sum is the predicted clean signal x̂1 and the
 *       velocity is {@code (x̂1 − x_t) / max(1 − t, 0.05)}; otherwise it is the velocity.
 * </ol>
 * Every input is a function on the surface and every operator is intrinsic (face gradients,
 * area-weighted divergence, cotangent Laplacian), so the network is defined independently of the
 * triangulation. Sized for a CPU: one Poisson block of width 64 instead of PoissonNet's stack.
 */
public final class PoissonNetwork extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final int FACE_FEATURES = 18;
    /** The least {@code 1 − t} the data prediction divides by. */
    private static final double MIN_REMAINING = 0.05;

    private final MeshFlowConfig config;
    private final TimeFeatures timeFeatures;
    private final Linear faceTime;
    private final Linear face1;
    private final Linear face2;
    private final Linear faceOut;
    private final Linear vertexTime;
    private final Linear vertex1;
    private final Linear vertex2;
    private final Linear vertexOut;

    /**
     * A network for a configuration (not yet initialised).
     *
     * @param config the settings
     */
    public PoissonNetwork(MeshFlowConfig config) {
        super(VERSION);
        this.config = config;
        int w = config.width();
        this.timeFeatures = TimeFeatures.fourier(config.timeFrequencies(), 16);
        this.faceTime = addChildBlock("face_time", Linear.builder().setUnits(w).build());
        this.face1 = addChildBlock("face1", Linear.builder().setUnits(w).build());
        this.face2 = addChildBlock("face2", Linear.builder().setUnits(w).build());
        this.faceOut = addChildBlock("face_out", Linear.builder().setUnits(3L * config.fields()).build());
        this.vertexTime = addChildBlock("vertex_time", Linear.builder().setUnits(w).build());
        this.vertex1 = addChildBlock("vertex1", Linear.builder().setUnits(w).build());
        this.vertex2 = addChildBlock("vertex2", Linear.builder().setUnits(w).build());
        this.vertexOut = addChildBlock("vertex_out", Linear.builder().setUnits(3).build());
    }

    /** @return the settings */
    public MeshFlowConfig config() {
        return config;
    }

    /**
     * The face half.
     *
     * @param ps the parameter store
     * @param arrays the mesh's arrays for this batch
     * @param xt states {@code (B, n, 3)} in the unit frame
     * @param t times {@code (B)}
     * @param training whether gradients are recorded
     * @return the gradient fields {@code (B, m, C, 3)}
     */
    public NDArray faceField(ParameterStore ps, DomainArrays arrays, NDArray xt, NDArray t, boolean training) {
        int b = arrays.batch();
        int m = arrays.faces();
        NDArray corners = arrays.cornerValues(xt);
        NDArray grad = arrays.gradientOfCorners(corners).reshape(b, m, 9);
        NDArray mean = corners.mean(new int[] {2});
        NDArray rest = mean.getManager().zeros(new Shape(b, m, 6)).add(arrays.faceRest());
        NDArray features = NDArrays.concat(new NDList(grad, mean, rest), 2);
        NDArray time = apply(faceTime, ps, timeFeatures.apply(t), training).expandDims(1);
        NDArray h = Activation.gelu(apply(face1, ps, features, training).add(time));
        h = Activation.gelu(apply(face2, ps, h, training));
        return apply(faceOut, ps, h, training).reshape(b, m, config.fields(), 3);
    }

    /**
     * The vertex half.
     *
     * @param ps the parameter store
     * @param arrays the mesh's arrays for this batch
     * @param xt states {@code (B, n, 3)}
     * @param t times {@code (B)}
     * @param u the Poisson solution of the face fields {@code (B, n, C)}
     * @param training whether gradients are recorded
     * @return the velocity {@code (B, n, 3)}
     */
    public NDArray vertexVelocity(ParameterStore ps, DomainArrays arrays, NDArray xt, NDArray t, NDArray u,
            boolean training) {
        NDArray rest = xt.zerosLike().add(arrays.rest());
        NDArray features = NDArrays.concat(new NDList(xt, rest, u), 2);
        NDArray time = apply(vertexTime, ps, timeFeatures.apply(t), training).expandDims(1);
        NDArray h = Activation.gelu(apply(vertex1, ps, features, training).add(time));
        h = Activation.gelu(apply(vertex2, ps, h, training));
        NDArray out = u.get(new NDIndex(":, :, 0:3")).add(apply(vertexOut, ps, h, training));
        if (!config.predictData()) {
            return out;
        }
        // out is the clean signal x̂1: the velocity that reaches it at t = 1.
        NDArray remaining = t.mul(-1f).add(1f).maximum((float) MIN_REMAINING).reshape(-1, 1, 1);
        return out.sub(xt).div(remaining);
    }

    /**
     * Shapes for initialisation.
     *
     * @return any shapes of {@code [x_t, t]}; only the channel counts matter
     */
    static Shape[] inputShapes() {
        return new Shape[] {new Shape(1, 4, 3), new Shape(1)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("the mesh denoiser runs in two halves around a Poisson solve: use "
                + "MeshFlowModel.velocity");
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int w = config.width();
        faceTime.initialize(manager, dataType, new Shape(1, timeFeatures.size()));
        face1.initialize(manager, dataType, new Shape(1, 1, FACE_FEATURES));
        face2.initialize(manager, dataType, new Shape(1, 1, w));
        faceOut.initialize(manager, dataType, new Shape(1, 1, w));
        vertexTime.initialize(manager, dataType, new Shape(1, timeFeatures.size()));
        vertex1.initialize(manager, dataType, new Shape(1, 1, 6 + config.fields()));
        vertex2.initialize(manager, dataType, new Shape(1, 1, w));
        vertexOut.initialize(manager, dataType, new Shape(1, 1, w));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
