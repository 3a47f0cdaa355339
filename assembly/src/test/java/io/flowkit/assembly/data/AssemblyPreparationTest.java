package io.flowkit.assembly.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.assembly.fracture.MeshFracture;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.train.HostBatch;
import io.flowkit.validation.assembly.AssemblyResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssemblyPreparationTest {

    private static AssemblyExample example(int parts, long seed) {
        List<TriangleMesh> pieces = MeshFracture.fracture(SyntheticFractures.prism(6, 1, 2), parts, seed);
        return AssemblyPreparation.builder().optPoints(300).build().prepare("prism", pieces, seed);
    }

    @Test
    void posesMapInputPointsOntoTheAssembledObjectInTheAnchorFrame() {
        List<TriangleMesh> pieces = MeshFracture.fracture(SyntheticFractures.prism(6, 1, 2), 5, 3);
        AssemblyExample e = AssemblyPreparation.builder().optPoints(300).build().prepare("prism", pieces, 3);
        assertEquals(300, e.pointCount());
        double area = pieces.stream().mapToDouble(TriangleMesh::surfaceArea).sum();
        assertEquals(Math.sqrt(4 * Math.PI / area), e.scale(), 1e-12);
        double[] anchorPoints = e.partPoints(e.anchor(), true);
        double[] mean = new double[3];
        for (int i = 0; i < anchorPoints.length; i++) {
            mean[i % 3] += anchorPoints[i] / (anchorPoints.length / 3);
        }
        assertArrayEquals(new double[3], mean, 1e-12);
        int[] counts = new int[e.partCount()];
        for (int p : e.partOf()) {
            counts[p]++;
        }
        for (int p = 0; p < e.partCount(); p++) {
            assertTrue(counts[p] >= 20, "part " + p + " has " + counts[p] + " points");
            double[] moved = e.poses().get(p).apply(e.partPoints(p, false));
            assertArrayEquals(e.partPoints(p, true), moved, 1e-9, "part " + p);
            if (p != e.anchor()) {
                assertTrue(counts[p] <= counts[e.anchor()] + 40, "anchor is not the largest part");
            }
        }
        assertTrue(e.poses().get(e.anchor()).isIdentity());
    }

    @Test
    void truePosesScorePerfectlyAndTheSourceHoldsTheAnchor() {
        AssemblyExample e = example(4, 8);
        AssemblyResult perfect = e.evaluate(e.poses());
        assertEquals(1.0, perfect.partAccuracy());
        List<RigidPose> identity = new ArrayList<>();
        for (int p = 0; p < e.partCount(); p++) {
            identity.add(RigidPose.identity());
        }
        assertTrue(e.evaluate(identity).partAccuracy() < 1.0);

        HostBatch b = new AssemblySource(List.of(e), 8, "test").next(0, 2, SeededRandom.of(1));
        int n = e.pointCount();
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < n; i++) {
                boolean anchor = e.partOf()[i] == e.anchor();
                for (int d = 0; d < 3; d++) {
                    int idx = (k * n + i) * 3 + d;
                    assertEquals(anchor ? 0f : 1f, b.mask()[idx]);
                    if (anchor) {
                        assertEquals(b.x1()[idx], b.x0()[idx]);
                    }
                }
            }
        }
    }

    @Test
    void badInputIsNamed() {
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(60).build();
        TriangleMesh cube = SyntheticFractures.box(1, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prep.prepare("single", List.of(cube), 1));
        assertTrue(e.getMessage().contains("single has 1 part"), e.getMessage());
        TriangleMesh flat = TriangleMesh.of(new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0}, new int[] {0, 1, 2});
        e = assertThrows(IllegalArgumentException.class, () -> prep.prepare("flat", List.of(cube, flat), 1));
        assertTrue(e.getMessage().contains("part 1 is empty or degenerate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> prep.prepare("many", List.of(cube, cube, cube, cube), 1));
        assertTrue(e.getMessage().contains("4 parts need at least 80 points"), e.getMessage());
    }

    @Test
    void normalsTurnWithTheirParts() {
        TriangleMesh box = SyntheticFractures.box(1, 0.7, 0.5);
        List<TriangleMesh> parts = MeshFracture.fracture(box, 2, 3);
        AssemblyExample e = AssemblyPreparation.builder().optPoints(200).build().prepare("box", parts, 5);
        double[] cut = null;
        int axis = 0;
        for (int i = 0; i < e.pointCount(); i++) {
            int p = e.partOf()[i];
            double[] n = {e.normals()[3 * i], e.normals()[3 * i + 1], e.normals()[3 * i + 2]};
            double[] m = e.poses().get(p).rotate(n);
            assertEquals(1, Math.sqrt(m[0] * m[0] + m[1] * m[1] + m[2] * m[2]), 1e-9);
            if (Math.max(Math.abs(m[0]), Math.max(Math.abs(m[1]), Math.abs(m[2]))) > 1 - 1e-9) {
                axis++; // a face of the box, in the assembled (unrotated) frame
                continue;
            }
            // a point on the cut: every such normal is ± the cut plane's normal
            if (cut == null) {
                cut = m;
            }
            double dot = Math.abs(cut[0] * m[0] + cut[1] * m[1] + cut[2] * m[2]);
            assertEquals(1, dot, 1e-9, "point " + i + " of part " + p);
        }
        assertTrue(axis > e.pointCount() / 2, axis + " of " + e.pointCount() + " on the box faces");
    }
}
