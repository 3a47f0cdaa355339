package io.flowkit.datasets.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ElephantPosesTest {

    private static ElephantPoses poses;

    @BeforeAll
    static void load() throws IOException {
        poses = ElephantPoses.load();
    }

    @Test
    void hasTheDocumentedShape() {
        assertEquals(6034, poses.rest().vertexCount());
        assertEquals(24, poses.skinning().boneCount());
        assertEquals(457, poses.frameCount());
        assertEquals(288, poses.transforms(0).length);
    }

    @Test
    void frameZeroIsTheRestPose() {
        TriangleMesh rest = poses.rest();
        TriangleMesh f0 = poses.frame(0);
        double[] a = rest.vertices();
        double[] b = f0.vertices();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        assertTrue(worst < 1e-6 * rest.boundingBoxDiagonal(), "max deviation " + worst);
        assertEquals(rest.faceView(), f0.faceView());
    }

    @Test
    void everyFrameIsFinitePlausiblySizedAndTheAnimationMoves() {
        List<TriangleMesh> frames = poses.frames();
        assertEquals(457, frames.size());
        double restDiagonal = poses.rest().boundingBoxDiagonal();
        double restArea = poses.rest().surfaceArea();
        double largestMotion = 0;
        double[] rest = poses.rest().vertices();
        for (TriangleMesh f : frames) {
            // finite: guaranteed by TriangleMesh, checked again here on the raw coordinates
            double[] v = f.vertices();
            for (double x : v) {
                assertTrue(Double.isFinite(x));
            }
            double diagonal = f.boundingBoxDiagonal();
            assertTrue(diagonal > 0.5 * restDiagonal && diagonal < 2 * restDiagonal, "diagonal " + diagonal);
            // skinning bends the surface but roughly preserves its area
            double area = f.surfaceArea();
            assertTrue(area > 0.7 * restArea && area < 1.3 * restArea, "area " + area + " vs " + restArea);
            for (int i = 0; i < v.length; i++) {
                largestMotion = Math.max(largestMotion, Math.abs(v[i] - rest[i]));
            }
        }
        assertTrue(largestMotion > 0.05 * restDiagonal, "the animation moves vertices: " + largestMotion);
    }
}
