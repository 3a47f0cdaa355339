package io.flowkit.molecules.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.flowkit.flow.checkpoint.ModelFolder;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.checkpoint.TensorArchive;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.model.BlockVelocityField;
import io.flowkit.flow.model.FlowModel;
import io.flowkit.flow.model.SeededInitializer;
import io.flowkit.flow.model.VelocityField;
import io.flowkit.flow.train.ModelParameters;
import io.flowkit.molecules.featurize.ElementVocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A TS-GEN model: its configuration, its network with weights, and where it came from. Saved as a
 * folder with {@code model.json} (configuration and provenance) and {@code model.bin} (weights).
 * The default model ships inside this jar ({@link #loadDefault()}).
 */
public final class TsGenModel extends FlowModel<TsGenConfig, TsGenNetwork> {

    /** The classpath folder of the default model. */
    public static final String DEFAULT_RESOURCE = "/io/flowkit/molecules/default-model/";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final BlockVelocityField field;

    private TsGenModel(TsGenConfig config, NDManager manager, TsGenNetwork network, Provenance provenance, String source) {
        super(config, manager, network, provenance, source);
        this.field = BlockVelocityField.of(network);
    }

    /**
     * A new model with seeded initial weights.
     *
     * @param config the architecture and prior
     * @param seed the seed of the initial weights
     * @param device where the weights live
     * @return the model; close it to free its weights
     */
    public static TsGenModel create(TsGenConfig config, long seed, Device device) {
        NDManager manager = FlowEngine.newManager(device);
        TsGenNetwork network = new TsGenNetwork(config);
        SeededInitializer.initialize(network, manager, seed, TsGenNetwork.inputShapes(config));
        return new TsGenModel(config, manager, network, null, "new (seed " + seed + ")");
    }

    /**
     * Loads a saved model folder.
     *
     * @param folder a folder written by {@link #save}
     * @param device where the weights live
     * @return the model
     * @throws IOException if a file is missing or damaged (the message names it)
     */
    public static TsGenModel load(Path folder, Device device) throws IOException {
        return read(ModelFolder.read(folder, "TS-GEN"), device);
    }

    /**
     * Loads the default model shipped in this jar.
     *
     * @param device where the weights live
     * @return the model
     * @throws UncheckedIOException if the resource is missing or damaged
     */
    public static TsGenModel loadDefault(Device device) {
        return ModelFolder.loadShipped(TsGenModel.class, DEFAULT_RESOURCE,
                "the default TS-GEN model is missing from the flowkit-molecules jar (" + DEFAULT_RESOURCE + ")",
                contents -> read(contents, device));
    }

    private static TsGenModel read(ModelFolder.Contents contents, Device device) throws IOException {
        String source = contents.source();
        Stored stored = contents.parse(GSON, Stored.class);
        if (stored == null || stored.config == null || stored.config.elements == null) {
            throw new IOException(source + ": model.json lacks the configuration");
        }
        TsGenConfig config;
        try {
            config = stored.config.toConfig();
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": invalid configuration: " + e.getMessage(), e);
        }
        Map<String, TensorArchive.Tensor> tensors = contents.weights();
        NDManager manager = FlowEngine.newManager(device);
        try {
            TsGenNetwork network = new TsGenNetwork(config);
            SeededInitializer.initialize(network, manager, 0, TsGenNetwork.inputShapes(config));
            ModelParameters parameters = ModelParameters.of(network);
            parameters.load(parameters.arrays(), tensors, "", source + "/model.bin");
            return new TsGenModel(config, manager, network, stored.provenance, source);
        } catch (RuntimeException e) {
            manager.close();
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the model: {@code model.json} and {@code model.bin}, each written atomically.
     *
     * @param folder the target folder (created)
     * @param provenanceToRecord where the weights come from
     * @throws IOException on a write failure
     */
    public void save(Path folder, Provenance provenanceToRecord) throws IOException {
        Map<String, TensorArchive.Tensor> weights = ModelParameters.of(network()).weights();
        Stored stored = new Stored();
        stored.config = StoredConfig.of(config());
        stored.provenance = provenanceToRecord;
        ModelFolder.write(folder, GSON.toJson(stored), weights);
    }

    /** @return the velocity field over the network */
    public VelocityField field() {
        return field;
    }

    /** The JSON layout of {@code model.json}. */
    private static final class Stored {
        StoredConfig config;
        Provenance provenance;
    }

    /** The configuration as stored in JSON. */
    private static final class StoredConfig {
        int[] elements;
        int width;
        int layers;
        int radialBasis;
        double radialMax;
        double cutoff;
        int timeFrequencies;
        String prior;
        double priorScale;
        Boolean normalized;

        static StoredConfig of(TsGenConfig c) {
            StoredConfig s = new StoredConfig();
            s.elements = c.elements().atomicNumbers();
            s.width = c.width();
            s.layers = c.layers();
            s.radialBasis = c.radialBasis();
            s.radialMax = c.radialMax();
            s.cutoff = c.cutoff();
            s.timeFrequencies = c.timeFrequencies();
            s.prior = c.prior().name().toLowerCase(java.util.Locale.ROOT);
            s.priorScale = c.priorScale();
            s.normalized = c.normalized() ? Boolean.TRUE : null;
            return s;
        }

        TsGenConfig toConfig() {
            return new TsGenConfig(ElementVocabulary.of(elements), width, layers, radialBasis, radialMax, cutoff,
                    timeFrequencies, Prior.byName(prior), priorScale, Boolean.TRUE.equals(normalized));
        }
    }
}
