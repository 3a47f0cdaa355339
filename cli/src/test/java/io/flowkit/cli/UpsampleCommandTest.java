package io.flowkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.pointcloud.io.PointCloudFiles;
import io.flowkit.pointclouds.model.PufmConfig;
import io.flowkit.pointclouds.model.PufmModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowkit upsample} and {@code pointclouds evaluate} on PU-GAN's official inputs, with a small untrained model. */
class UpsampleCommandTest {

    @TempDir
    static Path dir;
    private static Path model;
    private static Path official;

    @BeforeAll
    static void smallModel() throws Exception {
        model = dir.resolve("model");
        try (PufmModel m = PufmModel.create(PufmConfig.defaults().withSize(16, 1).withPatchSize(64), 1, Device.cpu())) {
            m.save(model, null);
        }
        official = DataLocation.dataset("pointclouds/pugan-official");
    }

    @Test
    void upsamplesAnXyzCloudToPlyAndEvaluatesIt() throws Exception {
        Path out = dir.resolve("dense.ply");
        String up = CliRunner.run("upsample", "--in", official.resolve("fandisk.xyz").toString(), "--out", out.toString(),
                "--model", model.toString(), "--ratio", "4", "--steps", "2");
        assertTrue(up.startsWith("0\n"), up);
        assertTrue(up.contains("wrote 8192 points"), up);
        assertEquals(8192, PointCloudFiles.read(out).size());
        String eval = CliRunner.run("pointclouds", "evaluate", "--pred", out.toString(), "--mesh",
                official.resolve("fandisk.off").toString());
        assertTrue(eval.startsWith("0\n"), eval);
        assertTrue(eval.contains("CD") && eval.contains("P2F"), eval);
    }

    @Test
    void badInputIsReportedWithTheFileAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("never.xyz");
        String ratio = CliRunner.run("upsample", "--in", official.resolve("fandisk.xyz").toString(), "--out",
                out.toString(), "--model", model.toString(), "--ratio", "17");
        assertTrue(ratio.startsWith("1\n") && ratio.contains("ratio 17 is not supported"), ratio);
        String missing = CliRunner.run("upsample", "--in", dir.resolve("none.xyz").toString(), "--out", out.toString(),
                "--model", model.toString());
        assertTrue(missing.startsWith("1\n") && missing.contains("none.xyz"), missing);
        // PU-GAN's official Icosahedron input repeats 13 points.
        String repeated = CliRunner.run("upsample", "--in", official.resolve("Icosahedron.xyz").toString(), "--out",
                out.toString(), "--model", model.toString(), "--steps", "1");
        assertTrue(repeated.startsWith("1\n") && repeated.contains("Icosahedron.xyz") && repeated.contains("duplicate"),
                repeated);
        assertTrue(Files.notExists(out));
        String merged = CliRunner.run("upsample", "--in", official.resolve("Icosahedron.xyz").toString(), "--out",
                out.toString(), "--model", model.toString(), "--steps", "1", "--merge-duplicates");
        assertTrue(merged.startsWith("0\n"), merged);
        assertEquals(8192, PointCloudFiles.read(out).size());
    }
}
