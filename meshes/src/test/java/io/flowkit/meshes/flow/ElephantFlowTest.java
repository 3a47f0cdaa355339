package io.flowkit.meshes.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.ElephantPoses;
import io.flowkit.datasets.mesh.LinearBlendSkinning;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.bench.FlowAgnosticism;
import io.flowkit.meshes.geometry.CentroidSplit;
import io.flowkit.validation.pointcloud.Surface;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mesh flow's pieces on the real elephant poses and on a second triangulation of the elephant. */
class ElephantFlowTest {

    @Test
    void skinningCarriedToASecondTriangulationPosesTheSameSurface() throws Exception {
        ElephantPoses data = ElephantPoses.load();
        TriangleMesh a = data.rest();
        TriangleMesh b = CentroidSplit.split(a, 0.5, 0);
        assertTrue(b.vertexCount() > a.vertexCount() + 2500, "B has " + b.vertexCount() + " vertices");
        LinearBlendSkinning onB = FlowAgnosticism.transferSkinning(data.skinning(), b);
        for (int frame : new int[] {120, 300}) {
            TriangleMesh posedA = data.frame(frame);
            TriangleMesh posedB = onB.pose(data.transforms(frame));
            double[] va = posedA.vertices();
            double[] vb = posedB.vertices();
            for (int i = 0; i < va.length; i++) {
                assertEquals(va[i], vb[i], 1e-9, "shared vertex coordinate " + i);
            }
            double[] added = java.util.Arrays.copyOfRange(vb, va.length, vb.length);
            double[] d = Surface.of(posedA).distances(added);
            double max = java.util.Arrays.stream(d).max().orElseThrow();
            assertTrue(max < 0.01 * posedA.boundingBoxDiagonal(), "frame " + frame + ": a new vertex lies " + max
                    + " from the posed surface (diagonal " + posedA.boundingBoxDiagonal() + ")");
        }
    }

    @Test
    void aShortTrainingOnThePosesLowersTheLossAndGeneratesOnBothTriangulations() throws Exception {
        ElephantPoses data = ElephantPoses.load();
        List<double[]> poses = new ArrayList<>();
        for (int f = 0; f < data.frameCount(); f += 10) {
            poses.add(data.frame(f).vertices());
        }
        MeshFlowConfig config = MeshFlowConfig.defaults();
        MeshDomain a = MeshDomain.of(data.rest(), "elephant.obj", config);
        try (MeshFlowTraining.Trained t = MeshFlowTraining.builder().setDomain(a).setSignals(poses, "every 10th pose")
                .setSeed(1).optSteps(40).optBatchSize(2).optLearningRate(3e-3).build().run()) {
            List<Double> l = t.lossHistory();
            double first = l.subList(0, 8).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double last = l.subList(32, 40).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(last < 0.8 * first, "loss went from " + first + " to " + last);
            TriangleMesh b = CentroidSplit.split(data.rest(), 0.5, 0);
            int shared = data.rest().vertexCount();
            double spread = rms(poses.get(0), poses.get(poses.size() / 2), shared);
            List<double[]> samples = new ArrayList<>();
            for (TriangleMesh mesh : new TriangleMesh[] {data.rest(), b}) {
                double[] x = MeshSignalGenerator.builder().setModel(t.model()).setMesh(mesh, "elephant").optStepSize(0.25)
                        .build().generate(1, 3).get(0);
                assertEquals(3 * mesh.vertexCount(), x.length);
                // The sample lies among the training poses: nearer to one of them than two of them are to each
                // other (after 40 steps it is not yet a pose; measured 46.5 against 54.5).
                double nearest = Double.POSITIVE_INFINITY;
                for (double[] pose : poses) {
                    nearest = Math.min(nearest, rms(x, pose, shared));
                }
                assertTrue(nearest < spread, "nearest pose at " + nearest + ", two poses " + spread + " apart");
                samples.add(x);
            }
            // The same seed on a finer triangulation gives the same signal on the vertices both share, to a
            // small fraction of the distance between two poses: the flow does not depend on the triangulation.
            double across = rms(samples.get(0), samples.get(1), shared);
            // Measured 0.09 against 54.5; 1% of the spread allowed.
            assertTrue(across < 0.01 * spread, "A and B differ by " + across + " on shared vertices");
        }
    }

    /** RMS distance over the first n vertices of two signals (interleaved xyz). */
    private static double rms(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < 3 * n; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / n);
    }
}
