package io.flowkit.meshes.flow;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.flowkit.flow.checkpoint.ModelFolder;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.model.FlowModel;
import io.flowkit.flow.checkpoint.TensorArchive;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.model.SeededInitializer;
import io.flowkit.flow.train.ModelParameters;
import io.flowkit.meshes.operators.PoissonSolve;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A mesh flow model: its settings, the {@link PoissonNetwork} weights and their provenance. It
 * evaluates the velocity {@code v(x_t, t)} on any {@link MeshDomain}: face half, Poisson solve of
 * that mesh, vertex half. Saved as a model folder ({@code model.json} + {@code model.bin}).
 */
public final class MeshFlowModel extends FlowModel<MeshFlowConfig, PoissonNetwork> {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final ParameterStore parameterStore;

    private MeshFlowModel(MeshFlowConfig config, NDManager manager, PoissonNetwork network, Provenance provenance,
            String source) {
        super(config, manager, network, provenance, source);
        this.parameterStore = new ParameterStore(manager, false);
    }

    /**
     * A new, untrained model.
     *
     * @param config the settings
     * @param seed the seed of the initial weights
     * @param device where it runs
     * @return the model; close it when done
     */
    public static MeshFlowModel create(MeshFlowConfig config, long seed, Device device) {
        NDManager manager = FlowEngine.newManager(device);
        PoissonNetwork network = new PoissonNetwork(config);
        SeededInitializer.initialize(network, manager, seed, PoissonNetwork.inputShapes());
        return new MeshFlowModel(config, manager, network, null, "new (seed " + seed + ")");
    }

    /**
     * Loads a model folder.
     *
     * @param folder the folder with {@code model.json} and {@code model.bin}
     * @param device where it runs
     * @return the model; close it when done
     * @throws IOException if a file is missing or malformed (named in the message)
     */
    public static MeshFlowModel load(Path folder, Device device) throws IOException {
        return read(ModelFolder.read(folder, "mesh flow"), device);
    }

    /** Resource folder of the shipped model: Matérn noise, trained on the elephant poses. */
    public static final String DEFAULT_RESOURCE = "/io/flowkit/meshes/default-model/";

    /** Resource folder of the shipped negative control: independent per-vertex noise, same data and settings. */
    public static final String INDEPENDENT_RESOURCE = "/io/flowkit/meshes/independent-model/";

    /**
     * The shipped model: Matérn source noise, 3,000 steps on the elephant poses (its provenance says how
     * it was trained).
     *
     * @param device where it runs
     * @return the model; close it when done
     * @throws UncheckedIOException if the jar lacks it
     */
    public static MeshFlowModel loadDefault(Device device) {
        return loadResource(DEFAULT_RESOURCE, device);
    }

    /**
     * The shipped negative control: the same flow trained with independent per-vertex noise, for the
     * triangulation test.
     *
     * @param device where it runs
     * @return the model; close it when done
     * @throws UncheckedIOException if the jar lacks it
     */
    public static MeshFlowModel loadIndependentControl(Device device) {
        return loadResource(INDEPENDENT_RESOURCE, device);
    }

    private static MeshFlowModel loadResource(String resource, Device device) {
        return ModelFolder.loadShipped(MeshFlowModel.class, resource, "no mesh flow model is shipped in the "
                + "flowkit-meshes jar (" + resource + "); train one with 'flowkit mesh train' and load it with "
                + "MeshFlowModel.load / --model", contents -> read(contents, device));
    }

