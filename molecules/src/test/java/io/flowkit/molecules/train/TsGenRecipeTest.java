package io.flowkit.molecules.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.flow.train.TrainingRecipe;
import io.flowkit.molecules.model.TsGenModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsGenRecipeTest {

    private static TsGenRecipe.Builder tiny() {
        return TsGenRecipe.builder().optData(TsGenRecipe.Data.GRAMBOW_842).optWidth(16).optLayers(1).optSteps(3)
                .optBatchSize(4).optSeed(1).optProgress(ProgressListener.silent()).optLog(line -> { });
    }

    @Test
    void trainsEvaluatesOnTheTestSplitAndSaves(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("model");
        TrainingRecipe.Outcome outcome = tiny().build().run(out);
        assertTrue(outcome.finished());
        assertEquals(3, outcome.step());
        assertTrue(outcome.summary().contains("Grambow test split"), outcome.summary());
        try (TsGenModel model = TsGenModel.load(out, Device.cpu())) {
            double median = model.provenance().metrics().get("test.rmsd.median");
            // three steps of a tiny model: an RMSD, not a good one; a real number of ångström all the same
            assertTrue(median > 0 && median < 10, "median RMSD " + median);
            assertEquals(3, model.provenance().step());
        }
    }

    @Test
    void aStopBeforeTheRunSavesNothing(@TempDir Path dir) throws Exception {
        TsGenRecipe recipe = tiny().optSteps(50).build();
        recipe.requestStop();
        Path out = dir.resolve("model");
        TrainingRecipe.Outcome outcome = recipe.run(out);
        assertFalse(outcome.finished());
        assertFalse(Files.exists(out.resolve("model.json")));
    }

    @Test
    void refusesBadSettings() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> tiny().optSteps(0).build()).getMessage()
                .contains("steps is not positive: 0"));
        assertThrows(IllegalArgumentException.class, () -> tiny().optLayers(0).build());
    }
}
