package io.flowkit.assembly.assemble;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.assembly.data.AssemblyBatch;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.model.FlowSpace;
import io.flowkit.assembly.pose.PoseSampler;
import io.flowkit.core.math.Kabsch;
import io.flowkit.core.math.Superposition;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Assembles prepared objects with a trained flow. A pose-space model ({@link FlowSpace#POSES}) is
 * sampled by {@link PoseSampler} (the same solver on SO(3) × R³). A point-space model (Rectified Point Flow, Sun et al. 2025): the
 * non-anchor points start from Gaussian noise, the anchor's at its pose, and the flow is integrated
 * from t = 0 to 1 (Euler with 50 steps by default; midpoint, Heun and RK4 available). Each part's
 * rigid pose is then recovered from its input points and its predicted assembled points by Kabsch
 * superposition (a proper rotation: the determinant is fixed). Object i draws its noise from seed
 * + i, so results do not depend on the batch size.
 */
public final class Assembler {

    private final AssemblyModel model;
    private final TimeGrid grid;
    private final OdeSolver solver;
    private final long seed;
    private final int batchSize;

    private Assembler(Builder b) {
        this.model = b.model;
        this.grid = b.grid != null ? b.grid : TimeGrid.uniform(b.steps);
        this.solver = b.solver;
        this.seed = b.seed;
        this.batchSize = b.batchSize;
    }

    /** @return a builder; the model is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The outcome for one object.
     *
     * @param poses the predicted pose of each part (input pose to assembled)
     * @param points the flow's assembled points, interleaved xyz
     */
    public record Result(List<RigidPose> poses, double[] points) {
        /** Copies what it is given: a result is immutable. */
        public Result {
            poses = List.copyOf(poses);
            points = points.clone();
        }

        /** @return a copy of the assembled points, interleaved xyz */
        @Override
        public double[] points() {
            return points.clone();
        }
    }

    /**
     * Assembles one object.
     *
     * @param example the object
     * @return the poses and points
     */
    public Result assemble(AssemblyExample example) {
        return assembleAll(List.of(example), done -> {}).get(0);
    }

    /**
     * Assembles objects.
     *
     * @param examples objects with the same point count
     * @param progress receives the number of finished objects after each batch
     * @return one result per object
     */
    public List<Result> assembleAll(List<AssemblyExample> examples, IntConsumer progress) {
        List<Result> out = new ArrayList<>();
        for (int start = 0; start < examples.size(); start += batchSize) {
            List<AssemblyExample> chunk = examples.subList(start, Math.min(examples.size(), start + batchSize));
            if (model.flowSpace() == FlowSpace.POSES) {
                for (PoseSampler.Sampled s : PoseSampler.sample(model, chunk, solver, grid, seed, start)) {
                    out.add(new Result(s.poses(), s.points()));
                }
            } else {
                out.addAll(flowPoints(chunk, start));
            }
            progress.accept(out.size());
        }
        return out;
    }

    /** The point flow on one batch: noise to assembled points, then Kabsch per part. */
    private List<Result> flowPoints(List<AssemblyExample> chunk, int start) {
        AssemblyBatch batch = AssemblyBatch.of(chunk, model.config().maxParts());
        int n = batch.points();
        float[] x0 = new float[chunk.size() * n * 3];
        for (int e = 0; e < chunk.size(); e++) {
            float[] noise = SeededRandom.of(seed + start + e).gaussian(n * 3);
            for (int i = 0; i < n; i++) {
                boolean anchor = batch.anchor()[e * n + i] > 0;
                for (int d = 0; d < 3; d++) {
                    int k = (e * n + i) * 3 + d;
                    x0[k] = anchor ? batch.input()[k] : noise[3 * i + d];
                }
            }
        }
        float[] result;
        try (FlowEngine.GradientMode off = FlowEngine.noGradient();
                NDManager scope = model.manager().newSubManager()) {
            NDList condition = batch.condition(scope);
            NDArray x = scope.create(x0, new Shape(chunk.size(), n, 3));
            result = solver.solve(model.field().withCondition(condition), x, grid, false)
                    .state().toFloatArray();
        }
        List<Result> out = new ArrayList<>();
        for (int e = 0; e < chunk.size(); e++) {
            double[] points = new double[n * 3];
            for (int k = 0; k < points.length; k++) {
                points[k] = result[e * n * 3 + k];
            }
            out.add(new Result(poses(chunk.get(e), points), points));
        }
        return out;
    }

    /** Kabsch per part: input points onto predicted points; the anchor keeps the identity. */
    static List<RigidPose> poses(AssemblyExample example, double[] predicted) {
        List<RigidPose> poses = new ArrayList<>();
        int[] partOf = example.partOf();
        for (int p = 0; p < example.partCount(); p++) {
            if (p == example.anchor()) {
                poses.add(RigidPose.identity());
                continue;
            }
            double[] in = example.partPoints(p, false);
            double[] pred = new double[in.length];
            int q = 0;
            for (int i = 0; i < partOf.length; i++) {
                if (partOf[i] == p) {
                    System.arraycopy(predicted, 3 * i, pred, 3 * q++, 3);
                }
            }
            Superposition s = Kabsch.superpose(in, pred);
            poses.add(RigidPose.of(s.rotation(), s.translation()));
        }
        return poses;
    }

    /** Configures an {@link Assembler}. */
    public static final class Builder {
        private AssemblyModel model;
        private int steps = 50;
        private OdeSolver solver = OdeSolver.euler();
        private TimeGrid grid;
        private long seed;
        private int batchSize = 8;

        private Builder() {}

        /**
         * @param value the trained model (required)
         * @return this builder
         */
        public Builder setModel(AssemblyModel value) {
            this.model = value;
            return this;
        }

        /**
         * @param value integration steps (default 50, as RPF)
         * @return this builder
         */
        public Builder optSteps(int value) {
            this.steps = value;
            this.grid = null;
            return this;
        }

        /**
         * @param value euler (default), midpoint, heun or rk4
         * @return this builder
         */
        public Builder optSolver(String value) {
            return optSolver(OdeSolver.byName(value));
        }

        /**
         * The solver, as every flowkit generator takes it.
         *
         * @param value a solver of {@link OdeSolver} (default Euler)
         * @return this builder
         */
        public Builder optSolver(OdeSolver value) {
            this.solver = java.util.Objects.requireNonNull(value, "solver");
            return this;
        }

        /**
         * @param value the time grid, e.g. a Bellman-optimal one (replaces the steps)
         * @return this builder
         */
        public Builder optTimeGrid(TimeGrid value) {
            this.grid = java.util.Objects.requireNonNull(value, "grid");
            return this;
        }

        /**
         * @param value seed of the starting noise (default 0)
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value objects integrated together (default 8)
         * @return this builder
         */
        public Builder optBatchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * @return the assembler
         * @throws IllegalArgumentException if the model is missing or a setting is invalid
         */
        public Assembler build() {
            if (model == null) {
                throw new IllegalArgumentException("a model is required");
            }
            if (steps < 1 || batchSize < 1) {
                throw new IllegalArgumentException("steps and batch size must be positive: " + steps + ", " + batchSize);
            }
            return new Assembler(this);
        }
    }
}
