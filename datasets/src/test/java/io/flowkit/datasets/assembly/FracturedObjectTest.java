package io.flowkit.datasets.assembly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.math.So3;
import io.flowkit.datasets.Fixtures;
import io.flowkit.datasets.pointcloud.PointCloud;
import java.util.List;
import org.junit.jupiter.api.Test;

class FracturedObjectTest {

    @Test
    void posesMovePartsIntoTheAssembledFrameAndInvert() {
        RigidPose pose = RigidPose.of(So3.exp(new double[] {0, 0, Math.PI / 2}), new double[] {1, 2, 3});
        assertArrayEquals(new double[] {1, 3, 3}, pose.apply(new double[] {1, 0, 0}), 1e-15);
        assertArrayEquals(new double[] {0, 1, 0}, pose.rotate(new double[] {1, 0, 0}), 1e-15);
        assertArrayEquals(new double[] {1, 0, 0}, pose.inverse().apply(pose.apply(new double[] {1, 0, 0})), 1e-15);
        Part a = Part.ofMesh("a", Fixtures.tetra(), RigidPose.identity());
        Part b = Part.ofPoints("b", PointCloud.of(new double[] {1, 0, 0}), pose);
        FracturedObject o = FracturedObject.of("toy", List.of(a, b));
        double[] all = o.assembledPositions();
        assertEquals(15, all.length);
        assertArrayEquals(new double[] {1, 3, 3}, java.util.Arrays.copyOfRange(all, 12, 15), 1e-15);
        assertTrue(a.pose().isIdentity());
    }

    @Test
    void rejectsImproperRotationsAndEmptyObjects() {
        String mirror = assertThrows(IllegalArgumentException.class,
                () -> RigidPose.of(new double[] {-1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3])).getMessage();
        assertTrue(mirror.startsWith("rotation is not proper: det R = -1"), mirror);
        String skew = assertThrows(IllegalArgumentException.class,
                () -> RigidPose.of(new double[] {1, 0.1, 0, 0, 1, 0, 0, 0, 1}, new double[3])).getMessage();
        assertTrue(skew.startsWith("rotation is not orthonormal"), skew);
        assertEquals("object x has no parts", assertThrows(IllegalArgumentException.class, () -> FracturedObject.of("x", List.of())).getMessage());
    }
}
