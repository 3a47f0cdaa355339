package io.flowkit.assembly.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.assembly.align.TeacherModel;
import io.flowkit.assembly.bench.MeshReassembly;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model and teacher load with their provenance; the one-line assembler puts parts back. */
class DefaultModelTest {

    @Test
    void shippedModelAndTeacherCarryTheirProvenance() {
        try (AssemblyModel m = AssemblyModel.loadDefault(Device.cpu())) {
            assertEquals(8000, m.provenance().step());
            assertEquals(0, m.provenance().seed());
            assertTrue(m.provenance().dataset().contains("800 objects"), m.provenance().dataset());
            assertEquals(8, m.config().maxParts());
        }
        try (TeacherModel t = TeacherModel.loadDefault()) {
            assertEquals(1500, t.provenance().step());
            assertEquals(100, t.provenance().seed());
            assertTrue(t.provenance().metrics().get("validation.balancedAccuracy") > 0.7);
        }
    }

    @Test
    void oneLineAssemblyPutsAScatteredCowBackAndKeepsTheAnchor() throws Exception {
        // The default pipeline (flow samples as hypotheses for the geometric stage) on a cow cut in 3
        // and scattered as a user's files would be.
        TriangleMesh cow = MeshFiles.read(DataLocation.dataset("meshes/cgal").resolve("cow.off"));
        MeshReassembly.Item item = MeshReassembly.cut("cow", cow, 3, 0);
        PartAssembler.Assembled a = io.flowkit.assembly.Assembly.assemble(item.scattered());
        assertEquals(3, a.poses().size());
        assertEquals(item.truth().anchor(), a.anchor());
        assertTrue(a.poses().get(a.anchor()).isIdentity(), "the anchor moved");
        assertEquals(1.0, item.truth().evaluate(a.poses()).partAccuracy());
        for (int p = 0; p < 3; p++) {
            assertTrue(a.confidence()[p] > 0.5, "part " + p + " confidence " + a.confidence()[p]);
            assertTrue(List.of("anchor", "geometry", "hypothesis").contains(a.source().get(p)), a.source().get(p));
        }
        int faces = item.scattered().stream().mapToInt(TriangleMesh::faceCount).sum();
        assertEquals(faces, a.combined().faceCount());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> io.flowkit.assembly.Assembly.assemble(List.of(item.scattered().get(0))));
        assertEquals("assembly needs at least 2 parts, got 1", one.getMessage());
    }
}
