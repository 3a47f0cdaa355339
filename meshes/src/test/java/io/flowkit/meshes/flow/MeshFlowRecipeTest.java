package io.flowkit.meshes.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.flow.train.TrainingRecipe;
import io.flowkit.meshes.TestSurfaces;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshFlowRecipeTest {

    private static final TriangleMesh SPHERE = TestSurfaces.sphere(2);

    /** Writes the sphere as the rest mesh and three ellipsoids (same vertices and faces) as poses. */
    private static Path[] data(Path dir) throws Exception {
        Path rest = dir.resolve("rest.off");
        MeshFiles.write(rest, SPHERE);
        Path poses = Files.createDirectories(dir.resolve("poses"));
        for (int k = 0; k < 3; k++) {
            double[] v = SPHERE.vertices();
            for (int i = 0; i < v.length; i++) {
                v[i] *= 1 + 0.2 * k * (i % 3 == k ? 1 : 0);
            }
            MeshFiles.write(poses.resolve("pose" + k + ".off"), TriangleMesh.of(v, SPHERE.faces()));
        }
        return new Path[] {rest, poses};
    }

    private static MeshFlowRecipe.Builder tiny(Path[] data) {
        return MeshFlowRecipe.builder().optData(data[0], data[1]).optSteps(3).optBatchSize(2).optWidth(8).optSeed(2)
                .optProgress(ProgressListener.silent()).optLog(line -> { });
    }

    @Test
    void trainsOnAUsersPosesAndSavesTheModelWithItsProvenance(@TempDir Path dir) throws Exception {
        Path[] data = data(dir);
        Path out = dir.resolve("model");
        TrainingRecipe.Outcome outcome = tiny(data).optNoise(SourceNoise.INDEPENDENT).build().run(out);
        assertTrue(outcome.finished());
        assertEquals(3, outcome.step());
        try (MeshFlowModel model = MeshFlowModel.load(out, Device.cpu())) {
            assertEquals(8, model.config().width());
            assertEquals(SourceNoise.INDEPENDENT, model.config().noise());
            assertEquals(2, model.provenance().seed());
            assertEquals(data[1] + " (3 shapes on rest.off)", model.provenance().dataset());
            assertEquals("3", model.provenance().configuration().get("training.steps"));
            assertEquals("3", model.provenance().configuration().get("training.signals"));
            assertEquals(Integer.toString(SPHERE.vertexCount()),
                    model.provenance().configuration().get("training.vertices"));
        }
    }

    @Test
    void aStopBeforeTheRunSavesNothing(@TempDir Path dir) throws Exception {
        MeshFlowRecipe recipe = tiny(data(dir)).optSteps(50).build();
        recipe.requestStop();
        Path out = dir.resolve("model");
        assertFalse(recipe.run(out).finished());
        assertFalse(Files.exists(out.resolve("model.json")));
    }

    @Test
    void namesThePoseThatDoesNotMatchTheRestMeshAndAnEmptyFolder(@TempDir Path dir) throws Exception {
        Path[] data = data(dir);
        Path odd = data[1].resolve("pose9.off");
        MeshFiles.write(odd, TestSurfaces.sphere(1));
        String message = assertThrows(IllegalArgumentException.class, () -> tiny(data).build().run(dir.resolve("m")))
                .getMessage();
        assertTrue(message.startsWith(odd + ": has " + TestSurfaces.sphere(1).vertexCount() + " vertices"), message);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("no OBJ, PLY, OFF or STL files in " + empty, assertThrows(IllegalArgumentException.class,
                () -> tiny(new Path[] {data[0], empty}).build().run(dir.resolve("m"))).getMessage());
        assertFalse(Files.exists(dir.resolve("m").resolve("model.json")));
    }
}
