package io.flowkit.assembly.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.assembly.align.TeacherModel;
import io.flowkit.assembly.align.TeacherRecipe;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.model.FlowSpace;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.flow.train.TrainingRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembly recipes on 4 objects: the planar flow recipe trains and saves, stops when asked, resumes and
 * checks its settings; the teacher recipe resumes a stopped run and saves the teacher.
 */
class AssemblyRecipeTest {

    @TempDir
    Path dir;

    private static AssemblyRecipe.Builder tiny() {
        return AssemblyRecipe.builder().optPlanar(true).optObjects(4).optPoints(64).optMaxParts(3).optWidth(16)
                .optBlocks(1).optSteps(3).optProgress(ProgressListener.silent()).optLog(line -> { });
    }

    /** Asks the recipe in {@code recipe[0]} to stop after the first step. */
    private static ProgressListener stopAfterStep1(TrainingRecipe[] recipe) {
        return new ProgressListener() {
            @Override
            public void onStep(long step, long total, double loss, double stepsPerSecond) {
                if (step == 1) {
                    recipe[0].requestStop();
                }
            }
        };
    }

    /** Records in {@code at[0]} the step at which training started or resumed. */
    private static ProgressListener recordStart(long[] at) {
        return new ProgressListener() {
            @Override
            public void onStart(long step, long total) {
                at[0] = step;
            }
        };
    }

    @Test
    void trainsAndSavesTheModelWithItsProvenance() throws Exception {
        List<String> log = new ArrayList<>();
        Path out = dir.resolve("model");
        TrainingRecipe.Outcome o = tiny().optLog(log::add).build().run(out);
        assertTrue(o.finished());
        assertEquals(3, o.step());
        assertEquals(out, o.model());
        assertTrue(o.summary().startsWith("model written to " + out.toAbsolutePath()), o.summary());
        assertTrue(Files.isRegularFile(out.resolve("model.json")));
        assertTrue(Files.isDirectory(out.resolve("checkpoints")));
        assertTrue(log.size() == 1 && log.get(0).startsWith("assembly train: 4 objects in "), log.toString());
        try (AssemblyModel m = AssemblyModel.load(out, Device.cpu())) {
            assertEquals(3, m.provenance().step());
            assertTrue(m.provenance().dataset().contains("4 objects, 2-3 parts, 64 points, seed 0"), m.provenance().dataset());
        }
    }

    @Test
    void aStopBeforeTrainingSavesNothing() throws Exception {
        for (FlowSpace flow : FlowSpace.values()) {
            AssemblyRecipe recipe = tiny().optFlow(flow).build();
            recipe.requestStop();
            Path out = dir.resolve(flow.label());
            TrainingRecipe.Outcome o = recipe.run(out);
            assertFalse(o.finished(), flow.label());
            assertEquals(0, o.step(), flow.label());
            assertEquals("stopped at step 0", o.summary());
            assertFalse(Files.exists(out.resolve("model.json")), flow.label());
        }
    }

    @Test
    void aStopDuringTrainingCheckpointsAndTheNextRunResumes() throws Exception {
        Path out = dir.resolve("resumed");
        TrainingRecipe[] recipe = new TrainingRecipe[1];
        recipe[0] = tiny().optProgress(stopAfterStep1(recipe)).build();
        TrainingRecipe.Outcome stopped = recipe[0].run(out);
        assertFalse(stopped.finished());
        assertEquals(1, stopped.step());
        assertFalse(Files.exists(out.resolve("model.json")));
        long[] resumedAt = {-1};
        TrainingRecipe.Outcome resumed = tiny().optProgress(recordStart(resumedAt)).build().run(out);
        assertEquals(1, resumedAt[0], "resumed from the checkpoint");
        assertTrue(resumed.finished());
        assertEquals(3, resumed.step());
        assertTrue(Files.isRegularFile(out.resolve("model.json")));
    }

    @Test
    void theBuilderRejectsBadSettings() {
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> tiny().optSteps(-1).build());
        assertEquals("steps is not positive: -1", steps.getMessage());
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class,
                () -> tiny().optLearningRate(0).build());
        assertEquals("learning rate is not positive: 0.0", lr.getMessage());
        IllegalArgumentException normals = assertThrows(IllegalArgumentException.class,
                () -> tiny().optNormals(true).build());
        assertTrue(normals.getMessage().startsWith("normals need meshes"), normals.getMessage());
    }

    @Test
    void theTeacherRecipeResumesAStoppedRunAndSavesTheTeacher() throws Exception {
        Path out = dir.resolve("teacher");
        TrainingRecipe[] recipe = new TrainingRecipe[1];
        recipe[0] = TeacherRecipe.builder().optObjects(4).optPoints(64).optMaxParts(3).optWidth(16).optSteps(3)
                .optProgress(stopAfterStep1(recipe)).build();
        TrainingRecipe.Outcome stopped = recipe[0].run(out);
        assertFalse(stopped.finished());
        assertEquals(1, stopped.step());
        assertFalse(Files.exists(out.resolve("model.json")));
        long[] resumedAt = {-1};
        TrainingRecipe.Outcome done = TeacherRecipe.builder().optObjects(4).optPoints(64).optMaxParts(3).optWidth(16)
                .optSteps(3).optProgress(recordStart(resumedAt)).build().run(out);
        assertEquals(1, resumedAt[0], "resumed from the checkpoint");
        assertTrue(done.finished());
        assertEquals(3, done.step());
        assertTrue(done.summary().startsWith("teacher written to "), done.summary());
        try (TeacherModel t = TeacherModel.load(out)) {
            assertEquals(3, t.provenance().step());
            assertEquals(100, t.provenance().seed());
            assertTrue(t.provenance().metrics().containsKey("validation.balancedAccuracy"), t.provenance().toString());
        }
    }
}
