package io.flowkit.assembly.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.assembly.assemble.Assembler;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.model.FlowSpace;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.flow.train.ModelParameters;
import io.flowkit.flow.train.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pose flow: training lowers the loss, resumes exactly, saves its flow space, and samples rigid, seeded poses. */
class PoseFlowTrainingTest {

    static List<AssemblyExample> train;
    static final AssemblyConfig CONFIG = new AssemblyConfig(4, 32, 4, 1, 4, 0);

    @TempDir
    Path dir;

    @BeforeAll
    static void data() throws Exception {
        train = SyntheticFractures.make(false, 12, 2, 3, AssemblyPreparation.builder().optPoints(128).build(), 1, n -> {});
    }

    @Test
    void aShortTrainingLowersTheLossAndSamplesRigidSeededPoses() throws Exception {
        try (PoseFlowTraining.Trained t = new PoseFlowTraining(CONFIG, train, "test", 200, 4, 2e-3, 3, null,
                ProgressListener.silent()).run()) {
            assertTrue(t.complete());
            assertEquals(FlowSpace.POSES, t.model().flowSpace());
            List<Double> l = t.losses();
            double first = l.subList(0, 20).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double last = l.subList(160, 200).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(last < 0.9 * first, "loss went from " + first + " to " + last);

            Assembler batched = Assembler.builder().setModel(t.model()).optSteps(6).optBatchSize(2).optSeed(9).build();
            List<Assembler.Result> r = batched.assembleAll(train.subList(0, 3), n -> {});
            Assembler.Result single = Assembler.builder().setModel(t.model()).optSteps(6).optBatchSize(1).optSeed(11).build()
                    .assemble(train.get(2));
            assertArrayEquals(r.get(2).points(), single.points(), 1e-4);
            for (int e = 0; e < 3; e++) {
                AssemblyExample example = train.get(e);
                List<RigidPose> poses = r.get(e).poses();
                assertEquals(example.partCount(), poses.size());
                assertTrue(poses.get(example.anchor()).isIdentity(), "the anchor moved");
                // every part moved rigidly: its points are its input points under its pose
                for (int p = 0; p < example.partCount(); p++) {
                    double[] placed = poses.get(p).apply(example.partPoints(p, false));
                    double[] sampled = gather(example, r.get(e).points(), p);
                    assertArrayEquals(placed, sampled, 1e-4);
                    double[] rot = poses.get(p).rotation();
                    assertEquals(0, So3.angle(rot, So3.exp(So3.log(rot))), 1e-9);
                }
            }
            // The pose flow runs through the engine's solvers: midpoint on a cosine grid, also rigid.
            List<PoseSampler.Sampled> midpoint = PoseSampler.sample(t.model(), train.subList(0, 1),
                    io.flowkit.flow.solve.OdeSolver.midpoint(), io.flowkit.flow.grid.TimeGrid.cosine(4), 9, 0);
            List<PoseSampler.Sampled> euler = PoseSampler.sample(t.model(), train.subList(0, 1), 6, 9, 0);
            AssemblyExample object = train.get(0);
            for (int p = 0; p < object.partCount(); p++) {
                assertArrayEquals(midpoint.get(0).poses().get(p).apply(object.partPoints(p, false)),
                        gather(object, midpoint.get(0).points(), p), 1e-4);
            }
            assertTrue(!java.util.Arrays.equals(midpoint.get(0).points(), euler.get(0).points()));
            // Assembler's default is Euler (r ran two objects per batch: float round-off of the batch only).
            assertArrayEquals(r.get(0).points(), euler.get(0).points(), 1e-4, "Assembler's Euler is PoseSampler's");
            IllegalArgumentException adaptive = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> PoseSampler.sample(t.model(), train.subList(0, 1), io.flowkit.flow.solve.OdeSolver.byName("dopri5"),
                            io.flowkit.flow.grid.TimeGrid.uniform(4), 9, 0));
            assertTrue(adaptive.getMessage().contains("fixed-step solver"), adaptive.getMessage());
            t.model().save(dir.resolve("model"), t.provenance());
            try (AssemblyModel loaded = AssemblyModel.load(dir.resolve("model"), Device.cpu())) {
                assertEquals(FlowSpace.POSES, loaded.flowSpace());
                assertEquals("poses", loaded.provenance().configuration().get("assembly.flow"));
            }
        }
    }

    @Test
    void aStoppedRunResumesToTheSameWeights() {
        float[] straight;
        try (PoseFlowTraining.Trained t = new PoseFlowTraining(CONFIG, train, "test", 30, 4, 2e-3, 5, dir.resolve("a"),
                ProgressListener.silent()).run()) {
            straight = weights(t.model());
        }
        Path folder = dir.resolve("b");
        PoseFlowTraining[] holder = new PoseFlowTraining[1];
        holder[0] = new PoseFlowTraining(CONFIG, train, "test", 30, 4, 2e-3, 5, folder, new ProgressListener() {
            @Override
            public void onStep(long step, long total, double loss, double rate) {
                if (step == 17) {
                    holder[0].requestStop();
                }
            }
        });
        try (PoseFlowTraining.Trained stopped = holder[0].run()) {
            assertFalse(stopped.complete());
            assertEquals(17, stopped.provenance().step());
        }
        try (PoseFlowTraining.Trained resumed = new PoseFlowTraining(CONFIG, train, "test", 30, 4, 2e-3, 5, folder,
                ProgressListener.silent()).run()) {
            assertTrue(resumed.complete());
            assertEquals(30, resumed.losses().size());
            assertArrayEquals(straight, weights(resumed.model()), 1e-6f);
        }
    }

    private static float[] weights(AssemblyModel model) {
        var w = ModelParameters.of(model.network()).weights();
        int total = 0;
        for (var t : w.values()) {
            total += t.values().length;
        }
        float[] out = new float[total];
        int o = 0;
        for (var t : w.values()) {
            System.arraycopy(t.values(), 0, out, o, t.values().length);
            o += t.values().length;
        }
        return out;
    }

    private static double[] gather(AssemblyExample e, double[] points, int part) {
        double[] out = new double[e.partPoints(part, false).length];
        int q = 0;
        for (int i = 0; i < e.partOf().length; i++) {
            if (e.partOf()[i] == part) {
                System.arraycopy(points, 3 * i, out, 3 * q++, 3);
            }
        }
        return out;
    }
}
