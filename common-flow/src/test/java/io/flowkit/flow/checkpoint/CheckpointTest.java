package io.flowkit.flow.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    private static Checkpoint sample(long step) {
        Provenance provenance = new Provenance("0.1", "0.36.0", "PyTorch 2.7.1", "2026-01-01T00:00:00Z", 7, step,
                "toy", Map.of("model", "mlp"), Map.of("loss", 0.5), 2);
        Map<String, TensorArchive.Tensor> model = Map.of("w", new TensorArchive.Tensor(new long[] {2, 2},
                new float[] {1, -0f, Float.MIN_VALUE, 3.5f}));
        return Checkpoint.of(provenance, new byte[] {1, 2, 3}, List.of(1.0, 0.5), model, Map.of(), model);
    }

    @Test
    void roundTripsBitForBitAndFindsTheNewest(@TempDir Path dir) throws IOException {
        sample(5).save(dir);
        sample(12).save(dir);
        Checkpoint loaded = Checkpoint.load(dir);
        assertEquals(12, loaded.provenance().step());
        assertEquals("mlp", loaded.provenance().configuration().get("model"));
        assertArrayEquals(new byte[] {1, 2, 3}, loaded.randomState());
        assertEquals(List.of(1.0, 0.5), loaded.lossHistory());
        float[] values = loaded.model().get("w").values();
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(values[1]), "bits are kept, even of -0");
        assertEquals(Float.MIN_VALUE, values[2]);
        assertTrue(loaded.ema().isEmpty());
        Checkpoint.prune(dir, 1);
        assertEquals("step-00000012", Checkpoint.latestFolder(dir).orElseThrow().getFileName().toString());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void damagedFilesAreReportedByName(@TempDir Path dir) throws IOException {
        Path folder = sample(3).save(dir);
        Path model = folder.resolve("model.bin");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        IOException truncated = assertThrows(IOException.class, () -> Checkpoint.load(folder));
        assertTrue(truncated.getMessage().contains("model.bin is truncated"), truncated.getMessage());
        Files.write(model, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        IOException magic = assertThrows(IOException.class, () -> Checkpoint.load(folder));
        assertTrue(magic.getMessage().contains("not a flowkit tensor archive"), magic.getMessage());
        Files.writeString(folder.resolve(Checkpoint.DESCRIPTION), "{ not json");
        IOException json = assertThrows(IOException.class, () -> Checkpoint.load(folder));
        assertTrue(json.getMessage().contains("checkpoint.json is not valid checkpoint JSON"), json.getMessage());
        IOException none = assertThrows(IOException.class, () -> Checkpoint.load(dir.resolve("empty")));
        assertTrue(none.getMessage().contains("no checkpoint in"), none.getMessage());
    }

    @Test
    void aDifferentConfigurationIsListedSettingBySetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sample(1).requireConfiguration(Map.of("model", "transformer", "seed", "3")));
        assertTrue(e.getMessage().contains("model = mlp there, transformer here"), e.getMessage());
        assertTrue(e.getMessage().contains("seed = null there, 3 here"), e.getMessage());
    }
}
