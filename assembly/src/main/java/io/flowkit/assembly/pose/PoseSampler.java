package io.flowkit.assembly.pose;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.flowkit.assembly.data.AssemblyBatch;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the pose flow: every non-anchor part starts at a random pose ({@link PosePath#source},
 * seeded per object) and the poses are integrated from t = 0 to 1 by Euler steps on SO(3) × R³. At
 * each step the network predicts the velocity of every point; each part's angular and linear rates
 * are the rigid motion closest to its points' velocities ({@link PosePath#rates}), and the part moves
 * by {@code R ← R exp(Δt Ω)}, {@code τ ← τ + Δt v}. The anchor stays at the identity.
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
     * Assembles objects.
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
        AssemblyBatch batch = AssemblyBatch.of(examples, model.config().maxParts());
        int n = batch.points();
        List<PoseState> states = new ArrayList<>();
        for (int e = 0; e < examples.size(); e++) {
            AssemblyExample example = examples.get(e);
            SeededRandom random = SeededRandom.of(seed + first + e);
            PosePath.Pose[] start = new PosePath.Pose[example.partCount()];
            for (int p = 0; p < start.length; p++) {
                start[p] = PosePath.source(random, PoseFlowTraining.SOURCE_SIGMA);
            }
            states.add(new PoseState(example, start));
        }
        ParameterStore store = new ParameterStore(model.manager(), false);
        double dt = 1.0 / steps;
        float[] x = new float[examples.size() * n * 3];
        try (FlowEngine.GradientMode off = FlowEngine.noGradient()) {
            for (int k = 0; k < steps; k++) {
                for (int e = 0; e < states.size(); e++) {
                    states.get(e).placed(x, e * n * 3);
                }
                float[] t = new float[examples.size()];
                java.util.Arrays.fill(t, (float) (k * dt));
                float[] u;
                try (NDManager scope = model.manager().newSubManager()) {
                    NDList in = new NDList(scope.create(x, new Shape(examples.size(), n, 3)), scope.create(t));
                    in.addAll(batch.condition(scope));
                    u = model.network().forward(store, in, false).get(0).toFloatArray();
                }
                for (int e = 0; e < states.size(); e++) {
                    PoseState s = states.get(e);
                    for (int p = 0; p < s.example().partCount(); p++) {
                        if (p == s.example().anchor()) {
                            continue;
                        }
                        PosePath.Pose pose = s.pose(p);
                        double[][] rates = PosePath.rates(pose.rotation(), s.localPoints(p), s.gather(u, e * n * 3, p));
                        double[] w = rates[0];
                        double[] r = So3.multiply(pose.rotation(), So3.exp(new double[] {dt * w[0], dt * w[1], dt * w[2]}));
                        double[] tr = pose.translation().clone();
                        for (int d = 0; d < 3; d++) {
                            tr[d] += dt * rates[1][d];
                        }
                        s.setPose(p, new PosePath.Pose(r, tr));
                    }
                }
            }
        }
        List<Sampled> out = new ArrayList<>();
        for (int e = 0; e < states.size(); e++) {
            PoseState s = states.get(e);
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

    /** Removes the round-off drift of repeated products: exp(log(R)) is orthonormal to working precision. */
    private static double[] orthonormal(double[] r) {
        return So3.exp(So3.log(r));
    }
}
