package io.flowkit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.flowkit.flow.engine.Devices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowkit bench}: a failing suite is reported while the others run, a repeated run keeps the
 * finished suites, and the report carries seed, cores and pictures.
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsAFailedSuiteRunsTheOthersAndKeepsFinishedSuitesOnARerun() throws Exception {
        Path out = dir.resolve("bench");
        String[] args = {"bench", "toy2d", "pufm", "--problems", "gaussian-moons", "--couplings", "independent",
            "--pufm-model", dir.resolve("no-such-model").toString(), "--seed", "3", "--out", out.toString()};
        String first = CliRunner.run(args);
        assertTrue(first.startsWith("1\n"), first);
        assertTrue(first.contains("[toy2d] ######################## 1/1 gaussian->moons independent"), first);
        assertTrue(first.contains("FAILED pufm: ") && first.contains("no-such-model"), first);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## toy2d") && md.contains("## Failed") && md.contains("no-such-model"), md);
        assertTrue(md.contains("*Seed 3, quick mode, " + Runtime.getRuntime().availableProcessors() + " cores, "), md);
        assertTrue(md.contains("**time per suite**") && md.contains("| toy2d |") && md.contains("| all |"), md);
        assertTrue(Files.size(out.resolve("toy2d-samples.png")) > 1000);
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("report.json"))).getAsJsonObject();
        JsonObject toy = json.getAsJsonObject("suites").getAsJsonObject("toy2d");
        assertTrue(toy.get("seed").getAsLong() == 3 && toy.get("cores").getAsInt() > 0, toy.toString());
        assertTrue(json.getAsJsonObject("failed").has("pufm"));

        String second = CliRunner.run(args);
        assertTrue(second.contains("bench: toy2d finished in an earlier run with the same settings; kept"), second);
        assertFalse(second.contains("[toy2d] "), second);
        assertTrue(second.contains("FAILED pufm: "), second); // a failed suite is not kept: it runs again

        String other = CliRunner.run("bench", "toy2d", "--problems", "gaussian-moons", "--couplings", "independent",
                "--seed", "4", "--out", out.toString());
        assertTrue(other.startsWith("0\n") && other.contains("[toy2d] "), other); // another seed: run again
    }

    @Test
    void refusesAGpuItCannotSeeAndUnknownSuites() {
        if (Devices.gpuCount() == 0) {
            String gpu = CliRunner.run("bench", "toy2d", "--device", "gpu", "--out", dir.toString());
            assertTrue(gpu.startsWith("1\n") && gpu.contains("PYTORCH_LIBRARY_PATH"), gpu);
        }
        String unknown = CliRunner.run("bench", "molecules", "--out", dir.toString());
        assertTrue(unknown.startsWith("1\n") && unknown.contains("unknown suite: molecules"), unknown);
    }
}
