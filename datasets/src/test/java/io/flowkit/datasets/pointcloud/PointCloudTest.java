package io.flowkit.datasets.pointcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PointCloudTest {

    private static String rejection(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void subsetsKeepNormalsAndViewsAreReadOnly() {
        PointCloud c = PointCloud.of(new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, new double[] {0, 0, 1, 0, 1, 0, 1, 0, 0});
        PointCloud s = c.subset(new int[] {2, 0});
        assertArrayEquals(new double[] {2, 2, 2, 0, 0, 0}, s.positions());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1}, s.normals().orElseThrow());
        assertFalse(c.withoutNormals().hasNormals());
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> c.positionView().put(0, 5));
        assertEquals(0, c.coordinate(0, 0));
    }

    @Test
    void rejectsEmptyNonFiniteAndMismatchedClouds() {
        assertEquals("point cloud is empty", rejection(() -> PointCloud.of(new double[0])));
        assertEquals("point 1 has a non-finite coordinate: -Infinity",
                rejection(() -> PointCloud.of(new double[] {0, 0, 0, 0, Double.NEGATIVE_INFINITY, 0})));
        assertEquals("positions length is not a multiple of 3: 4", rejection(() -> PointCloud.of(new double[4])));
        assertEquals("normals hold 1 vectors but the cloud has 2 points", rejection(() -> PointCloud.of(new double[6], new double[3])));
        assertEquals("normal 0 has a non-finite coordinate: NaN",
                rejection(() -> PointCloud.of(new double[3], new double[] {Double.NaN, 0, 0})));
    }
}
