package io.flowkit.assembly.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.assembly.data.AssemblyBatch;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.loss.LossContext;
import io.flowkit.flow.train.ProgressListener;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    private static final AssemblyConfig SMALL = new AssemblyConfig(4, 16, 2, 1, 2, 0);

    @Test
    void contactLabelsMarkFracturePointsAndTheTeacherLearnsThem() throws Exception {
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(128).build();
        List<AssemblyExample> train = SyntheticFractures.make(false, 16, 2, 4, prep, 3, n -> {});
        double share = 0;
        for (AssemblyExample e : train) {
            for (float c : e.contact()) {
                share += c;
            }
        }
        share /= 16 * 128;
        assertTrue(share > 0.05 && share < 0.8, "contact share " + share);
        try (TeacherModel t = TeacherModel.pretrain(SMALL, train, train, 150, 4, 3e-3, 1, "test", ProgressListener.silent())) {
            double accuracy = t.provenance().metrics().get("validation.balancedAccuracy");
            assertTrue(accuracy > 0.6, "balanced accuracy " + accuracy);
        }
    }

    /** The alignment term on given student features, with the teacher's own features as reference. */
    private static double[] terms(TeacherModel t, AssemblyExample e, boolean rotateStudent) {
        try (NDManager scope = FlowEngine.newManager(); FlowEngine.GradientMode off = FlowEngine.noGradient()) {
            AssemblyBatch b = AssemblyBatch.of(List.of(e), 4);
            NDList c = b.condition(scope);
            float[] a = new float[3 * e.pointCount()];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) e.assembled()[i];
            }
            NDArray x1 = scope.create(a, new Shape(1, e.pointCount(), 3));
            NDArray teacherFeatures = t.features(x1, c.get(1));
            NDArray student = teacherFeatures;
            if (rotateStudent) {
                // An orthogonal change of basis and a scale: CKA does not see it, cosine does.
                Random r = new Random(1);
                int d = (int) teacherFeatures.getShape().get(2);
                float[] q = new float[d * d];
                int[] perm = r.ints(0, d).distinct().limit(d).toArray();
                for (int i = 0; i < d; i++) {
                    q[i * d + perm[i]] = r.nextBoolean() ? 3f : -3f;
                }
                student = teacherFeatures.matMul(scope.create(q, new Shape(d, d)));
            }
            double[] out = new double[2];
            int k = 0;
            for (RepresentationAlignment.Kind kind : RepresentationAlignment.Kind.values()) {
                LossContext ctx = new LossContext(new NDList(x1, student), x1, x1, scope.ones(new Shape(1)), x1, x1, c);
                out[k++] = t.alignment(kind, 64, 5).compute(ctx).getFloat();
            }
            return out;
        }
    }

    @Test
    void ckaIgnoresAnOrthogonalScaledChangeOfBasisAndCosineDoesNot() throws Exception {
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(96).build();
        AssemblyExample e = SyntheticFractures.make(false, 1, 3, 3, prep, 9, n -> {}).get(0);
        try (TeacherModel t = TeacherModel.create(SMALL, 2)) {
            double[] same = terms(t, e, false);
            assertEquals(0, same[0], 1e-4, "1 − CKA of identical features");
            assertEquals(0, same[1], 1e-4, "1 − cos of identical features");
            double[] rotated = terms(t, e, true);
            assertEquals(0, rotated[0], 1e-3, "1 − CKA after an orthogonal scaled change of basis");
            assertTrue(rotated[1] > 0.1, "cosine term " + rotated[1]);
        }
    }
}
