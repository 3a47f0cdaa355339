package io.flowkit.assembly.pose;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.flowkit.assembly.data.AssemblyBatch;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.model.FlowSpace;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.engine.Versions;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.time.TimeSampler;
import io.flowkit.flow.train.Adam;
import io.flowkit.flow.train.LearningRateSchedule;
import io.flowkit.flow.train.ModelParameters;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.flow.train.ResumableLoop;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the pose flow (GARF, Li et al. 2025) with the point flow's network: per step, each object
 * of the batch gets a time t (U-shaped, as RPF), each non-anchor part a random source pose
 * ({@link PosePath#source}), and the network sees the parts placed at their pose at time t and
 * learns the velocity the rigid motion gives each point (mean squared error over non-anchor points).
 * AdamW with warm-up and cosine decay, gradient clipping at norm 1, EMA of the weights (0.999).
 * Checkpoints carry weights, EMA, optimiser moments and the random state; a run with the same
 * checkpoint folder resumes from the newest one, and {@link #requestStop()} stops after the current
 * step with a checkpoint.
 */
public final class PoseFlowTraining {

    /** Standard deviation of each coordinate of the source translations, in the object's unit frame. */
    public static final double SOURCE_SIGMA = 1.0;

    private final AssemblyConfig config;
    private final List<AssemblyExample> examples;
    private final String description;
    private final long steps;
    private final int batchSize;
    private final double learningRate;
    private final long seed;
    private final Path checkpoints;
    private final ProgressListener progress;
    private volatile boolean stopRequested;
    private ParameterStore store;

    /**
     * A training run.
     *
     * @param config the architecture (no alignment head)
     * @param examples training objects with the same point count
     * @param description what they are, for provenance
     * @param steps training steps
     * @param batchSize objects per step
     * @param learningRate peak learning rate
     * @param seed seed of the weights, batches, times and source poses
     * @param checkpoints checkpoint folder (resumed from), or {@code null}
     * @param progress progress listener
     * @throws IllegalArgumentException on an empty data set, mixed point counts or invalid settings
     */
    public PoseFlowTraining(AssemblyConfig config, List<AssemblyExample> examples, String description, long steps,
            int batchSize, double learningRate, long seed, Path checkpoints, ProgressListener progress) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training objects");
        }
        int n = examples.get(0).pointCount();
        for (AssemblyExample e : examples) {
            if (e.pointCount() != n) {
                throw new IllegalArgumentException("object " + e.id() + " has " + e.pointCount() + " points, not " + n);
            }
            if (e.partCount() > config.maxParts()) {
                throw new IllegalArgumentException("object " + e.id() + " has " + e.partCount() + " parts, more than "
                        + config.maxParts());
            }
        }
        if (steps < 1 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("steps, batch size and learning rate must be positive: " + steps + ", "
                    + batchSize + ", " + learningRate);
        }
        if (config.alignWidth() != 0) {
            throw new IllegalArgumentException("the pose flow takes no alignment head: align width " + config.alignWidth());
        }
        this.config = config;
        this.examples = List.copyOf(examples);
        this.description = description;
        this.steps = steps;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.seed = seed;
        this.checkpoints = checkpoints;
        this.progress = progress;
    }

    /** Asks a running training to write a checkpoint after its current step and stop. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Trains (resuming from the newest checkpoint when a checkpoint folder is set).
     *
     * @return the model with EMA weights, its provenance and whether all steps ran
     * @throws IllegalStateException if the loss becomes non-finite
     */
    public Trained run() {
        AssemblyModel model = AssemblyModel.create(config, FlowSpace.POSES, seed, Device.cpu());
        try {
            ModelParameters parameters = ModelParameters.of(model.network());
            store = new ParameterStore(model.manager(), false);
            Map<String, String> configuration = configuration();
            TimeSampler times = TimeSampler.uShaped(4);
            ResumableLoop.Result result = ResumableLoop.builder().setParameters(parameters, model.manager())
                    .setOptimizer(Adam.builderW().optWeightDecay(1e-5).optLearningRate(LearningRateSchedule.warmupCosine(
                            learningRate, Math.min(200, steps / 10), steps, learningRate / 20)).build())
                    .setSteps(steps, seed).setProvenance(configuration, (step, losses) -> provenance(configuration, step, losses))
                    .optEma(0.999).optCheckpoints(checkpoints, 0).optProgress(progress).optStopSignal(() -> stopRequested)
                    .build().run((step, random, optimizer) -> step(model, parameters, optimizer, random, times, step));
            return new Trained(model, result.provenance(), result.losses(), result.complete());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private double step(AssemblyModel model, ModelParameters parameters, Adam.State optimizer, SeededRandom random,
            TimeSampler times, long step) {
        List<AssemblyExample> chosen = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            chosen.add(examples.get(random.nextInt(examples.size())));
        }
        float[] t = times.sample(chosen.size(), random);
        AssemblyBatch batch = AssemblyBatch.of(chosen, config.maxParts());
        int n = batch.points();
        float[] xt = new float[chosen.size() * n * 3];
        float[] target = new float[xt.length];
        float[] mask = new float[chosen.size() * n];
        for (int e = 0; e < chosen.size(); e++) {
            AssemblyExample example = chosen.get(e);
            PosePath.Pose[] current = new PosePath.Pose[example.partCount()];
            double[][][] rates = new double[example.partCount()][][];
            for (int p = 0; p < example.partCount(); p++) {
                if (p == example.anchor()) {
                    current[p] = PoseState.identity();
                    rates[p] = new double[][] {new double[3], new double[3]};
                    continue;
                }
                PosePath.Pose source = PosePath.source(random, SOURCE_SIGMA);
                PosePath.Pose truth = new PosePath.Pose(example.poses().get(p).rotation(), example.poses().get(p).translation());
                current[p] = PosePath.at(source, truth, t[e]);
                double[] to = truth.translation();
                double[] from = source.translation();
                double[] v = new double[3];
                for (int d = 0; d < 3; d++) {
                    v[d] = to[d] - from[d];
                }
                rates[p] = new double[][] {PosePath.angularRate(source.rotation(), truth.rotation()), v};
            }
            PoseState state = new PoseState(example, current);
            state.placed(xt, e * n * 3);
            state.scatter(target, e * n * 3, p -> PosePath.pointVelocities(state.pose(p).rotation(), rates[p][0],
                    rates[p][1], state.localPoints(p)));
            for (int i = 0; i < n; i++) {
                mask[e * n + i] = example.partOf()[i] == example.anchor() ? 0f : 1f;
            }
        }
        try (NDManager scope = model.manager().newSubManager()) {
            NDList condition = batch.condition(scope);
            NDList in = new NDList(scope.create(xt, new Shape(chosen.size(), n, 3)), scope.create(t));
            in.addAll(condition);
            NDArray u = scope.create(target, new Shape(chosen.size(), n, 3));
            NDArray m = scope.create(mask, new Shape(chosen.size(), n, 1));
            double loss;
            try (GradientCollector c = FlowEngine.get().newGradientCollector()) {
                NDArray predicted = model.network().forward(store, in, true).get(0);
                NDArray l = predicted.sub(u).square().mul(m).sum().div(m.sum().mul(3f).maximum(1f));
                c.backward(l);
                loss = l.getFloat();
            }
            optimizer.update(step, parameters.clipScale(scope, 1.0));
            return loss;
        }
    }

    private Map<String, String> configuration() {
        Map<String, String> m = new LinkedHashMap<>(config.describe());
        m.put("assembly.flow", FlowSpace.POSES.label());
        m.put("trainer.steps", Long.toString(steps));
        m.put("trainer.batchSize", Integer.toString(batchSize));
        m.put("trainer.learningRate", Double.toString(learningRate));
        m.put("trainer.timeSampler", "u-shaped:4.0");
        m.put("trainer.sourceSigma", Double.toString(SOURCE_SIGMA));
        m.put("trainer.ema", "0.999");
        m.put("trainer.clipGradNorm", "1.0");
        return m;
    }

    private Provenance provenance(Map<String, String> configuration, long step, List<Double> losses) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        int from = Math.max(0, losses.size() - 100);
        metrics.put("loss.last100", losses.subList(from, losses.size()).stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN));
        return new Provenance(Versions.flowkit(), Versions.djl(), Versions.engine(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), seed, step, description, configuration, metrics,
                FlowEngine.threads());
    }

    /**
     * A trained pose-flow model.
     *
     * @param model the model with EMA weights; close it
     * @param provenance configuration, seed, data and loss
     * @param losses the loss of every step
     * @param complete whether every step ran (false after a stop request)
     */
    public record Trained(AssemblyModel model, Provenance provenance, List<Double> losses, boolean complete)
            implements AutoCloseable {

        /** Closes the model. */
        @Override
        public void close() {
            model.close();
        }
    }
}
