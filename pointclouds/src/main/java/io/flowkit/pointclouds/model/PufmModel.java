package io.flowkit.pointclouds.model;

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
import io.flowkit.flow.time.PiecewiseLinearCdf;
import io.flowkit.flow.train.ModelParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A PUFM++ model: network weights, configuration, the measured loss profile behind its adaptive
 * time schedule (PUFM++ stage 3), and provenance. Stored as a folder with {@code model.json} and
 * {@code model.bin}; a default model, once trained to beat the midpoint baseline, ships inside this
 * jar (none does yet).
 */
public final class PufmModel extends FlowModel<PufmConfig, PufmNetwork> {

    /** The classpath folder of the default model. */
    public static final String DEFAULT_RESOURCE = "/io/flowkit/pointclouds/default-model/";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final BlockVelocityField field;
    private final PiecewiseLinearCdf schedule;

    private PufmModel(PufmConfig config, NDManager manager, PufmNetwork network, PiecewiseLinearCdf schedule,
            Provenance provenance, String source) {
        super(config, manager, network, provenance, source);
        this.field = BlockVelocityField.of(network);
        this.schedule = schedule;
    }

    /**
     * A new, untrained model.
     *
     * @param config the architecture
     * @param seed the seed of the initial weights
     * @param device where it runs
     * @return the model; close it when done
     */
    public static PufmModel create(PufmConfig config, long seed, Device device) {
        NDManager manager = FlowEngine.newManager(device);
        PufmNetwork network = new PufmNetwork(config);
        SeededInitializer.initialize(network, manager, seed, PufmNetwork.inputShapes(config));
        return new PufmModel(config, manager, network, null, null, "new (seed " + seed + ")");
    }

    /**
     * Loads a model folder.
     *
     * @param folder the folder with {@code model.json} and {@code model.bin}
     * @param device where it runs
     * @return the model; close it when done
     * @throws IOException if a file is missing or malformed (named in the message)
     */
    public static PufmModel load(Path folder, Device device) throws IOException {
        return read(ModelFolder.read(folder, "PUFM"), device);
    }

    /**
     * Loads the default model shipped in this jar.
     *
     * @param device where it runs
     * @return the model; close it when done
     * @throws UncheckedIOException if the jar lacks it
     */
    public static PufmModel loadDefault(Device device) {
        return ModelFolder.loadShipped(PufmModel.class, DEFAULT_RESOURCE, "no default PUFM++ model is shipped in the "
                + "flowkit-pointclouds jar (" + DEFAULT_RESOURCE + "); train one with 'flowkit pointclouds train' and "
                + "load it with PufmModel.load / --model", contents -> read(contents, device));
    }

    private static PufmModel read(ModelFolder.Contents contents, Device device) throws IOException {
        String source = contents.source();
        Stored stored = contents.parse(GSON, Stored.class);
        if (stored == null || stored.config == null) {
            throw new IOException(source + ": model.json lacks the configuration");
        }
        PufmConfig config;
        PiecewiseLinearCdf schedule = null;
        try {
            config = stored.config;
            config = new PufmConfig(config.ratio(), config.patchSize(), config.width(), config.latents(),
                    config.blocks(), config.heads(), config.neighbours(), config.timeFrequencies(), config.noise());
            if (stored.scheduleTimes != null) {
                schedule = PiecewiseLinearCdf.of(stored.scheduleTimes, stored.scheduleLoss);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": invalid configuration: " + e.getMessage(), e);
        }
        Map<String, TensorArchive.Tensor> tensors = contents.weights();
        NDManager manager = FlowEngine.newManager(device);
        try {
            PufmNetwork network = new PufmNetwork(config);
            SeededInitializer.initialize(network, manager, 0, PufmNetwork.inputShapes(config));
            ModelParameters parameters = ModelParameters.of(network);
            parameters.load(parameters.arrays(), tensors, "", source + "/model.bin");
            return new PufmModel(config, manager, network, schedule, stored.provenance, source);
        } catch (RuntimeException e) {
            manager.close();
            throw new IOException(source + ": " + e.getMessage(), e);
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
        if (schedule != null) {
            stored.scheduleTimes = schedule.grid();
            stored.scheduleLoss = schedule.density();
        }
        stored.provenance = provenanceToRecord;
        ModelFolder.write(folder, GSON.toJson(stored), weights);
    }

    /**
     * The same weights with a measured loss profile for the adaptive schedule (PUFM++ stage 3).
     * The returned model shares this model's weights and manager: close only one of them.
     *
     * @param lossProfile the velocity loss over time, as a distribution
     * @return the model with the schedule
     */
    public PufmModel withSchedule(PiecewiseLinearCdf lossProfile) {
        return new PufmModel(config(), manager(), network(), lossProfile, provenance(), source());
    }

    /** @return the network as a velocity field */
    public VelocityField field() {
        return field;
    }

    /** @return the loss profile over time measured after training, if any (stage 3) */
    public Optional<PiecewiseLinearCdf> schedule() {
        return Optional.ofNullable(schedule);
    }

    /** The JSON layout of {@code model.json}. */
    private static final class Stored {
        PufmConfig config;
        double[] scheduleTimes;
        double[] scheduleLoss;
        Provenance provenance;
    }
}
