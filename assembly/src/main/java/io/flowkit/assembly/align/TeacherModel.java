package io.flowkit.assembly.align;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.flowkit.assembly.data.AssemblyBatch;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.flow.checkpoint.ModelFolder;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.engine.Versions;
import io.flowkit.flow.model.SeededInitializer;
import io.flowkit.flow.train.Adam;
import io.flowkit.flow.train.ModelParameters;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.flow.train.ResumableLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A {@link ContactTeacher} with its weights: pretrained on contact prediction (binary cross-entropy
 * of each point's contact label) by {@link #pretrain}, saved and loaded as a model folder, and used
 * frozen by {@link RepresentationAlignment}.
 */
public final class TeacherModel implements AutoCloseable {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final AssemblyConfig config;
    private final NDManager manager;
    private final ContactTeacher teacher;
    private final ParameterStore store;
    private final Provenance provenance;

    private TeacherModel(AssemblyConfig config, NDManager manager, ContactTeacher teacher, Provenance provenance) {
        this.config = config;
        this.manager = manager;
        this.teacher = teacher;
        this.store = new ParameterStore(manager, false);
        this.provenance = provenance;
    }

    /**
     * A new, untrained teacher.
     *
     * @param config the encoder's architecture
     * @param seed seed of the initial weights
     * @return the teacher; close it
     */
    public static TeacherModel create(AssemblyConfig config, long seed) {
        NDManager manager = FlowEngine.newManager(Device.cpu());
        ContactTeacher teacher = new ContactTeacher(config);
        SeededInitializer.initialize(teacher, manager, seed, ContactTeacher.inputShapes(config));
        return new TeacherModel(teacher.config(), manager, teacher, null);
    }

    /**
     * Pretrains a teacher on contact prediction.
     *
     * @param config the encoder's architecture
     * @param train examples with contact labels
     * @param validation held-out examples with contact labels, for the reported accuracy
     * @param steps training steps
     * @param batchSize objects per batch
     * @param learningRate Adam's learning rate
     * @param seed seed of weights and batches
     * @param description what the data is, for provenance
     * @param progress progress listener
     * @return the pretrained teacher, its provenance recording the validation accuracy; close it
     * @throws IllegalArgumentException if an example lacks contact labels
     */
    public static TeacherModel pretrain(AssemblyConfig config, List<AssemblyExample> train, List<AssemblyExample> validation,
            long steps, int batchSize, double learningRate, long seed, String description, ProgressListener progress) {
        return pretrain(config, train, validation, steps, batchSize, learningRate, seed, description, progress, null,
                () -> false);
    }

    /**
     * Pretrains a teacher on contact prediction as {@link #pretrain(AssemblyConfig, List, List, long, int,
     * double, long, String, ProgressListener)} does, with checkpoints: a run with the same checkpoint
     * folder resumes from the newest one, and a stop request ends the run after a checkpoint.
     *
     * @param config the encoder's architecture
     * @param train examples with contact labels
     * @param validation held-out examples with contact labels, for the reported accuracy
     * @param steps training steps
     * @param batchSize objects per batch
     * @param learningRate Adam's learning rate
     * @param seed seed of weights and batches
     * @param description what the data is, for provenance
     * @param progress progress listener
     * @param checkpoints the checkpoint folder (resumed from), or {@code null} for none
     * @param stop asked before each step; true stops the run
     * @return the pretrained teacher, its provenance recording the validation accuracy; after a stop,
     *     the teacher as far as it got, its provenance's step below {@code steps} and without metrics;
     *     close it
     * @throws IllegalArgumentException if an example lacks contact labels
     */
    public static TeacherModel pretrain(AssemblyConfig config, List<AssemblyExample> train, List<AssemblyExample> validation,
            long steps, int batchSize, double learningRate, long seed, String description, ProgressListener progress,
            Path checkpoints, BooleanSupplier stop) {
        for (AssemblyExample e : train) {
            if (e.contact() == null) {
                throw new IllegalArgumentException("example " + e.id() + " has no contact labels");
            }
        }
        TeacherModel model = create(config, seed);
        Map<String, String> configuration = new LinkedHashMap<>(model.config.describe());
        configuration.put("teacher.steps", Long.toString(steps));
        configuration.put("teacher.batch", Integer.toString(batchSize));
        configuration.put("teacher.learningRate", Double.toString(learningRate));
        ResumableLoop.Result result = ResumableLoop.builder()
                .setParameters(ModelParameters.of(model.teacher), model.manager)
                .setOptimizer(Adam.builder().optLearningRate(learningRate).build()).setSteps(steps, seed)
                .setProvenance(configuration, (step, losses) -> provenance(seed, step, description, configuration, Map.of()))
                .optCheckpoints(checkpoints, 0).optStopSignal(stop).optProgress(progress)
                .build().run((step, random, adam) -> {
                    List<AssemblyExample> chosen = new ArrayList<>();
                    for (int i = 0; i < batchSize; i++) {
                        chosen.add(train.get(random.nextInt(train.size())));
                    }
                    try (NDManager scope = model.manager.newSubManager()) {
                        NDList in = inputs(chosen, config.maxParts(), scope);
                        NDArray labels = labels(chosen, scope);
                        double loss;
                        try (GradientCollector c = FlowEngine.get().newGradientCollector()) {
                            NDArray z = model.teacher.forward(model.store, in, true).get(1);
                            // log(1 + e^z) − z·y, computed stably
                            NDArray bce = z.maximum(0f).sub(z.mul(labels)).add(z.abs().mul(-1f).exp().add(1f).log()).mean();
                            c.backward(bce);
                            loss = bce.getFloat();
                        }
                        adam.update(step, 1.0);
                        return loss;
                    }
                });
        if (!result.complete()) {
            return new TeacherModel(model.config, model.manager, model.teacher, result.provenance());
        }
        double loss = result.losses().get(result.losses().size() - 1);
        double[] accuracy = model.accuracy(validation);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train.bce.last", loss);
        metrics.put("validation.balancedAccuracy", accuracy[0]);
        metrics.put("validation.contactShare", accuracy[1]);
        return new TeacherModel(model.config, model.manager, model.teacher,
                provenance(seed, steps, description, configuration, metrics));
    }

    private static Provenance provenance(long seed, long step, String description, Map<String, String> configuration,
            Map<String, Double> metrics) {
        return new Provenance(Versions.flowkit(), Versions.djl(), Versions.engine(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seed, step, description, configuration, metrics,
                FlowEngine.threads());
    }

    private static NDList inputs(List<AssemblyExample> examples, int maxParts, NDManager scope) {
        AssemblyBatch batch = AssemblyBatch.of(examples, maxParts);
        float[] assembled = new float[batch.input().length];
        int n = batch.points();
        for (int e = 0; e < examples.size(); e++) {
            double[] a = examples.get(e).assembled();
            for (int i = 0; i < 3 * n; i++) {
                assembled[e * 3 * n + i] = (float) a[i];
            }
        }
        NDList c = batch.condition(scope);
        return new NDList(scope.create(assembled, c.get(0).getShape()), c.get(1));
    }

    private static NDArray labels(List<AssemblyExample> examples, NDManager scope) {
        int n = examples.get(0).pointCount();
        float[] y = new float[examples.size() * n];
        for (int e = 0; e < examples.size(); e++) {
            System.arraycopy(examples.get(e).contact(), 0, y, e * n, n);
        }
        return scope.create(y, new ai.djl.ndarray.types.Shape(examples.size(), n, 1));
    }

    /**
     * Balanced accuracy of the contact prediction.
     *
     * @param examples examples with contact labels
     * @return {@code [balanced accuracy, share of contact points]}
     */
    public double[] accuracy(List<AssemblyExample> examples) {
        long tp = 0;
        long tn = 0;
        long pos = 0;
        long neg = 0;
        try (FlowEngine.GradientMode off = FlowEngine.noGradient()) {
            for (int start = 0; start < examples.size(); start += 8) {
                List<AssemblyExample> chunk = examples.subList(start, Math.min(examples.size(), start + 8));
                try (NDManager scope = manager.newSubManager()) {
                    float[] z = teacher.forward(store, inputs(chunk, config.maxParts(), scope), false).get(1).toFloatArray();
                    int n = chunk.get(0).pointCount();
                    for (int e = 0; e < chunk.size(); e++) {
                        float[] y = chunk.get(e).contact();
                        for (int i = 0; i < n; i++) {
                            boolean truth = y[i] > 0.5f;
                            boolean predicted = z[e * n + i] > 0;
                            if (truth) {
                                pos++;
                                tp += predicted ? 1 : 0;
                            } else {
                                neg++;
                                tn += predicted ? 0 : 1;
                            }
                        }
                    }
                }
            }
        }
        double balanced = 0.5 * ((pos == 0 ? 1 : (double) tp / pos) + (neg == 0 ? 1 : (double) tn / neg));
        return new double[] {balanced, (double) pos / Math.max(1, pos + neg)};
    }

    /**
     * Saves the teacher.
     *
     * @param folder the folder
     * @throws IOException on a write failure
     */
    public void save(Path folder) throws IOException {
        Stored s = new Stored();
        s.config = config;
        s.provenance = provenance;
        ModelFolder.write(folder, GSON.toJson(s), ModelParameters.of(teacher).weights());
    }

    /**
     * Loads a teacher.
     *
     * @param folder the folder
     * @return the teacher; close it
     * @throws IOException if a file is missing or malformed
     */
    public static TeacherModel load(Path folder) throws IOException {
        return read(ModelFolder.read(folder, "assembly teacher"));
    }

    /** Resource folder of the shipped teacher. */
    public static final String DEFAULT_RESOURCE = "/io/flowkit/assembly/default-teacher/";

    /**
     * The shipped teacher: pretrained on contact prediction for 1,500 steps on synthetic fractures of the
     * training meshes, with seeds disjoint from the evaluation objects (its provenance says how).
     *
     * @return the teacher; close it
     * @throws UncheckedIOException if the jar lacks it
     */
    public static TeacherModel loadDefault() {
        return ModelFolder.loadShipped(TeacherModel.class, DEFAULT_RESOURCE, "no assembly teacher is shipped in the "
                + "flowkit-assembly jar (" + DEFAULT_RESOURCE + "); pretrain one with 'flowkit assembly teacher'",
                TeacherModel::read);
    }

    private static TeacherModel read(ModelFolder.Contents contents) throws IOException {
        Stored s = contents.parse(GSON, Stored.class);
        if (s == null || s.config == null) {
            throw new IOException(contents.source() + ": model.json lacks the configuration");
        }
        TeacherModel m = create(s.config, 0);
        try {
            ModelParameters p = ModelParameters.of(m.teacher);
            p.load(p.arrays(), contents.weights(), "", contents.source() + "/model.bin");
        } catch (RuntimeException e) {
            m.close();
            throw new IOException(contents.source() + ": " + e.getMessage(), e);
        }
        return new TeacherModel(m.config, m.manager, m.teacher, s.provenance);
    }

    /**
     * The alignment term with this teacher.
     *
     * @param kind CKA or cosine
     * @param subset points per object compared
     * @param seed seed of the subsets
     * @return the loss term
     */
    public RepresentationAlignment alignment(RepresentationAlignment.Kind kind, int subset, long seed) {
        return new RepresentationAlignment(teacher, store, kind, subset, seed);
    }

    /**
     * The teacher's features of assembled objects.
     *
     * @param assembled {@code (B, N, 3)}
     * @param parts one-hot membership {@code (B, N, K)}
     * @return {@code (B, N, d)} in the manager of {@code assembled}
     */
    public NDArray features(NDArray assembled, NDArray parts) {
        return teacher.forward(store, new NDList(assembled, parts), false).get(0);
    }

    /** @return the encoder's architecture */
    public AssemblyConfig config() {
        return config;
    }

    /** @return how it was pretrained, or null */
    public Provenance provenance() {
        return provenance;
    }

    /** Frees the weights. */
    @Override
    public void close() {
        manager.close();
    }

    /** The JSON form of model.json. */
    private static final class Stored {
        AssemblyConfig config;
        Provenance provenance;
    }
}
