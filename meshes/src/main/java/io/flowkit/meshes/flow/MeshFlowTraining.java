package io.flowkit.meshes.flow;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.engine.Versions;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.train.Adam;
import io.flowkit.flow.train.LearningRateSchedule;
import io.flowkit.flow.train.ModelParameters;
import io.flowkit.flow.train.ResumableLoop;
import io.flowkit.flow.train.TrainingOptions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a mesh flow on signals of one mesh ("Matérn Noise for Triangulation-Agnostic Flow Matching
 * on Meshes", 2026): {@code x0} from the source noise of the mesh, {@code x1} a training signal
 * (vertex positions in the unit frame, centred by area), {@code t ~ U(0, 1)},
 * {@code x_t = (1 − t)·x0 + t·x1}, target {@code x1 − x0}, loss {@link MeshFlowLoss}.
 *
 * <p>The Poisson solve sits outside the autograd graph, so each step back-propagates in two
 * passes: first from the loss to the solve's output u (and the vertex half's weights), then, with
 * {@code ∂L/∂h = A G (L + εM)⁻¹ ∂L/∂u} computed on the host, from the face fields h into the face
 * half's weights; the gradients of both passes add up before the AdamW update. Checkpoints (with
 * weights, EMA, optimizer moments, random state and loss history) are written every so many steps
 * and on a stop request; a run with the same checkpoint folder resumes from the newest one.
 */
public final class MeshFlowTraining {

    private final MeshDomain domain;
    private final List<double[]> signals;
    private final String dataset;
    private final TrainingOptions.Shared options;
    private volatile boolean stopRequested;

    private MeshFlowTraining(Builder b) {
        this.domain = b.domain;
        this.dataset = b.dataset;
        this.options = b.shared();
        this.signals = new ArrayList<>(b.signals.size());
        for (int i = 0; i < b.signals.size(); i++) {
            double[] s = b.signals.get(i);
            if (s.length != 3 * domain.vertexCount()) {
                throw new IllegalArgumentException("training signal " + i + " has " + s.length + " values, expected 3 x "
                        + domain.vertexCount() + " vertices");
            }
            for (double x : s) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("training signal " + i + " has a non-finite value: " + x);
                }
            }
            signals.add(domain.centre(domain.toUnit(s)));
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Asks a running training to write a checkpoint after its current step and stop. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Trains (resuming from the newest checkpoint when a checkpoint folder is set).
     *
     * @return the model with EMA weights and its provenance; or, after a stop request, the model as
     *     far as it got
     * @throws IllegalStateException if the loss becomes non-finite
     */
    public Trained run() {
        MeshFlowConfig config = domain.config();
        long steps = options.steps();
        double learningRate = options.learningRate();
        MeshFlowModel model = MeshFlowModel.create(config, options.seed(), Device.cpu());
        try {
            ModelParameters parameters = ModelParameters.of(model.network());
            Map<String, String> configuration = configuration(config);
            ResumableLoop.Result result = ResumableLoop.builder().setParameters(parameters, model.manager())
                    .setOptimizer(Adam.builderW().optWeightDecay(1e-5).optLearningRate(LearningRateSchedule.warmupCosine(
                            learningRate, Math.min(100, steps / 10), steps, learningRate / 20)).build())
                    .setSteps(steps, options.seed())
                    .setProvenance(configuration, (step, losses) -> provenance(config, configuration, step, losses))
                    .optEma(options.emaDecay()).optCheckpoints(options.checkpoints(),
                            options.checkpointEvery()).optProgress(options.progress())
                    .optStopSignal(() -> stopRequested)
                    .build().run((step, random, optimizer) -> step(model, parameters, optimizer, random, step));
            return new Trained(model, result.provenance(), result.losses(), result.seconds(), result.complete());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private double step(MeshFlowModel model, ModelParameters parameters, Adam.State optimizer, SeededRandom random,
            long step) {
        int n = domain.vertexCount();
        int b = options.batchSize();
        float[] xt = new float[b * 3 * n];
        float[] ut = new float[b * 3 * n];
        float[] t = new float[b];
        for (int k = 0; k < b; k++) {
            double[] x1 = signals.get(random.nextInt(signals.size()));
            double[] x0 = domain.noise(((long) random.nextInt(Integer.MAX_VALUE) << 20) ^ step);
            double time = random.nextDouble();
            t[k] = (float) time;
            for (int i = 0; i < 3 * n; i++) {
                xt[k * 3 * n + i] = (float) ((1 - time) * x0[i] + time * x1[i]);
                ut[k * 3 * n + i] = (float) (x1[i] - x0[i]);
            }
        }
        PoissonNetwork network = model.network();
        try (NDManager scope = model.manager().newSubManager()) {
            DomainArrays arrays = DomainArrays.of(domain, scope, b);
            NDArray states = scope.create(xt, new Shape(b, n, 3));
            NDArray target = scope.create(ut, new Shape(b, n, 3));
            NDArray times = scope.create(t);
            double value;
            try (GradientCollector collector = FlowEngine.get().newGradientCollector()) {
                NDArray h = network.faceField(model.parameterStore(), arrays, states, times, true);
                NDArray u = MeshFlowModel.poissonSolve(domain.poisson(), h, n);
                u.setRequiresGradient(true);
                NDArray v = network.vertexVelocity(model.parameterStore(), arrays, states, times, u, true);
                NDArray loss = MeshFlowLoss.compute(arrays, v, target, domain.config().gradientWeight())[0];
                collector.backward(loss);
                value = loss.getFloat();
                NDArray dh = MeshFlowModel.poissonAdjoint(domain.poisson(), u.getGradient(), arrays.faces());
                collector.backward(h.mul(dh).sum());
            }
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("mesh flow training diverged at step " + (step + 1) + ": the loss is "
                        + value + " (lower the learning rate)");
            }
            optimizer.update(step, parameters.clipScale(scope, 1.0));
            return value;
        }
    }

    /** The configuration a checkpoint and the model's provenance carry: the network's and the run's. */
    private Map<String, String> configuration(MeshFlowConfig config) {
        Map<String, String> m = new LinkedHashMap<>(config.describe());
        m.put("training.steps", Long.toString(options.steps()));
        m.put("training.batch", Integer.toString(options.batchSize()));
        m.put("training.learningRate", Double.toString(options.learningRate()));
        m.put("training.ema", Double.toString(options.emaDecay()));
        m.put("training.signals", Integer.toString(signals.size()));
        m.put("training.vertices", Integer.toString(domain.vertexCount()));
        return m;
    }

    private Provenance provenance(MeshFlowConfig config, Map<String, String> configuration, long step,
            List<Double> losses) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        int k = losses.size();
        if (k > 0) {
            metrics.put("loss.last100", losses.subList(Math.max(0, k - 100), k).stream().mapToDouble(Double::doubleValue)
                    .average().orElse(Double.NaN));
        }
        return new Provenance(Versions.flowkit(), Versions.djl(), Versions.engine(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), options.seed(), step, dataset, configuration, metrics,
                FlowEngine.threads());
    }

