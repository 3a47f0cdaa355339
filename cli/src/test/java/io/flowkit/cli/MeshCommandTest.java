package io.flowkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowkit mesh noise|train|generate} on the bunny and on ellipsoids made from a CGAL sphere. */
class MeshCommandTest {

    @TempDir
    Path dir;

    @Test
    void noiseSamplesAreWrittenWithOneVertexPropertyPerChannel() throws Exception {
        Path bunny = DataLocation.dataset("meshes/bunny-triangulations").resolve("bunny_10k.obj");
        Path out = dir.resolve("noise");
        String r = CliRunner.run("mesh", "noise", "--mesh", bunny.toString(), "--samples", "2", "--seed", "5", "--out",
                out.toString());
        assertTrue(r.startsWith("0\n"), r);
        TriangleMesh sample = MeshFiles.read(out.resolve("noise-001.ply"));
        TriangleMesh input = MeshFiles.read(bunny);
        assertEquals(input.vertexCount(), sample.vertexCount());
        assertTrue(sample.signalNames().containsAll(java.util.Set.of("noise0", "noise1", "noise2")), sample.signalNames().toString());
        double[] n0 = sample.signal("noise0");
        double s = 0;
        for (double x : n0) {
            assertTrue(Double.isFinite(x));
            s += x * x;
        }
        assertTrue(s > 0);
        String missing = CliRunner.run("mesh", "noise", "--mesh", dir.resolve("none.obj").toString(), "--out", out.toString());
        assertTrue(missing.startsWith("1\n") && missing.contains("none.obj"), missing);
    }

    @Test
    void noiseAcceptsZeroAreaTrianglesAndANonManifoldEdge() throws Exception {
        // A square of two triangles, a zero-area triangle on its diagonal's end (a repeated position)
        // and a flap glued along the diagonal: three triangles on one edge.
        Path mesh = dir.resolve("bad.obj");
        Files.writeString(mesh, String.join("\n", "v 0 0 0", "v 1 0 0", "v 1 1 0", "v 0 1 0", "v 1 1 0", "v 0.5 0.5 1",
                "f 1 2 3", "f 1 3 4", "f 3 5 2", "f 1 3 6", "f 1 3 5", ""));
        Path out = dir.resolve("bad-noise");
        String r = CliRunner.run("mesh", "noise", "--mesh", mesh.toString(), "--samples", "1", "--seed", "2", "--out",
                out.toString());
        assertTrue(r.startsWith("0\n"), r);
        TriangleMesh sample = MeshFiles.read(out.resolve("noise-000.ply"));
        for (double x : sample.signal("noise0")) {
            assertTrue(Double.isFinite(x), r);
        }
    }

    @Test
    void trainsOnOwnPosesGeneratesOnAnotherTriangulationAndRejectsMismatchedPoses() throws Exception {
        Path sphereFile = DataLocation.dataset("meshes/cgal").resolve("sphere.off");
        TriangleMesh sphere = MeshFiles.read(sphereFile);
        Path poses = Files.createDirectories(dir.resolve("poses"));
        for (int k = 0; k < 3; k++) {
            double[] v = sphere.vertices();
            for (int i = 0; i < v.length; i++) {
                v[i] *= 1 + 0.3 * k * (i % 3 == 0 ? 1 : 0);
            }
            MeshFiles.write(poses.resolve("pose" + k + ".obj"), sphere.withVertices(v));
        }
        Path model = dir.resolve("model");
        String train = CliRunner.run("mesh", "train", "--mesh", sphereFile.toString(), "--poses", poses.toString(),
                "--steps", "6", "--batch", "2", "--width", "8", "--out", model.toString());
        assertTrue(train.startsWith("0\n") && train.contains("model written"), train);
        Path split = dir.resolve("split.obj");
        MeshFiles.write(split, io.flowkit.meshes.geometry.CentroidSplit.split(sphere, 0.5, 1));
        Path out = dir.resolve("generated");
        String gen = CliRunner.run("mesh", "generate", "--mesh", split.toString(), "--model", model.toString(),
                "--samples", "2", "--step", "0.5", "--out", out.toString());
        assertTrue(gen.startsWith("0\n") && gen.contains("2 samples written"), gen);
        TriangleMesh g = MeshFiles.read(out.resolve("sample-001.obj"));
        assertEquals(MeshFiles.read(split).vertexCount(), g.vertexCount());

        Files.writeString(poses.resolve("broken.obj"), "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
        String bad = CliRunner.run("mesh", "train", "--mesh", sphereFile.toString(), "--poses", poses.toString(),
                "--steps", "2", "--out", dir.resolve("never").toString());
        assertTrue(bad.startsWith("1\n") && bad.contains("broken.obj") && bad.contains("not the rest mesh"), bad);
        assertFalse(Files.exists(dir.resolve("never").resolve("model.json")));
        String format = CliRunner.run("mesh", "generate", "--mesh", split.toString(), "--model", model.toString(),
                "--format", "stl", "--out", out.toString());
        assertTrue(format.startsWith("1\n") && format.contains("unknown format: stl"), format);
    }
}
