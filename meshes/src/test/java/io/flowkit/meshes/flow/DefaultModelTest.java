package io.flowkit.meshes.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.datasets.catalog.ElephantPoses;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped mesh flow and its negative control: provenance, noise, and a generated pose on the elephant. */
class DefaultModelTest {

    @Test
    void shippedModelsAreTheMaternFlowAndItsIndependentControl() {
        try (MeshFlowModel m = MeshFlowModel.loadDefault(Device.cpu());
                MeshFlowModel c = MeshFlowModel.loadIndependentControl(Device.cpu())) {
            assertEquals(SourceNoise.MATERN, m.config().noise());
            assertEquals(SourceNoise.INDEPENDENT, c.config().noise());
            for (MeshFlowModel model : List.of(m, c)) {
                assertEquals(3000, model.provenance().step());
                assertTrue(model.provenance().dataset().startsWith("meshes/elephant-poses"), model.provenance().dataset());
            }
        }
    }

    @Test
    void generatesAnElephantPoseCloseToTheTrainingPoses() throws Exception {
        ElephantPoses data = ElephantPoses.load();
        TriangleMesh rest = data.rest();
        try (MeshFlowModel m = MeshFlowModel.loadDefault(Device.cpu())) {
            TriangleMesh generated = MeshSignalGenerator.builder().setModel(m).setMesh(rest, "elephant").build()
                    .generateMeshes(1, 3L).get(0);
            assertEquals(rest.vertexCount(), generated.vertexCount());
            // The generated shape stays within the size of the rest pose (bounding-box diagonal), not noise.
            double restDiagonal = diagonal(rest.vertices());
            double generatedDiagonal = diagonal(generated.vertices());
            assertTrue(generatedDiagonal > 0.7 * restDiagonal && generatedDiagonal < 1.3 * restDiagonal,
                    generatedDiagonal + " against " + restDiagonal);
            // The solver as every generator takes it: midpoint, 20 steps is the default.
            assertArrayEquals(generated.vertices(), MeshSignalGenerator.builder().setModel(m).setMesh(rest, "elephant")
                    .optSolver(io.flowkit.flow.solve.OdeSolver.midpoint()).optSteps(20).build().generateMeshes(1, 3L).get(0)
                    .vertices(), 0);
            // The module's one-line entry point is this generator with the shipped model.
            assertArrayEquals(generated.vertices(), io.flowkit.meshes.MeshFlow.generate(rest, 1, 3L).get(0).vertices(), 0);
            assertArrayEquals(io.flowkit.meshes.noise.MaternNoise.sample(rest, 3, 5L),
                    io.flowkit.meshes.MeshFlow.noise(rest, 3, 5L), 0);
        }
    }

    private static double diagonal(double[] xyz) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < xyz.length; i++) {
            lo[i % 3] = Math.min(lo[i % 3], xyz[i]);
            hi[i % 3] = Math.max(hi[i % 3], xyz[i]);
        }
        return Math.sqrt(Math.pow(hi[0] - lo[0], 2) + Math.pow(hi[1] - lo[1], 2) + Math.pow(hi[2] - lo[2], 2));
    }
}
