package io.flowkit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.io.DataLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command names the file and the problem, and checks its output before any work. */
class BadInputTest {

    private static Path binary(Path dir, String name) throws Exception {
        byte[] bytes = new byte[2048];
        new Random(1).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private static void fails(String expected, String... args) {
        String r = CliRunner.run(args);
        assertTrue(r.startsWith("1\n") && r.contains(expected), r);
    }

    @Test
    void binaryInputsAreNamedAsNotText(@TempDir Path dir) throws Exception {
        fails(binary(dir, "scan.xyz") + ": is not a UTF-8 text file (binary?)", "upsample", "--in",
                dir.resolve("scan.xyz").toString(), "--out", dir.resolve("o.xyz").toString());
        fails(binary(dir, "shape.obj") + ": is not a UTF-8 text OBJ file (binary?)", "mesh", "noise", "--mesh",
                dir.resolve("shape.obj").toString(), "--out", dir.resolve("n").toString());
        fails(binary(dir, "shape.off") + ": is not a UTF-8 text file (binary?)", "mesh", "noise", "--mesh",
                dir.resolve("shape.off").toString(), "--out", dir.resolve("n").toString());
        fails(binary(dir, "r.smi") + " is not a UTF-8 text file of reaction SMILES", "tsgen", "generate", "--smiles",
                dir.resolve("r.smi").toString(), "--out", dir.resolve("t.sdf").toString());
    }

    @Test
    void outputsAreCheckedBeforeAnyWork(@TempDir Path dir) throws Exception {
        Path mesh = DataLocation.dataset("pointclouds/pugan-official").resolve("fandisk.off");
        Path file = Files.writeString(dir.resolve("taken"), "x");
        String noise = CliRunner.run("mesh", "noise", "--mesh", mesh.toString(), "--out", file.toString());
        assertTrue(noise.startsWith("1\n") && noise.contains(file + " is a file: --out takes a folder"), noise);
        assertFalse(noise.contains("factored"), "failed before the factorisation: " + noise);
        // The output's format is refused before the (missing) input is even read.
        fails("unknown point cloud extension (expected .xyz, .txt, .pts or .ply): " + dir.resolve("o.pdb"), "upsample",
                "--in", dir.resolve("missing.xyz").toString(), "--out", dir.resolve("o.pdb").toString());
        fails(file + " is a file: --out takes a folder", "assembly", "fracture", "--mesh", mesh.toString(), "--parts",
                "3", "--out", file.toString());
    }

    @Test
    void unknownValuesListTheAcceptedOnesAndLimitsMatchTheHelp() throws Exception {
        Path cloud = DataLocation.dataset("pointclouds/pugan-official").resolve("fandisk.xyz");
        fails("--schedule: unknown value 'fast' (accepted: adaptive, uniform)", "upsample", "--in", cloud.toString(),
                "--out", "o.xyz", "--schedule", "fast");
        Path mesh = DataLocation.dataset("pointclouds/pugan-official").resolve("fandisk.off");
        fails("parts 25 cannot each hold at least 5% of the volume: at most 20 parts", "assembly", "fracture", "--mesh",
                mesh.toString(), "--parts", "25", "--out", "parts");
        String help = CliRunner.run("assembly", "fracture", "--help");
        assertTrue(help.contains("2 to 20") && help.contains("Example: flowkit assembly fracture"), help);
    }
}
