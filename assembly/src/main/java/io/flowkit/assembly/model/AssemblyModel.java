package io.flowkit.assembly.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.flowkit.flow.checkpoint.ModelFolder;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.model.BlockVelocityField;
import io.flowkit.flow.model.FlowModel;
import io.flowkit.flow.model.SeededInitializer;
import io.flowkit.flow.model.VelocityField;
import io.flowkit.flow.train.ModelParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An assembly flow model: configuration, {@link PointFlowNetwork} weights and provenance, saved as
 * a model folder ({@code model.json} + {@code model.bin}).
 */
public final class AssemblyModel extends FlowModel<AssemblyConfig, PointFlowNetwork> {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final BlockVelocityField field;
    private final FlowSpace space;

    private AssemblyModel(AssemblyConfig config, FlowSpace space, NDManager manager, PointFlowNetwork network,
            Provenance provenance, String source) {
        super(config, manager, network, provenance, source);
        this.space = space;
        this.field = BlockVelocityField.of(network);
    }

    /**
     * A new, untrained model.
     *
     * @param config the architecture
     * @param seed the seed of the initial weights
     * @param device where it runs
     * @return the model; close it when done
     */
    public static AssemblyModel create(AssemblyConfig config, long seed, Device device) {
        return create(config, FlowSpace.POINTS, seed, device);
    }

    /**
     * A new, untrained model of a flow space.
     *
     * @param config the architecture
     * @param space points (RPF) or poses (GARF)
     * @param seed the seed of the initial weights
     * @param device where it runs
     * @return the model; close it when done
     */
    public static AssemblyModel create(AssemblyConfig config, FlowSpace space, long seed, Device device) {
        NDManager manager = FlowEngine.newManager(device);
        PointFlowNetwork network = new PointFlowNetwork(config);
        SeededInitializer.initialize(network, manager, seed, PointFlowNetwork.inputShapes(config));
        return new AssemblyModel(config, space, manager, network, null, "new (seed " + seed + ")");
    }

    /**
     * Loads a model folder.
     *
     * @param folder the folder
     * @param device where it runs
     * @return the model; close it when done
     * @throws IOException if a file is missing or malformed (named in the message)
     */
    public static AssemblyModel load(Path folder, Device device) throws IOException {
        return read(ModelFolder.read(folder, "assembly"), device);
    }

    /** Resource folder of the shipped model. */
    public static final String DEFAULT_RESOURCE = "/io/flowkit/assembly/default-model/";

    /**
     * The shipped model: 8,000 steps on 800 synthetic planar fractures (its provenance says how it
     * was trained). It does not yet assemble reliably; see the module's README for its figures.
     *
     * @param device where it runs
     * @return the model; close it when done
     * @throws UncheckedIOException if the jar lacks it
     */
    public static AssemblyModel loadDefault(Device device) {
        return ModelFolder.loadShipped(AssemblyModel.class, DEFAULT_RESOURCE, "no assembly model is shipped in the "
                + "flowkit-assembly jar (" + DEFAULT_RESOURCE + "); train one with 'flowkit assembly train' and load it "
                + "with AssemblyModel.load / --model", contents -> read(contents, device));
    }

    private static AssemblyModel read(ModelFolder.Contents contents, Device device) throws IOException {
        String src = contents.source();
        Stored stored = contents.parse(GSON, Stored.class);
        if (stored == null || stored.config == null) {
            throw new IOException(src + ": model.json lacks the configuration");
        }
        AssemblyConfig c = stored.config;
        AssemblyConfig config;
        try {
            config = new AssemblyConfig(c.maxParts(), c.width(), c.heads(), c.blocks(), c.timeFrequencies(), c.alignWidth(),
                    c.normals());
        } catch (IllegalArgumentException e) {
            throw new IOException(src + ": invalid configuration: " + e.getMessage(), e);
        }
        NDManager manager = FlowEngine.newManager(device);
        try {
            PointFlowNetwork network = new PointFlowNetwork(config);
            SeededInitializer.initialize(network, manager, 0, PointFlowNetwork.inputShapes(config));
            ModelParameters parameters = ModelParameters.of(network);
            parameters.load(parameters.arrays(), contents.weights(), "", src + "/model.bin");
            FlowSpace space = stored.flow == null ? FlowSpace.POINTS : FlowSpace.parse(stored.flow);
            return new AssemblyModel(config, space, manager, network, stored.provenance, src);
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
        Stored stored = new Stored();
        stored.config = config();
        stored.flow = space.label();
        stored.provenance = provenanceToRecord;
        ModelFolder.write(folder, GSON.toJson(stored), ModelParameters.of(network()).weights());
    }

    /** @return what flows: the points (RPF) or the poses (GARF) */
    public FlowSpace flowSpace() {
        return space;
    }

    /** @return the network as a velocity field, condition {@code [input, parts, anchor]} */
    public VelocityField field() {
        return field;
    }

    /** The JSON form of model.json. */
    private static final class Stored {
        AssemblyConfig config;
        String flow;
        Provenance provenance;
    }
}
