package io.flowkit.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.assembly.model.AssemblyModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full runs train with the module's own command into models/NAME once, then reuse the model; a failure says how to resume. */
class FullTrainingTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnceThenReusesTheModel() throws Exception {
        BenchContext context = new BenchContext(dir, 0, true, Device.cpu(), BenchProgress.silent());
        String[] command = {"assembly", "train", "--planar", "--objects", "4", "--points", "64", "--max-parts", "3",
            "--width", "16", "--blocks", "1", "--steps", "3"};
        Path folder = FullTraining.train(context, "tiny", command);
        assertEquals(dir.resolve("models").resolve("tiny"), folder);
        assertTrue(Files.isRegularFile(folder.resolve("model.json")));
        long written = Files.getLastModifiedTime(folder.resolve("model.bin")).toMillis();
        try (AssemblyModel m = FullTraining.load(context, "tiny", AssemblyModel::load, command)) {
            assertEquals(3, m.provenance().step());
        }
        assertEquals(written, Files.getLastModifiedTime(folder.resolve("model.bin")).toMillis(), "trained again");
    }

    @Test
    void aFailedTrainingSaysHowToResume() {
        BenchContext context = new BenchContext(dir, 0, true, Device.cpu(), BenchProgress.silent());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FullTraining.train(context, "broken", "assembly", "train", "--steps", "-1"));
        assertTrue(e.getMessage().startsWith("training of broken stopped or failed (exit status "), e.getMessage());
        assertTrue(e.getMessage().contains("run the same bench command again to resume from "), e.getMessage());
    }
}