    private static MeshFlowModel read(ModelFolder.Contents contents, Device device) throws IOException {
        String src = contents.source();
        Stored stored = contents.parse(GSON, Stored.class);
        if (stored == null || stored.config == null) {
            throw new IOException(src + ": model.json lacks the configuration");
        }
        MeshFlowConfig c = stored.config;
        MeshFlowConfig config;
        try {
            config = new MeshFlowConfig(c.noise(), c.tau(), c.sigma(), c.width(), c.fields(), c.timeFrequencies(),
                    c.regularisation(), c.gradientWeight(), c.predictData());
        } catch (IllegalArgumentException e) {
            throw new IOException(src + ": invalid configuration: " + e.getMessage(), e);
        }
        NDManager manager = FlowEngine.newManager(device);
        try {
            PoissonNetwork network = new PoissonNetwork(config);
            SeededInitializer.initialize(network, manager, 0, PoissonNetwork.inputShapes());
            ModelParameters parameters = ModelParameters.of(network);
            parameters.load(parameters.arrays(), contents.weights(), "", src + "/model.bin");
            return new MeshFlowModel(config, manager, network, stored.provenance, src);
        } catch (RuntimeException e) {
            manager.close();
            throw new IOException(src + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the model (each file written atomically).
     *
     * @param folder the folder, created if needed
     * @param provenanceToRecord where the weights come from
     * @throws IOException on a write failure
     */
    public void save(Path folder, Provenance provenanceToRecord) throws IOException {
        Map<String, TensorArchive.Tensor> weights = ModelParameters.of(network()).weights();
        Stored stored = new Stored();
        stored.config = config();
        stored.provenance = provenanceToRecord;
        ModelFolder.write(folder, GSON.toJson(stored), weights);
    }

    /**
     * The velocity on a mesh, without gradients.
     *
     * @param domain the mesh
     * @param arrays its arrays for this batch, in the manager of {@code xt}
     * @param xt states {@code (B, n, 3)} in the unit frame
     * @param t times {@code (B)}
     * @return {@code (B, n, 3)}, in the manager of {@code xt}
     */
    public NDArray velocity(MeshDomain domain, DomainArrays arrays, NDArray xt, NDArray t) {
        NDArray h = network().faceField(parameterStore, arrays, xt, t, false);
        NDArray u = poissonSolve(domain.poisson(), h, arrays.vertices());
        return network().vertexVelocity(parameterStore, arrays, xt, t, u, false);
    }

    /**
     * The Poisson solve of a batch of face fields, on the host.
     *
     * @param poisson the mesh's solver
     * @param fields {@code (B, m, C, 3)}
     * @param vertices n
     * @return {@code (B, n, C)}, in the manager of {@code fields}, without gradient history
     */
    static NDArray poissonSolve(PoissonSolve poisson, NDArray fields, int vertices) {
        int c = Math.toIntExact(fields.getShape().get(2));
        return perSample(fields, x -> poisson.solve(x, c), new Shape(vertices, c));
    }

    /**
     * The adjoint of {@link #poissonSolve}, on the host.
     *
     * @param poisson the mesh's solver
     * @param vertexGradient dLoss/du {@code (B, n, C)}
     * @param faces m
     * @return dLoss/dh {@code (B, m, C, 3)}, in the manager of {@code vertexGradient}
     */
    static NDArray poissonAdjoint(PoissonSolve poisson, NDArray vertexGradient, int faces) {
        int c = Math.toIntExact(vertexGradient.getShape().get(2));
        return perSample(vertexGradient, x -> poisson.adjoint(x, c), new Shape(faces, c, 3));
    }

    /** Applies a host map to each sample of a batch, in double precision. */
    private static NDArray perSample(NDArray batch, java.util.function.UnaryOperator<double[]> map, Shape sampleOut) {
        int b = Math.toIntExact(batch.getShape().get(0));
        float[] in = batch.toFloatArray();
        int per = in.length / b;
        int outPer = Math.toIntExact(sampleOut.size());
        float[] out = new float[b * outPer];
        for (int k = 0; k < b; k++) {
            double[] x = new double[per];
            for (int i = 0; i < per; i++) {
                x[i] = in[k * per + i];
            }
            double[] y = map.apply(x);
            for (int i = 0; i < outPer; i++) {
                out[k * outPer + i] = (float) y[i];
            }
        }
        return batch.getManager().create(out, new Shape(b).addAll(sampleOut));
    }

    /** @return the parameter store the network reads its weights through */
    public ParameterStore parameterStore() {
        return parameterStore;
    }

    /** The JSON form of model.json. */
    private static final class Stored {
        MeshFlowConfig config;
        Provenance provenance;
    }
}
