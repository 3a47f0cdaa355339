package io.flowkit.assembly.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.assembly.align.TeacherModel;
import io.flowkit.assembly.fracture.MeshFracture;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model and teacher load with their provenance; the one-line assembler uses the model. */
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
    void oneLineAssemblyOfAFracturedCowKeepsTheAnchorAndPosesEveryPart() throws Exception {
        TriangleMesh cow = MeshFiles.read(DataLocation.dataset("meshes/cgal").resolve("cow.off"));
        List<TriangleMesh> parts = MeshFracture.fracture(cow, 3, 5);
        PartAssembler.Assembled a = PartAssembler.assemble(parts);
        assertEquals(3, a.poses().size());
        assertEquals(3, a.posedParts().size());
        RigidPose anchor = a.poses().get(a.anchor());
        assertTrue(anchor.isIdentity(), "the anchor moved");
        int faces = parts.stream().mapToInt(TriangleMesh::faceCount).sum();
        assertEquals(faces, a.combined().faceCount());
        for (RigidPose p : a.poses()) {
            assertNotNull(p.rotation());
        }
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> PartAssembler.assemble(List.of(parts.get(0))));
        assertEquals("assembly needs at least 2 parts, got 1", one.getMessage());
    }
}