    /**
     * A trained model with what produced it.
     *
     * @param model the model with EMA weights; close it
     * @param provenance configuration, seed, data set and final loss, to save with it
     * @param lossHistory the loss of every step
     * @param seconds wall time of this run
     * @param finished whether all steps ran
     */
    public record Trained(MeshFlowModel model, Provenance provenance, List<Double> lossHistory, double seconds,
            boolean finished) implements AutoCloseable {

        /** Closes the model. */
        @Override
        public void close() {
            model.close();
        }
    }

    /** Configures a {@link MeshFlowTraining}. */
    public static final class Builder extends TrainingOptions<Builder> {
        private MeshDomain domain;
        private List<double[]> signals;
        private String dataset = "unnamed";

        private Builder() {
            super(3000, 4, 1e-3, 0.995);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param value the training mesh with the flow's settings (required)
         * @return this builder
         */
        public Builder setDomain(MeshDomain value) {
            this.domain = value;
            return this;
        }

        /**
         * @param values the training signals: vertex positions of the domain's mesh in its own
         *     coordinates, vertex-major xyz (required, at least one)
         * @param description what they are, for provenance
         * @return this builder
         */
        public Builder setSignals(List<double[]> values, String description) {
            this.signals = List.copyOf(values);
            this.dataset = description;
            return this;
        }

        /**
         * @return the training
         * @throws IllegalArgumentException if the mesh, signals or seed are missing, a signal does
         *     not fit the mesh, or a setting is invalid
         */
        public MeshFlowTraining build() {
            if (domain == null) {
                throw new IllegalArgumentException("a training mesh is required");
            }
            if (signals == null || signals.isEmpty()) {
                throw new IllegalArgumentException("training signals are required");
            }
            checkShared();
            return new MeshFlowTraining(this);
        }
    }
}
