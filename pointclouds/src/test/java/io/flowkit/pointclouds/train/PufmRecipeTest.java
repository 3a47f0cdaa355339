package io.flowkit.pointclouds.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.flow.train.TrainingRecipe;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.model.PufmModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PufmRecipeTest {

    private static PufmRecipe.Builder tiny(List<String> log) {
        return PufmRecipe.builder().optSteps(3).optRefineSteps(2).optBatchSize(2).optWidth(16).optBlocks(1)
                .optPatchesPerMesh(1).optPatchesPerCloud(0).optSeed(4).optProgress(ProgressListener.silent())
                .optLog(log::add);
    }

    @Test
    void runsBothStagesOnTheRealTrainingSetAndSavesTheModelWithItsProvenance(@TempDir Path dir) throws Exception {
        List<String> log = new ArrayList<>();
        Path out = dir.resolve("model");
        TrainingRecipe.Outcome outcome = tiny(log).build().run(out);
        assertTrue(outcome.finished());
        assertEquals(5, outcome.step(), "3 straight-flow steps and 2 refinement steps");
        int meshes = PuProtocol.TRAIN_MESHES.size() + PuProtocol.CGAL_TRAIN_MESHES.size();
        assertTrue(log.get(0).startsWith("pointclouds train: " + meshes + " patches prepared"), log.get(0));
        try (PufmModel model = PufmModel.load(out, Device.cpu())) {
            assertEquals(16, model.config().width());
            assertEquals(1, model.config().blocks());
            assertEquals(4, model.provenance().seed());
            assertEquals(PuTrainingSet.describe(1, 0, 4), model.provenance().dataset());
            assertFalse(model.provenance().dataset().contains("punet"), "no cloud patches asked for, none taken");
            assertEquals("3", model.provenance().configuration().get("training.stage1Steps"));
            assertEquals("2", model.provenance().configuration().get("training.stage2Steps"));
            assertEquals(Integer.toString(meshes), model.provenance().configuration().get("training.patches"));
            assertTrue(model.schedule().isPresent(), "stage 3 measured the loss profile");
        }
    }

    @Test
    void aStopBeforeTheRunSavesNothing(@TempDir Path dir) throws Exception {
        PufmRecipe recipe = tiny(new ArrayList<>()).optSteps(50).build();
        recipe.requestStop();
        Path out = dir.resolve("model");
        TrainingRecipe.Outcome outcome = recipe.run(out);
        assertFalse(outcome.finished());
        assertFalse(Files.exists(out.resolve("model.json")));
    }

    @Test
    void refusesBadSettingsByName() {
        assertEquals("refine steps is negative: -1", assertThrows(IllegalArgumentException.class,
                () -> tiny(new ArrayList<>()).optRefineSteps(-1).build()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tiny(new ArrayList<>()).optPatchesPerMesh(0).build())
                .getMessage().contains("patches per mesh"));
        assertEquals("patches per cloud is negative: -2", assertThrows(IllegalArgumentException.class,
                () -> tiny(new ArrayList<>()).optPatchesPerCloud(-2).build()).getMessage());
    }
}
