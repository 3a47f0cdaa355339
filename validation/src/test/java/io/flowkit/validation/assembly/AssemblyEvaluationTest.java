package io.flowkit.validation.assembly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.FracturedObject;
import io.flowkit.datasets.assembly.Part;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.catalog.FracturedObjectSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AssemblyEvaluationTest {

    private static double[] cloud(Random r, int n, double sx, double sy, double sz) {
        double[] p = new double[3 * n];
        for (int i = 0; i < n; i++) {
            p[3 * i] = sx * r.nextGaussian();
            p[3 * i + 1] = sy * r.nextGaussian();
            p[3 * i + 2] = sz * r.nextGaussian();
        }
        return p;
    }

    private static RigidPose randomPose(Random r) {
        return RigidPose.of(So3.exp(new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()}),
                new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()});
    }

    /** The pose turned by {@code angle} about an axis through the part's centroid (here its origin). */
    private static RigidPose turned(RigidPose pose, double[] axis, double angleDegrees) {
        double a = Math.toRadians(angleDegrees);
        double[] extra = So3.exp(new double[] {a * axis[0], a * axis[1], a * axis[2]});
        return RigidPose.of(So3.multiply(pose.rotation(), extra), pose.translation());
    }

    private static RigidPose shifted(RigidPose pose, double dx) {
        double[] t = pose.translation();
        t[0] += dx;
        return RigidPose.of(pose.rotation(), t);
    }

    private static double naiveChamfer(double[] a, double[] b) {
        return naiveMean(a, b) + naiveMean(b, a);
    }

    private static double naiveMean(double[] from, double[] to) {
        double s = 0;
        for (int i = 0; i < from.length / 3; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < to.length / 3; j++) {
                double dx = from[3 * i] - to[3 * j];
                double dy = from[3 * i + 1] - to[3 * j + 1];
                double dz = from[3 * i + 2] - to[3 * j + 2];
                best = Math.min(best, dx * dx + dy * dy + dz * dz);
            }
            s += best;
        }
        return s / (from.length / 3);
    }

    private static double[] centred(double[] p) {
        double[] c = new double[3];
        int n = p.length / 3;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                c[k] += p[3 * i + k] / n;
            }
        }
        double[] out = p.clone();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] -= c[k];
            }
        }
        return out;
    }

    @Test
    void exactPosesScorePerfectly() {
        Random r = new Random(40);
        List<double[]> parts = List.of(centred(cloud(r, 400, 0.3, 0.1, 0.05)), centred(cloud(r, 300, 0.1, 0.2, 0.1)),
                centred(cloud(r, 500, 0.2, 0.2, 0.02)));
        List<RigidPose> truth = List.of(randomPose(r), randomPose(r), randomPose(r));
        AssemblyResult res = AssemblyEvaluation.of(parts, truth, truth);
        assertEquals(1.0, res.partAccuracy());
        assertEquals(0, res.rotationErrorMeanDegrees(), 1e-5);
        assertEquals(0, res.translationRmse(), 1e-12);
        assertEquals(0, res.shapeChamfer(), 1e-24);
        assertArrayEquals(new double[] {1, 1}, res.successRates());
        assertArrayEquals(new int[] {0, 1, 2}, res.matching().trueOfPredicted());
    }

    @Test
    void rotationAndTranslationErrorsAndSuccessRatesFollowTheirDefinitions() {
        Random r = new Random(41);
        List<double[]> parts = List.of(centred(cloud(r, 400, 0.3, 0.1, 0.05)), centred(cloud(r, 300, 0.1, 0.2, 0.1)),
                centred(cloud(r, 500, 0.2, 0.2, 0.02)));
        List<RigidPose> truth = List.of(randomPose(r), randomPose(r), randomPose(r));
        List<RigidPose> predicted = List.of(truth.get(0), turned(truth.get(1), new double[] {0, 0.6, 0.8}, 7),
                shifted(truth.get(2), 0.03));
        AssemblyResult res = AssemblyEvaluation.of(parts, predicted, truth);
        assertArrayEquals(new double[] {0, 7, 0}, res.rotationErrorsDegrees(), 1e-6);
        assertArrayEquals(new double[] {0, 0, 0.03}, res.translationErrors(), 1e-12);
        assertEquals(7 / 3.0, res.rotationErrorMeanDegrees(), 1e-6);
        assertEquals(Math.sqrt(49 / 3.0), res.rotationErrorRmseDegrees(), 1e-6);
        assertEquals(Math.sqrt(0.03 * 0.03 / 3), res.translationRmse(), 1e-12);
        // 5°/0.01: only part 0 passes; 10°/0.05: all pass.
        assertArrayEquals(new double[] {1 / 3.0, 1.0}, res.successRates(), 1e-15);
        // The matched Chamfer costs equal a brute-force computation.
        for (int i = 0; i < 3; i++) {
            double expected = naiveChamfer(predicted.get(i).apply(parts.get(i)), truth.get(i).apply(parts.get(i)));
            assertEquals(expected, res.matching().matchedChamfer()[i], 1e-12);
        }
        double[] predictedShape = concat(predicted, parts);
        double[] trueShape = concat(truth, parts);
        assertEquals(naiveChamfer(predictedShape, trueShape), res.shapeChamfer(), 1e-12);
        // A large turn makes a part incorrect.
        List<RigidPose> bad = List.of(truth.get(0), turned(truth.get(1), new double[] {1, 0, 0}, 90), truth.get(2));
        AssemblyResult worse = AssemblyEvaluation.builder().optPartThreshold(1e-3).build().evaluate(parts, bad, truth);
        assertEquals(2 / 3.0, worse.partAccuracy(), 1e-15);
        assertTrue(worse.matching().correct()[0] && !worse.matching().correct()[1]);
    }

    private static double[] concat(List<RigidPose> poses, List<double[]> parts) {
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            for (double v : poses.get(i).apply(parts.get(i))) {
                all.add(v);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void hungarianMatchingForgivesSwappedIdenticalParts() {
        Random r = new Random(42);
        double[] leg = centred(cloud(r, 300, 0.05, 0.4, 0.05));
        double[] seat = centred(cloud(r, 400, 0.4, 0.04, 0.4));
        List<double[]> parts = List.of(leg, leg, seat);
        RigidPose left = RigidPose.of(So3.identity(), new double[] {-0.35, -0.4, 0});
        RigidPose right = RigidPose.of(So3.identity(), new double[] {0.35, -0.4, 0});
        RigidPose top = RigidPose.of(So3.identity(), new double[] {0, 0.05, 0});
        AssemblyResult res = AssemblyEvaluation.of(parts, List.of(right, left, top), List.of(left, right, top));
        assertEquals(1.0, res.partAccuracy(), "identical legs may trade places");
        assertArrayEquals(new int[] {1, 0, 2}, res.matching().trueOfPredicted());
        // Pose errors compare each part with its own true pose, so the swap shows there.
        assertEquals(0.7, res.translationErrors()[0], 1e-12);
    }

    @Test
    void realBreakingBadAndPartNetObjects() throws Exception {
        List<FracturedObject> objects = new ArrayList<>(FracturedObjectSet.breakingBadEveryday().readSplit("val"));
        objects.addAll(FracturedObjectSet.partNetSample().readSplit("val").subList(0, 2));
        List<AssemblyResult> results = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        AssemblyEvaluation evaluation = AssemblyEvaluation.builder().optPointsPerPart(500).optSeed(3).build();
        for (FracturedObject object : objects) {
            List<RigidPose> truth = new ArrayList<>();
            List<RigidPose> perturbed = new ArrayList<>();
            for (Part part : object.parts()) {
                truth.add(part.pose());
                perturbed.add(RigidPose.of(So3.multiply(So3.exp(new double[] {Math.toRadians(30), 0, 0}), part.pose().rotation()),
                        part.pose().translation()));
            }
            AssemblyResult exact = evaluation.evaluate(object, truth);
            assertEquals(1.0, exact.partAccuracy(), object.id());
            assertEquals(0, exact.shapeChamfer(), 1e-20);
            AssemblyResult off = evaluation.evaluate(object, perturbed);
            assertArrayEquals(new double[object.partCount()], subtract(off.rotationErrorsDegrees(), 30), 1e-6);
            // A 30° turn of the whole object about the x axis moves parts off their places.
            assertTrue(off.shapeChamfer() > 1e-3, object.id());
            assertTrue(off.partAccuracy() < 1.0, object.id());
            assertTrue(off.translationRmse() > 0.01, object.id());
            assertEquals(0.0, off.successRates()[1], object.id() + ": 30° fails the 10° threshold");
            results.add(off);
            ids.add(object.id());
        }
        String table = AssemblyResult.table(ids, results).toMarkdown();
        assertTrue(table.contains("success 5°/0.01") && table.contains("part accuracy"), table);
    }

    private static double[] subtract(double[] v, double x) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] -= x;
        }
        return out;
    }

    @Test
    void rejectsBadInput() {
        double[] p = {0, 0, 0, 1, 0, 0};
        RigidPose id = RigidPose.identity();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AssemblyEvaluation.of(List.of(), List.of(), List.of()))
                .getMessage().contains("parts are empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AssemblyEvaluation.of(List.of(p), List.of(id, id), List.of(id)))
                .getMessage().contains("predicted has 2 poses"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> AssemblyEvaluation.of(List.of(new double[] {0, Double.NaN, 0}), List.of(id), List.of(id))).getMessage()
                .contains("part 0 point 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> AssemblyEvaluation.builder().optPartThreshold(0).build()).getMessage().contains("part threshold"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> AssemblyEvaluation.builder().optSuccessThresholds(new double[] {5}).build()).getMessage().contains("pair"));
    }
}
