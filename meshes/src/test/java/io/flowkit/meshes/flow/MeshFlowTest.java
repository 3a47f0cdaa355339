package io.flowkit.meshes.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.train.ModelParameters;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.meshes.TestSurfaces;
import io.flowkit.meshes.geometry.CentroidSplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeshFlowTest {

    private static final TriangleMesh SPHERE = TestSurfaces.sphere(3);
    private static final MeshFlowConfig SMALL = new MeshFlowConfig(SourceNoise.MATERN, 100, 3, 16, 4, 3, 1e-3, 0.01, true);

    /** Ellipsoids: the sphere scaled along the axes by random factors. */
    private static List<double[]> ellipsoids(int count, long seed) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] s = {0.7 + 0.6 * r.nextDouble(), 0.7 + 0.6 * r.nextDouble(), 0.7 + 0.6 * r.nextDouble()};
            double[] v = SPHERE.vertices();
            for (int i = 0; i < v.length; i++) {
                v[i] *= s[i % 3];
            }
            out.add(v);
        }
        return out;
    }

    /** The loss of a fixed batch, with the Poisson solve on the host (no gradients). */
    private static double loss(MeshFlowModel model, MeshDomain d, float[] xt, float[] ut, float[] t, int b) {
        int n = d.vertexCount();
        try (NDManager s = model.manager().newSubManager(); FlowEngine.GradientMode off = FlowEngine.noGradient()) {
            DomainArrays arrays = DomainArrays.of(d, s, b);
            NDArray x = s.create(xt, new Shape(b, n, 3));
            NDArray v = model.velocity(d, arrays, x, s.create(t));
            return MeshFlowLoss.compute(arrays, v, s.create(ut, new Shape(b, n, 3)), SMALL.gradientWeight())[0]
                    .getFloat();
        }
    }

    @Test
    void twoPassBackPropagationThroughThePoissonSolveMatchesFiniteDifferences() {
        MeshDomain d = MeshDomain.of(SPHERE, "sphere", SMALL);
        int n = d.vertexCount();
        int b = 2;
        Random r = new Random(5);
        float[] xt = new float[b * 3 * n];
        float[] ut = new float[b * 3 * n];
        for (int i = 0; i < xt.length; i++) {
            xt[i] = (float) (0.3 * r.nextGaussian());
            ut[i] = (float) (0.3 * r.nextGaussian());
        }
        float[] t = {0.3f, 0.8f};
        try (MeshFlowModel model = MeshFlowModel.create(SMALL, 3, Device.cpu())) {
            ModelParameters parameters = ModelParameters.of(model.network());
            try (NDManager s = model.manager().newSubManager()) {
                DomainArrays arrays = DomainArrays.of(d, s, b);
                NDArray x = s.create(xt, new Shape(b, n, 3));
                NDArray times = s.create(t);
                try (GradientCollector c = FlowEngine.get().newGradientCollector()) {
                    NDArray h = model.network().faceField(model.parameterStore(), arrays, x, times, true);
                    NDArray u = MeshFlowModel.poissonSolve(d.poisson(), h, n);
                    u.setRequiresGradient(true);
                    NDArray v = model.network().vertexVelocity(model.parameterStore(), arrays, x, times, u, true);
                    c.backward(MeshFlowLoss.compute(arrays, v, s.create(ut, new Shape(b, n, 3)), SMALL.gradientWeight())[0]);
                    NDArray dh = MeshFlowModel.poissonAdjoint(d.poisson(), u.getGradient(), arrays.faces());
                    c.backward(h.mul(dh).sum());
                }
            }
            int checked = 0;
            for (int p = 0; p < parameters.parameters().size(); p++) {
                Parameter parameter = parameters.parameters().get(p);
                String name = parameters.names().get(p);
                if (!(name.contains("face1") || name.contains("face_out") || name.contains("vertex1"))
                        || !name.endsWith("weight")) {
                    continue;
                }
                NDArray w = parameter.getArray();
                float[] grad = w.getGradient().toFloatArray();
                int index = 0;
                for (int i = 1; i < grad.length; i++) {
                    if (Math.abs(grad[i]) > Math.abs(grad[index])) {
                        index = i;
                    }
                }
                float[] values = w.toFloatArray();
                float original = values[index];
                double eps = 2e-2 * Math.max(1e-2, Math.abs(original));
                values[index] = (float) (original + eps);
                w.set(values);
                double plus = loss(model, d, xt, ut, t, b);
                values[index] = (float) (original - eps);
                w.set(values);
                double minus = loss(model, d, xt, ut, t, b);
                values[index] = original;
                w.set(values);
                double numeric = (plus - minus) / (2 * eps);
                assertEquals(numeric, grad[index], 0.05 * Math.abs(numeric) + 1e-6, name + "[" + index + "]");
                checked++;
            }
            assertEquals(3, checked);
        }
    }

    @Test
    void trainingLowersTheLossAndAStoppedRunResumesToTheSameWeights(@TempDir Path dir) throws Exception {
        MeshDomain d = MeshDomain.of(SPHERE, "sphere", SMALL);
        List<double[]> data = ellipsoids(6, 1);
        MeshFlowTraining.Builder builder = MeshFlowTraining.builder().setDomain(d).setSignals(data, "ellipsoids")
                .setSeed(4).optSteps(60).optBatchSize(2).optLearningRate(3e-3);
        float[] straight;
        try (MeshFlowTraining.Trained t = builder.build().run()) {
            List<Double> l = t.lossHistory();
            double first = l.subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double last = l.subList(50, 60).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertTrue(last < 0.85 * first, "loss went from " + first + " to " + last);
            assertTrue(t.finished());
            straight = weights(t.model());
        }
        Path checkpoints = dir.resolve("ckpt");
        MeshFlowTraining[] holder = new MeshFlowTraining[1];
        holder[0] = builder.optCheckpoints(checkpoints, 25).optProgress(new ProgressListener() {
            @Override
            public void onStep(long step, long total, double loss, double rate) {
                if (step == 33) {
                    holder[0].requestStop();
                }
            }
        }).build();
        try (MeshFlowTraining.Trained t = holder[0].run()) {
            assertTrue(!t.finished());
            assertEquals(33, t.lossHistory().size());
        }
        try (MeshFlowTraining.Trained t = builder.optProgress(ProgressListener.silent()).build().run()) {
            assertTrue(t.finished());
            assertEquals(60, t.lossHistory().size());
            assertArrayEquals(straight, weights(t.model()), 1e-6f);
        }
    }

    private static float[] weights(MeshFlowModel model) {
        List<Float> all = new ArrayList<>();
        for (NDArray a : ModelParameters.of(model.network()).arrays()) {
            for (float f : a.toFloatArray()) {
                all.add(f);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    @Test
    void generationIsSeededRunsOnAnotherTriangulationAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        TriangleMesh other = CentroidSplit.split(SPHERE, 0.5, 9);
        try (MeshFlowModel model = MeshFlowModel.create(SMALL, 2, Device.cpu())) {
            MeshSignalGenerator g = MeshSignalGenerator.builder().setModel(model).setMesh(SPHERE, "sphere")
                    .optBatchSize(3).build();
            List<double[]> a = g.generate(3, 11);
            List<double[]> again = g.generate(3, 11);
            List<double[]> single = MeshSignalGenerator.builder().setModel(model).setMesh(SPHERE, "sphere")
                    .optBatchSize(1).build().generate(3, 11);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(a.get(i), again.get(i), 0);
                assertArrayEquals(a.get(i), single.get(i), 1e-4);
            }
            List<double[]> b = MeshSignalGenerator.builder().setModel(model).setMesh(other, "split").build().generate(2, 1);
            assertEquals(3 * other.vertexCount(), b.get(0).length);
            for (double x : b.get(0)) {
                assertTrue(Double.isFinite(x));
            }
            model.save(dir.resolve("m"), null);
            try (MeshFlowModel loaded = MeshFlowModel.load(dir.resolve("m"), Device.cpu())) {
                assertEquals(SMALL, loaded.config());
                List<double[]> c = MeshSignalGenerator.builder().setModel(loaded).setMesh(SPHERE, "sphere")
                        .optBatchSize(3).build().generate(3, 11);
                assertArrayEquals(a.get(2), c.get(2), 0);
            }
        }
    }

    @Test
    void twoTriangulationsOfOneSurfaceShareTheFrame() {
        TriangleMesh other = CentroidSplit.split(SPHERE, 0.5, 9);
        MeshDomain a = MeshDomain.of(SPHERE, "a", SMALL);
        MeshDomain b = MeshDomain.of(other, "b", SMALL);
        assertEquals(a.area(), b.area(), 1e-12 * a.area());
        double[] ua = a.unitMesh().vertices();
        double[] ub = b.unitMesh().vertices();
        for (int i = 0; i < ua.length; i++) {
            assertEquals(ua[i], ub[i], 1e-12);
        }
        double[] back = b.fromUnit(b.toUnit(other.vertices()));
        assertArrayEquals(other.vertices(), back, 1e-12);
    }

    @Test
    void badInputIsNamed() {
        MeshDomain d = MeshDomain.of(SPHERE, "sphere", SMALL);
        double[] nan = SPHERE.vertices();
        nan[7] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeshFlowTraining.builder()
                .setDomain(d).setSignals(List.of(nan), "x").setSeed(0).build());
        assertTrue(e.getMessage().contains("training signal 0 has a non-finite value"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MeshFlowTraining.builder().setDomain(d)
                .setSignals(List.of(new double[9]), "x").setSeed(0).build());
        assertTrue(e.getMessage().contains("training signal 0 has 9 values"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MeshFlowTraining.builder().setDomain(d)
                .setSignals(ellipsoids(1, 0), "x").build());
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SMALL.withSigma(-1));
        assertTrue(e.getMessage().contains("sigma is not positive: -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SourceNoise.parse("pink"));
        assertTrue(e.getMessage().contains("unknown source noise: pink"), e.getMessage());
        TriangleMesh isolated = TriangleMesh.of(java.util.Arrays.copyOf(SPHERE.vertices(), SPHERE.vertices().length + 3),
                SPHERE.faces());
        // An isolated vertex is served by the robust Laplacian (its noise and mass are 0); a mesh
        // without a proper triangle is not, and the message names it.
        assertEquals(SPHERE.vertexCount() + 1, MeshDomain.of(isolated, "lonely.obj", SMALL).mesh().vertexCount());
        TriangleMesh flat = TriangleMesh.of(new double[] {0, 0, 0, 1, 0, 0}, new int[] {0, 1, 1});
        e = assertThrows(IllegalArgumentException.class, () -> MeshDomain.of(flat, "flat.obj", SMALL));
        assertTrue(e.getMessage().contains("mesh flat.obj has no triangle with three distinct vertices"), e.getMessage());
    }
}
