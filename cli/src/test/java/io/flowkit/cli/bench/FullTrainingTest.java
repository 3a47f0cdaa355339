package io.flowkit.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.train.AssemblyRecipe;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.flow.train.TrainingRecipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full runs train with the module's recipe into models/NAME once, then reuse the model; a failure says how to resume. */
class FullTrainingTest {

    @TempDir
    Path dir;

    private BenchContext context() {
        return new BenchContext(dir, 0, true, Device.cpu(), BenchProgress.silent());
    }

    private static AssemblyRecipe tiny() {
        return AssemblyRecipe.builder().optPlanar(true).optObjects(4).optPoints(64).optMaxParts(3).optWidth(16)
                .optBlocks(1).optSteps(3).optProgress(ProgressListener.silent()).optLog(line -> { }).build();
    }

    /** Counts its runs and hands them to another recipe. */
    private static final class Counting implements TrainingRecipe {
        private final TrainingRecipe recipe;
        private final AtomicInteger runs = new AtomicInteger();

        Counting(TrainingRecipe recipe) {
            this.recipe = recipe;
        }

        @Override
        public Outcome run(Path out) throws IOException {
            runs.incrementAndGet();
            return recipe.run(out);
        }

        @Override
        public void requestStop() {
            recipe.requestStop();
        }
    }

    @Test
    void trainsOnceThenReusesTheModel() throws Exception {
        Counting recipe = new Counting(tiny());
        Path folder = FullTraining.train(context(), "tiny", recipe);
        assertEquals(dir.resolve("models").resolve("tiny"), folder);
        assertTrue(Files.isRegularFile(folder.resolve("model.json")));
        long written = Files.getLastModifiedTime(folder.resolve("model.bin")).toMillis();
        try (AssemblyModel m = FullTraining.load(context(), "tiny", AssemblyModel::load, recipe)) {
            assertEquals(3, m.provenance().step());
        }
        assertEquals(1, recipe.runs.get(), "trained again");
        assertEquals(written, Files.getLastModifiedTime(folder.resolve("model.bin")).toMillis(), "trained again");
    }

    @Test
    void aStoppedTrainingSaysHowToResume() {
        AssemblyRecipe recipe = tiny();
        recipe.requestStop();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FullTraining.train(context(), "stopped", recipe));
        assertTrue(e.getMessage().startsWith("training of stopped stopped or failed (stopped at step 0); run the same "
                + "bench command again to resume from " + dir.resolve("models").resolve("stopped").resolve("checkpoints")),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("models").resolve("stopped").resolve("model.json")));
    }

    @Test
    void aFailedTrainingSaysHowToResume() {
        TrainingRecipe broken = new TrainingRecipe() {
            @Override
            public Outcome run(Path out) throws IOException {
                throw new IOException("no data here");
            }

            @Override
            public void requestStop() {}
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FullTraining.train(context(), "broken", broken));
        assertTrue(e.getMessage().startsWith("training of broken stopped or failed (no data here); run the same bench "
                + "command again to resume from "), e.getMessage());
        assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
    }
}
