package io.flowkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.flowkit.assembly.bench.MeshReassembly;
import io.flowkit.assembly.fracture.MeshFracture;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.core.io.DataLocation;
import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowkit assembly fracture} and {@code flowkit assemble} on a CGAL mesh, with a small untrained model. */
class AssemblyCommandTest {

    @TempDir
    Path dir;

    @Test
    void fracturesAMeshAndAssemblesThePartsWritingPosesAndMeshes() throws Exception {
        Path cow = DataLocation.dataset("meshes/cgal").resolve("cow.off");
        Path parts = dir.resolve("parts");
        String f = CliRunner.run("assembly", "fracture", "--mesh", cow.toString(), "--parts", "3", "--seed", "2", "--out",
                parts.toString());
        assertTrue(f.startsWith("0\n") && f.contains("3 parts written"), f);
        Path model = dir.resolve("model");
        try (AssemblyModel m = AssemblyModel.create(new AssemblyConfig(4, 16, 2, 1, 2, 0), 1, Device.cpu())) {
            m.save(model, null);
        }
        Path out = dir.resolve("assembled");
        String a = CliRunner.run("assemble", "--parts", parts.toString(), "--model", model.toString(), "--out",
                out.toString());
        assertTrue(a.startsWith("0\n") && a.contains("3 parts assembled"), a);
        assertTrue(Files.readString(out.resolve("poses.json")).contains("part-00.ply"));
        TriangleMesh combined = MeshFiles.read(out.resolve("assembled.ply"));
        int faces = 0;
        for (int i = 0; i < 3; i++) {
            faces += MeshFiles.read(parts.resolve("part-0" + i + ".ply")).faceCount();
        }
        assertEquals(faces, combined.faceCount());
        // The anchor (the part with the most area) stays in place.
        String json = Files.readString(out.resolve("poses.json"));
        String anchor = json.substring(json.indexOf("\"anchor\": \"") + 11, json.indexOf(".ply\""));
        double[] before = MeshFiles.read(parts.resolve(anchor + ".ply")).vertices();
        double[] after = MeshFiles.read(out.resolve(anchor + "-posed.ply")).vertices();
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], after[i], 1e-9);
        }
    }

    @Test
    void evaluatesZeroShotOnTheRealBreakingBadSample() throws Exception {
        Path model = dir.resolve("model");
        try (AssemblyModel m = AssemblyModel.create(new AssemblyConfig(4, 16, 2, 1, 2, 0), 1, Device.cpu())) {
            m.save(model, null);
        }
        String r = CliRunner.run("assembly", "evaluate", "--model", model.toString(), "--real", "breaking-bad",
                "--points", "128", "--steps", "2");
        assertTrue(r.startsWith("0\n") && r.contains("breaking-bad (zero-shot") && r.contains("2 objects"), r);
        assertTrue(r.contains("part accuracy") && r.contains("rotation error"), r);
        String unknown = CliRunner.run("assembly", "evaluate", "--model", model.toString(), "--real", "shapenet");
        assertTrue(unknown.startsWith("1\n") && unknown.contains("unknown real set: shapenet"), unknown);
    }

    @Test
    void badPartsAndAnOpenMeshAreRefusedWithReasons() throws Exception {
        Path model = dir.resolve("model");
        try (AssemblyModel m = AssemblyModel.create(new AssemblyConfig(4, 16, 2, 1, 2, 0), 1, Device.cpu())) {
            m.save(model, null);
        }
        Path sphere = DataLocation.dataset("meshes/cgal").resolve("sphere.off");
        String one = CliRunner.run("assemble", "--parts", sphere.toString(), "--model", model.toString(), "--out",
                dir.resolve("x").toString());
        assertTrue(one.startsWith("1\n") && one.contains("at least 2 parts"), one);
        TriangleMesh s = MeshFiles.read(sphere);
        double[] big = s.vertices();
        for (int i = 0; i < big.length; i++) {
            big[i] *= 1000;
        }
        Path huge = dir.resolve("huge.ply");
        MeshFiles.write(huge, s.withVertices(big));
        String scale = CliRunner.run("assemble", "--parts", sphere + "," + huge, "--model", model.toString(), "--out",
                dir.resolve("y").toString());
        assertTrue(scale.startsWith("1\n") && scale.contains("huge.ply is 1000 times the size"), scale);
        assertFalse(Files.exists(dir.resolve("y").resolve("assembled.ply")));
        int[] f = s.faces();
        Path open = dir.resolve("open.ply");
        MeshFiles.write(open, TriangleMesh.of(s.vertices(), java.util.Arrays.copyOf(f, f.length - 6)));
        String holey = CliRunner.run("assembly", "fracture", "--mesh", open.toString(), "--parts", "3", "--out",
                dir.resolve("z").toString());
        assertTrue(holey.startsWith("1\n") && holey.contains("open.ply is not closed"), holey);
    }

    @Test
    void partsFromTwoFoldersWithTheSameNamesKeepTheirOwnOutputs() throws Exception {
        Path cow = DataLocation.dataset("meshes/cgal").resolve("cow.off");
        Path parts = dir.resolve("parts");
        CliRunner.run("assembly", "fracture", "--mesh", cow.toString(), "--parts", "2", "--seed", "2", "--out",
                parts.toString());
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.copy(parts.resolve("part-00.ply"), a.resolve("part.ply"));
        Files.copy(parts.resolve("part-01.ply"), b.resolve("part.ply"));
        Path model = dir.resolve("model");
        try (AssemblyModel m = AssemblyModel.create(new AssemblyConfig(4, 16, 2, 1, 2, 0), 1, Device.cpu())) {
            m.save(model, null);
        }
        Path out = dir.resolve("out");
        String r = CliRunner.run("assemble", "--parts", a + "," + b, "--model", model.toString(), "--out", out.toString());
        assertTrue(r.startsWith("0\n") && r.contains("2 parts assembled"), r);
        assertEquals(MeshFiles.read(a.resolve("part.ply")).faceCount(), MeshFiles.read(out.resolve("a-part-posed.ply")).faceCount());
        assertEquals(MeshFiles.read(b.resolve("part.ply")).faceCount(), MeshFiles.read(out.resolve("b-part-posed.ply")).faceCount());
        assertTrue(Files.readString(out.resolve("poses.json")).contains("\"posed\": \"b-part-posed.ply\""));
    }

    @Test
    void missingEmptyAndSelfOverwritingFoldersAreRefused() throws Exception {
        Path nowhere = dir.resolve("nowhere");
        String missing = CliRunner.run("assemble", "--parts", nowhere.toString(), "--out", dir.resolve("o").toString());
        assertTrue(missing.startsWith("1\n") && missing.contains("parts not found: " + nowhere), missing);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no meshes here");
        String none = CliRunner.run("assemble", "--parts", empty.toString(), "--out", dir.resolve("o").toString());
        assertTrue(none.startsWith("1\n") && none.contains("no mesh files (.ply, .obj, .off, .stl) found in " + empty), none);
        Path parts = dir.resolve("parts");
        CliRunner.run("assembly", "fracture", "--mesh", DataLocation.dataset("meshes/cgal").resolve("cow.off").toString(),
                "--parts", "2", "--out", parts.toString());
        String self = CliRunner.run("assemble", "--parts", parts.toString(), "--out", parts.resolve(".").toString());
        assertTrue(self.startsWith("1\n") && self.contains("--out is the parts folder"), self);
        try (var listing = Files.list(parts)) {
            assertEquals(2, listing.filter(f -> f.toString().endsWith(".ply")).count(), "nothing written into the parts");
        }
    }

    @Test
    void geometryPutsScatteredPartFilesBackAndSaysHowConfidentItIs() throws Exception {
        TriangleMesh cow = MeshFiles.read(DataLocation.dataset("meshes/cgal").resolve("cow.off"));
        MeshReassembly.Item item = MeshReassembly.cut("cow", cow, 3, 0);
        Path parts = Files.createDirectories(dir.resolve("scattered"));
        for (int p = 0; p < 3; p++) {
            MeshFiles.write(parts.resolve("piece-" + p + ".ply"), item.scattered().get(p));
        }
        Path out = dir.resolve("out");
        String r = CliRunner.run("assemble", "--parts", parts.toString(), "--out", out.toString(), "--method", "geometry");
        assertTrue(r.startsWith("0\n") && r.contains("3 parts assembled"), r);
        assertTrue(r.contains("placed by geometry") && r.contains("confidence") && !r.contains("warning"), r);
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("poses.json"))).getAsJsonObject();
        assertEquals("geometry", json.get("method").getAsString());
        List<RigidPose> poses = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray("parts")) {
            JsonObject part = e.getAsJsonObject();
            double[] rotation = new double[9];
            double[] translation = new double[3];
            for (int k = 0; k < 9; k++) {
                rotation[k] = part.getAsJsonArray("rotation").get(k).getAsDouble();
            }
            for (int k = 0; k < 3; k++) {
                translation[k] = part.getAsJsonArray("translation").get(k).getAsDouble();
            }
            poses.add(RigidPose.of(rotation, translation));
            assertTrue(part.get("confidence").getAsDouble() > 0.5, part.toString());
        }
        assertEquals(1.0, item.truth().evaluate(poses).partAccuracy());
    }

    @Test
    void partsThatDoNotBelongTogetherGetALowConfidenceWarning() throws Exception {
        // A smooth sphere has no fracture face: nothing can join a cow's part to it.
        TriangleMesh cow = MeshFiles.read(DataLocation.dataset("meshes/cgal").resolve("cow.off"));
        Path parts = Files.createDirectories(dir.resolve("odd"));
        MeshFiles.write(parts.resolve("cow-part.ply"), MeshFracture.fracture(cow, 2, 0).get(0));
        Files.copy(DataLocation.dataset("meshes/cgal").resolve("sphere.off"), parts.resolve("sphere.off"));
        String r = CliRunner.run("assemble", "--parts", parts.toString(), "--out", dir.resolve("o").toString(), "--method",
                "geometry");
        assertTrue(r.startsWith("0\n") && r.contains("warning: part ") && r.contains("low confidence"), r);
        String bad = CliRunner.run("assemble", "--parts", parts.toString(), "--out", dir.resolve("o").toString(), "--method",
                "magic");
        assertTrue(bad.startsWith("1\n") && bad.contains("unknown --method magic: use flow, geometry or both"), bad);
    }

    @Test
    void scatteredFracturesComeWithTheirTruthAndAssembleBackToIt() throws Exception {
        Path cow = DataLocation.dataset("meshes/cgal").resolve("cow.off");
        Path parts = dir.resolve("scattered-cow");
        String f = CliRunner.run("assembly", "fracture", "--mesh", cow.toString(), "--parts", "3", "--seed", "0",
                "--scatter", "--out", parts.toString());
        assertTrue(f.startsWith("0\n") && f.contains("truth.json holds the poses"), f);
        Path out = dir.resolve("back");
        String a = CliRunner.run("assemble", "--parts", parts.toString(), "--out", out.toString(), "--method", "geometry");
        assertTrue(a.startsWith("0\n"), a);
        JsonObject truth = JsonParser.parseString(Files.readString(parts.resolve("truth.json"))).getAsJsonObject();
        JsonObject found = JsonParser.parseString(Files.readString(out.resolve("poses.json"))).getAsJsonObject();
        assertEquals(truth.get("anchor").getAsString(), found.get("anchor").getAsString());
        double diagonal = MeshFiles.read(cow).boundingBoxDiagonal();
        int moved = 0;
        for (int p = 0; p < 3; p++) {
            RigidPose t = pose(truth.getAsJsonArray("parts").get(p).getAsJsonObject());
            RigidPose g = pose(found.getAsJsonArray("parts").get(p).getAsJsonObject());
            moved += t.isIdentity() ? 0 : 1;
            double[] v = MeshFiles.read(parts.resolve(String.format("part-%02d.ply", p))).vertices();
            double[] c = new double[3];
            for (int k = 0; k < v.length; k++) {
                c[k % 3] += 3.0 * v[k] / v.length;
            }
            double[] x = t.apply(c);
            double[] y = g.apply(c);
            double gap = Math.sqrt((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1]) + (x[2] - y[2]) * (x[2] - y[2]));
            assertTrue(gap < 0.02 * diagonal, "part " + p + " is " + gap + " from its place (diagonal " + diagonal + ")");
            assertTrue(Math.toDegrees(So3.angle(t.rotation(), g.rotation())) < 5, "part " + p);
        }
        assertEquals(2, moved, "every part but the anchor is scattered");
    }

    private static RigidPose pose(JsonObject part) {
        double[] r = new double[9];
        double[] t = new double[3];
        for (int k = 0; k < 9; k++) {
            r[k] = part.getAsJsonArray("rotation").get(k).getAsDouble();
        }
        for (int k = 0; k < 3; k++) {
            t[k] = part.getAsJsonArray("translation").get(k).getAsDouble();
        }
        return RigidPose.of(r, t);
    }
}
