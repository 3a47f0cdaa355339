package io.flowkit.molecules.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.core.math.So3;
import io.flowkit.flow.random.SeededRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The network is E(3)-equivariant, respects padding and keeps the centre of mass fixed. */
class TsGenNetworkTest {

    private static final TsGenConfig SMALL = TsGenConfig.defaults().withSize(16, 2);

    private static float[] rotate(float[] xyz, double[] r) {
        double[] d = new double[xyz.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = xyz[i];
        }
        double[] out = So3.transformPoints(r, null, d);
        float[] f = new float[out.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) out[i];
        }
        return f;
    }

    /** A random molecule of n atoms: state, R, P, one-hot types (element by index) and mask. */
    private record Inputs(float[] x, float[] r, float[] p, float[] types, float[] mask) {
        static Inputs random(int n, long seed) {
            SeededRandom random = SeededRandom.of(seed);
            float[] types = new float[4 * n];
            float[] mask = new float[n];
            for (int a = 0; a < n; a++) {
                types[4 * a + a % 4] = 1;
                mask[a] = 1;
            }
            return new Inputs(random.gaussian(3 * n), random.gaussian(3 * n), random.gaussian(3 * n), types, mask);
        }
    }

    private static float[] velocity(TsGenModel model, NDManager m, float[] x, float[] r, float[] p, float[] types,
            float[] mask, int n) {
        NDList condition = new NDList(m.create(types, new Shape(1, n, 4)), m.create(r, new Shape(1, n, 3)),
                m.create(p, new Shape(1, n, 3)), m.create(mask, new Shape(1, n)));
        return model.field().velocity(m.create(x, new Shape(1, n, 3)), m.create(new float[] {0.4f}), condition, false)
                .toFloatArray();
    }

    @ParameterizedTest(name = "normalized = {0}")
    @ValueSource(booleans = {false, true})
    void rotatingStateReactantAndProductTogetherRotatesTheVelocity(boolean normalized) {
        int n = 6;
        Inputs in = Inputs.random(n, 3);
        float[] x = in.x();
        float[] r = in.r();
        float[] p = in.p();
        float[] types = in.types();
        float[] mask = in.mask();
        try (TsGenModel model = TsGenModel.create(SMALL.withNormalization(normalized), 5, Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            float[] v = velocity(model, m, x, r, p, types, mask, n);
            Random rng = new Random(8);
            for (int trial = 0; trial < 3; trial++) {
                double[] rot = So3.exp(new double[] {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()});
                float[] rotated = velocity(model, m, rotate(x, rot), rotate(r, rot), rotate(p, rot), types, mask, n);
                float[] expected = rotate(v, rot);
                double scale = 0;
                for (float value : v) {
                    scale = Math.max(scale, Math.abs(value));
                }
                assertTrue(scale > 1e-3, "velocity must not vanish");
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], rotated[i], 1e-4 * Math.max(1, scale), "component " + i);
                }
            }
            // Translating R and P (not the state) changes nothing that matters: the displacements x − R change,
            // so the velocity may change; but translating all three together must not.
            float[] shifted = velocity(model, m, shift(x), shift(r), shift(p), types, mask, n);
            for (int i = 0; i < v.length; i++) {
                assertEquals(v[i], shifted[i], 1e-4, "translation invariance, component " + i);
            }
        }
    }

    private static float[] shift(float[] xyz) {
        float[] out = xyz.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (i % 3 == 0 ? 3.0 : -1.5);
        }
        return out;
    }

    @ParameterizedTest(name = "normalized = {0}")
    @ValueSource(booleans = {false, true})
    void paddedAtomsNeitherMoveNorInfluenceRealOnesAndTheMeanVelocityIsZero(boolean normalized) {
        int n = 5;
        Inputs in = Inputs.random(n, 11);
        float[] x = in.x();
        float[] r = in.r();
        float[] p = in.p();
        float[] types = in.types();
        float[] mask = in.mask();
        // The same molecule padded with two dummy atoms at arbitrary places.
        int padded = n + 2;
        float[] xp = java.util.Arrays.copyOf(x, 3 * padded);
        float[] rp = java.util.Arrays.copyOf(r, 3 * padded);
        float[] pp = java.util.Arrays.copyOf(p, 3 * padded);
        xp[3 * n] = 0.3f;
        rp[3 * n + 4] = -0.7f;
        float[] typesPadded = java.util.Arrays.copyOf(types, 4 * padded);
        float[] maskPadded = java.util.Arrays.copyOf(mask, padded);
        try (TsGenModel model = TsGenModel.create(SMALL.withNormalization(normalized), 6, Device.cpu());
                NDManager m = model.manager().newSubManager()) {
            float[] v = velocity(model, m, x, r, p, types, mask, n);
            float[] vp = velocity(model, m, xp, rp, pp, typesPadded, maskPadded, padded);
            for (int i = 0; i < 3 * n; i++) {
                assertEquals(v[i], vp[i], 1e-4, "real atom component " + i);
            }
            for (int i = 3 * n; i < 3 * padded; i++) {
                assertEquals(0, vp[i], 0.0, "padded component " + i);
            }
            for (int d = 0; d < 3; d++) {
                double sum = 0;
                for (int a = 0; a < n; a++) {
                    sum += v[3 * a + d];
                }
                assertEquals(0, sum, 1e-4, "mean velocity along axis " + d);
            }
        }
    }

    @Test
    void wrongInputsAreNamed() {
        try (TsGenModel model = TsGenModel.create(SMALL, 1, Device.cpu()); NDManager m = model.manager().newSubManager()) {
            NDArray x = m.zeros(new Shape(1, 3, 3));
            IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                    () -> model.field().velocity(x, m.zeros(new Shape(1)), new NDList(m.zeros(new Shape(1, 3, 4))), false));
            assertTrue(few.getMessage().contains("[x_t, t, types, R, P, mask]"), few.getMessage());
            IllegalArgumentException shapes = assertThrows(IllegalArgumentException.class, () -> model.field().velocity(x,
                    m.zeros(new Shape(1)), new NDList(m.zeros(new Shape(1, 3, 4)), m.zeros(new Shape(1, 2, 3)),
                            m.zeros(new Shape(1, 3, 3)), m.zeros(new Shape(1, 3))), false));
            assertTrue(shapes.getMessage().contains("do not fit x_t"), shapes.getMessage());
        }
    }

    @Test
    void theNormalizationSettingIsSavedAndLoaded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        TsGenConfig normalized = SMALL.withNormalization(true);
        assertEquals("true", normalized.describe().get("tsgen.normalized"));
        assertTrue(!SMALL.describe().containsKey("tsgen.normalized"), "absent when off: old checkpoints still resume");
        try (TsGenModel model = TsGenModel.create(normalized, 4, Device.cpu())) {
            model.save(dir, new io.flowkit.flow.checkpoint.Provenance("test", "djl", "engine", "now", 4, 0, "none",
                    normalized.describe(), java.util.Map.of(), 1));
        }
        try (TsGenModel loaded = TsGenModel.load(dir, Device.cpu())) {
            assertEquals(normalized, loaded.config());
        }
        java.nio.file.Path old = dir.resolve("old");
        try (TsGenModel model = TsGenModel.create(SMALL, 4, Device.cpu())) {
            model.save(old, new io.flowkit.flow.checkpoint.Provenance("test", "djl", "engine", "now", 4, 0, "none",
                    SMALL.describe(), java.util.Map.of(), 1));
        }
        java.nio.file.Path json = old.resolve("model.json");
        java.nio.file.Files.writeString(json, java.nio.file.Files.readString(json)
                .replaceAll(",\\s*\"normalized\"\\s*:\\s*false", "").replaceAll("\"normalized\"\\s*:\\s*false\\s*,", ""));
        assertTrue(!java.nio.file.Files.readString(json).contains("normalized"), "the field was removed");
        try (TsGenModel loaded = TsGenModel.load(old, Device.cpu())) {
            assertTrue(!loaded.config().normalized(), "a model.json without the field loads unnormalised");
        }
    }
}
