package io.flowkit.assembly.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.flowkit.assembly.data.AssemblyBatch;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.manifold.Manifold;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.RungeKutta;
import io.flowkit.flow.solve.VelocityFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the pose flow: every non-anchor part starts at a random pose ({@link PosePath#source},
 * seeded per object) and the poses are integrated from t = 0 to 1 on SO(3) × R³ by the engine's
 * solvers ({@link Manifold#rigidMotions()}: Euler, midpoint, Heun or RK4 on any time grid). At each
 * evaluation the network predicts the velocity of every point; each part's angular and linear rates
 * are the rigid motion closest to its points' velocities ({@link PosePath#rates}), and a step moves
 * the part by {@code R ← R exp(Δt Ω)}, {@code τ ← τ + Δt v}. The anchor stays at the identity.
 */
public final class PoseSampler {

    private PoseSampler() {}

    /**
     * The sampled poses of one object.
     *
     * @param poses one pose per part, input pose to assembled
     * @param points the input points placed by these poses, interleaved xyz
     */
    public record Sampled(List<RigidPose> poses, double[] points) {
        /** Copies what it is given: a sample is immutable. */
        public Sampled {
            poses = List.copyOf(poses);
            points = points.clone();
        }

        /** @return a copy of the placed points, interleaved xyz */
        @Override
        public double[] points() {
            return points.clone();
        }
    }

    /**
     * Assembles objects with Euler steps on a uniform grid.
     *
     * @param model a pose-flow model
     * @param examples objects with the same point count
     * @param steps Euler steps
     * @param seed object i (counting from {@code first}) draws its source poses from {@code seed + i}
     * @param first the index of the first object, for the seeds
     * @return one result per object
     */
    public static List<Sampled> sample(AssemblyModel model, List<AssemblyExample> examples, int steps, long seed, int first) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps is below 1: " + steps);
        }
        return sample(model, examples, OdeSolver.euler(), TimeGrid.uniform(steps), seed, first);
    }

    /**
     * Assembles objects with any fixed-step solver of the engine on any time grid (BOSS grids
     * included), stepping on SO(3) × R³ by its exponential map ({@link Manifold#rigidMotions()}).
     *
     * @param model a pose-flow model
     * @param examples objects with the same point count
     * @param solver euler, midpoint, heun or rk4 ({@link OdeSolver#byName})
     * @param grid the time grid from 0 to 1
     * @param seed object i (counting from {@code first}) draws its source poses from {@code seed + i}
     * @param first the index of the first object, for the seeds
     * @return one result per object
     * @throws IllegalArgumentException if the solver is adaptive (dopri5 has no step on a manifold)
     */
    public static List<Sampled> sample(AssemblyModel model, List<AssemblyExample> examples, OdeSolver solver,
            TimeGrid grid, long seed, int first) {
        if (!(solver instanceof RungeKutta rk)) {
            throw new IllegalArgumentException("the pose flow needs a fixed-step solver (euler, midpoint, heun, rk4): "
                    + solver.name());
        }
        AssemblyBatch batch = AssemblyBatch.of(examples, model.config().maxParts());
        List<PoseState> states = new ArrayList<>();
        int parts = 0;
        for (int e = 0; e < examples.size(); e++) {
            AssemblyExample example = examples.get(e);
            SeededRandom random = SeededRandom.of(seed + first + e);
            PosePath.Pose[] start = new PosePath.Pose[example.partCount()];
            for (int p = 0; p < start.length; p++) {
                start[p] = PosePath.source(random, PoseFlowTraining.SOURCE_SIGMA);
            }
            states.add(new PoseState(example, start));
            parts = Math.max(parts, example.partCount());
        }
        double[] end;
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray x0 = scope.create(stack(states, parts), new Shape(examples.size(), parts, 12));
            PoseField field = new PoseField(model, batch, states, parts);
            end = rk.on(Manifold.rigidMotions()).solve(field, x0, grid, false).state().toDoubleArray();
        }
        unstack(end, states, parts);
        List<Sampled> out = new ArrayList<>();
        int n = batch.points();
        for (PoseState s : states) {
            List<RigidPose> poses = new ArrayList<>();
            for (int p = 0; p < s.example().partCount(); p++) {
                poses.add(p == s.example().anchor() ? RigidPose.identity()
                        : RigidPose.of(orthonormal(s.pose(p).rotation()), s.pose(p).translation()));
            }
            float[] placed = new float[n * 3];
            s.placed(placed, 0);
            double[] points = new double[placed.length];
            for (int i = 0; i < points.length; i++) {
                points[i] = placed[i];
            }
            out.add(new Sampled(poses, points));
        }
        return out;
    }

    /** The poses as rigid-motion points {@code (objects, parts, 12)}; missing parts are the identity. */
    private static double[] stack(List<PoseState> states, int parts) {
        double[] x = new double[states.size() * parts * 12];
        for (int e = 0; e < states.size(); e++) {
            for (int p = 0; p < parts; p++) {
                int o = (e * parts + p) * 12;
                if (p < states.get(e).example().partCount()) {
                    PosePath.Pose pose = states.get(e).pose(p);
                    System.arraycopy(pose.rotation(), 0, x, o, 9);
                    System.arraycopy(pose.translation(), 0, x, o + 9, 3);
                } else {
                    x[o] = 1;
                    x[o + 4] = 1;
                    x[o + 8] = 1;
                }
            }
        }
        return x;
    }

    /** Sets every part's pose from rigid-motion points {@code (objects, parts, 12)}. */
    static void unstack(double[] x, List<PoseState> states, int parts) {
        for (int e = 0; e < states.size(); e++) {
            PoseState s = states.get(e);
            for (int p = 0; p < s.example().partCount(); p++) {
                int o = (e * parts + p) * 12;
                s.setPose(p, new PosePath.Pose(java.util.Arrays.copyOfRange(x, o, o + 9),
                        java.util.Arrays.copyOfRange(x, o + 9, o + 12)));
            }
        }
    }

    /**
     * The pose flow's velocity on SO(3) × R³: the parts placed at the current poses, the network's
     * point velocities, and each part's rigid rates closest to them ({@link PosePath#rates}); the
     * anchor and missing parts stand still.
     */
    private static final class PoseField implements VelocityFunction {

        private final AssemblyModel model;
        private final AssemblyBatch batch;
        private final List<PoseState> states;
        private final int parts;
        private final ParameterStore store;

        PoseField(AssemblyModel model, AssemblyBatch batch, List<PoseState> states, int parts) {
            this.model = model;
            this.batch = batch;
            this.states = states;
            this.parts = parts;
            this.store = new ParameterStore(model.manager(), false);
        }

        @Override
        public NDArray evaluate(NDArray x, double t) {
            unstack(x.toDoubleArray(), states, parts);
            int n = batch.points();
            float[] placed = new float[states.size() * n * 3];
            for (int e = 0; e < states.size(); e++) {
                states.get(e).placed(placed, e * n * 3);
            }
            float[] times = new float[states.size()];
            java.util.Arrays.fill(times, (float) t);
            float[] u;
            try (NDManager scope = model.manager().newSubManager()) {
                NDList in = new NDList(scope.create(placed, new Shape(states.size(), n, 3)), scope.create(times));
                in.addAll(batch.condition(scope));
                u = model.network().forward(store, in, false).get(0).toFloatArray();
            }
            double[] rates = new double[states.size() * parts * 6];
            for (int e = 0; e < states.size(); e++) {
                PoseState s = states.get(e);
                for (int p = 0; p < s.example().partCount(); p++) {
                    if (p == s.example().anchor()) {
                        continue;
                    }
                    double[][] r = PosePath.rates(s.pose(p).rotation(), s.localPoints(p), s.gather(u, e * n * 3, p));
                    System.arraycopy(r[0], 0, rates, (e * parts + p) * 6, 3);
                    System.arraycopy(r[1], 0, rates, (e * parts + p) * 6 + 3, 3);
                }
            }
            return x.getManager().create(rates, new Shape(states.size(), parts, 6));
        }
    }

    /** Removes the round-off drift of repeated products: exp(log(R)) is orthonormal to working precision. */
    private static double[] orthonormal(double[] r) {
        return So3.exp(So3.log(r));
    }
}
