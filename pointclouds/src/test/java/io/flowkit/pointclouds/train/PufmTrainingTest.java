package io.flowkit.pointclouds.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.flow.train.ProgressListener;
import io.flowkit.pointclouds.data.PatchPairs;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.data.UpsamplingPatch;
import io.flowkit.pointclouds.model.PufmConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short trainings on real patches (a training mesh of the PU-GAN protocol). */
class PufmTrainingTest {

    static final PufmConfig SMALL = PufmConfig.defaults().withSize(16, 1).withPatchSize(32);
    private static final int STEPS = 60;
    private static List<TrainingPatch> patches;

    @BeforeAll
    static void data() throws Exception {
        ShapeSample chair = PuProtocol.load("chair", 4, 1);
        patches = new ArrayList<>();
        for (UpsamplingPatch p : PatchPairs.build(chair, SMALL.patchSize(), SMALL.ratio(), 12, 1)) {
            patches.add(new TrainingPatch(p.interpolated(), p.truth()));
        }
    }

    private static PufmTraining.Builder training(Path checkpoints) {
        return PufmTraining.builder().setTrainingData(patches, "12 chair patches").setSeed(3).optConfig(SMALL)
                .optSteps(STEPS, 10).optBatchSize(4).optCheckpoints(checkpoints);
    }

    /** The mean squared target velocity over the patches: the loss of a field that predicts zero. */
    static double zeroFieldLoss(List<TrainingPatch> patches) {
        PatchSource source = new PatchSource(patches, SMALL, false, "zero field");
        double sum = 0;
        long count = 0;
        io.flowkit.flow.random.SeededRandom random = io.flowkit.flow.random.SeededRandom.of(7);
        for (int start = 0; start < patches.size(); start += 8) {
            io.flowkit.flow.train.HostBatch host = source.inOrder(start, Math.min(8, patches.size() - start), random);
            for (int i = 0; i < host.x0().length; i++) {
                double d = host.x1()[i] - host.x0()[i];
                sum += d * d;
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void stageOneBeatsTheZeroField(@TempDir Path dir) throws Exception {
        // The reference a learned field must beat: the zero field, whose loss is E‖x1 − x0‖² on the same
        // patches (the straight path's target velocity is x1 − x0 at every t). 300 steps of this tiny model
        // get below it (measured 0.0094 against 0.0100); 60 did not. (A run of its own: the resume test
        // below compares losses to 1e-6, which a longer run's float round-off could exceed.)
        try (PufmTraining.Trained trained = PufmTraining.builder().setTrainingData(patches, "12 chair patches").setSeed(3)
                .optConfig(SMALL).optSteps(300, 0).optBatchSize(4).optCheckpoints(dir).build().run()) {
            List<Double> loss = trained.stage1().lossHistory();
            double last = loss.subList(290, 300).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double zero = zeroFieldLoss(patches);
            assertTrue(last < zero, "stage-1 loss " + last + " vs the zero field's " + zero);
        }
    }

    @Test
    void theStagesLowerTheirLossesAndAStoppedRunResumesToTheSameModel(@TempDir Path dir) throws Exception {
        double[] straight;
        try (PufmTraining.Trained whole = training(dir.resolve("whole")).build().run()) {
            assertTrue(whole.finished());
            List<Double> loss = whole.stage1().lossHistory();
            assertEquals(STEPS, loss.size());
            double first = loss.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double last = loss.subList(STEPS - 10, STEPS).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(last < first, "stage-1 loss " + first + " -> " + last);
            assertEquals(10, whole.stage2().steps());
            assertTrue(whole.model().schedule().isPresent(), "stage 3 stores the loss profile");
            assertEquals(STEPS + 10, whole.provenance().step());
            straight = LossProfile.losses(whole.model(), patches.subList(0, 4), 5, 7);
        }
        PufmTraining[] holder = new PufmTraining[1];
        holder[0] = training(dir.resolve("split")).optProgress(new ProgressListener() {
            @Override
            public void onStep(long step, long total, double loss, double stepsPerSecond) {
                if (step == 25) {
                    holder[0].requestStop();
                }
            }
        }).build();
        try (PufmTraining.Trained stopped = holder[0].run()) {
            assertFalse(stopped.finished());
            assertTrue(stopped.stage1().steps() < STEPS);
        }
        try (PufmTraining.Trained resumed = training(dir.resolve("split")).build().run()) {
            assertTrue(resumed.finished());
            assertArrayEquals(straight, LossProfile.losses(resumed.model(), patches.subList(0, 4), 5, 7), 1e-6);
        }
    }

    @Test
    void patchesOfTheWrongSizeAndMissingSettingsAreRejected() {
        TrainingPatch small = new TrainingPatch(new double[] {0, 0, 0, 1, 0, 0}, new double[] {0, 0, 1, 1, 1, 0});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PatchSource(List.of(small), SMALL, true, "x"));
        assertTrue(e.getMessage().contains("2 points"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PufmTraining.builder().setTrainingData(patches, "x").build());
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingPatch(new double[] {0, 0, Double.NaN}, new double[] {0, 0, 0}));
    }
}
