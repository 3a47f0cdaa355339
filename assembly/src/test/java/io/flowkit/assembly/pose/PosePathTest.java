package io.flowkit.assembly.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowkit.core.math.So3;
import io.flowkit.flow.random.SeededRandom;
import org.junit.jupiter.api.Test;

/** The pose path against closed forms: endpoints, point velocities by finite differences, and the rate recovery. */
class PosePathTest {

    private static double[] cloud(SeededRandom r, int n) {
        double[] x = new double[3 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    @Test
    void aPoseHoldsItsOwnCopies() {
        double[] r = So3.exp(new double[] {0.1, 0.2, 0.3});
        double[] t = {1, 2, 3};
        PosePath.Pose pose = new PosePath.Pose(r, t);
        r[0] = 99;
        t[0] = 99;
        pose.rotation()[1] = 99;
        pose.translation()[1] = 99;
        assertArrayEquals(So3.exp(new double[] {0.1, 0.2, 0.3}), pose.rotation(), 0);
        assertArrayEquals(new double[] {1, 2, 3}, pose.translation(), 0);
        assertThrows(IllegalArgumentException.class, () -> new PosePath.Pose(new double[4], new double[3]));
        PoseSampler.Sampled s = new PoseSampler.Sampled(java.util.List.of(), new double[] {1, 2, 3});
        s.points()[0] = 7;
        assertEquals(1, s.points()[0]);
    }

    @Test
    void pathStartsAtTheSourceAndEndsAtTheTarget() {
        SeededRandom r = SeededRandom.of(1);
        for (int k = 0; k < 20; k++) {
            PosePath.Pose a = PosePath.source(r, 1);
            PosePath.Pose b = PosePath.source(r, 1);
            assertEquals(0, So3.angle(a.rotation(), PosePath.at(a, b, 0).rotation()), 1e-9);
            assertEquals(0, So3.angle(b.rotation(), PosePath.at(a, b, 1).rotation()), 1e-6);
            assertArrayEquals(b.translation(), PosePath.at(a, b, 1).translation(), 1e-12);
            // halfway along the geodesic: equal angles to both ends
            PosePath.Pose m = PosePath.at(a, b, 0.5);
            assertEquals(So3.angle(a.rotation(), m.rotation()), So3.angle(m.rotation(), b.rotation()), 1e-6);
        }
    }

    @Test
    void pointVelocitiesAreTheTimeDerivativeOfThePlacedPoints() {
        SeededRandom r = SeededRandom.of(2);
        double[] x = cloud(r, 30);
        for (int k = 0; k < 10; k++) {
            PosePath.Pose a = PosePath.source(r, 1);
            PosePath.Pose b = PosePath.source(r, 1);
            double t = r.nextDouble() * 0.9 + 0.05;
            double h = 1e-6;
            double[] before = PosePath.place(PosePath.at(a, b, t - h), x);
            double[] after = PosePath.place(PosePath.at(a, b, t + h), x);
            double[] v = new double[3];
            for (int d = 0; d < 3; d++) {
                v[d] = b.translation()[d] - a.translation()[d];
            }
            double[] u = PosePath.pointVelocities(PosePath.at(a, b, t).rotation(),
                    PosePath.angularRate(a.rotation(), b.rotation()), v, x);
            for (int i = 0; i < u.length; i++) {
                assertEquals((after[i] - before[i]) / (2 * h), u[i], 1e-5);
            }
        }
    }

    @Test
    void ratesRecoverTheRigidMotionFromItsPointVelocities() {
        SeededRandom r = SeededRandom.of(3);
        for (int k = 0; k < 20; k++) {
            double[] x = cloud(r, 5 + k);
            double[] rotation = PosePath.source(r, 1).rotation();
            double[] omega = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[] v = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[][] rates = PosePath.rates(rotation, x, PosePath.pointVelocities(rotation, omega, v, x));
            assertArrayEquals(omega, rates[0], 1e-7);
            assertArrayEquals(v, rates[1], 1e-7);
        }
    }

    @Test
    void ratesOfNoisyVelocitiesAreTheLeastSquaresFit() {
        SeededRandom r = SeededRandom.of(4);
        double[] x = cloud(r, 200);
        double[] rotation = PosePath.source(r, 1).rotation();
        double[] omega = {0.3, -1.2, 0.5};
        double[] v = {0.1, 0.2, -0.4};
        double[] u = PosePath.pointVelocities(rotation, omega, v, x);
        for (int i = 0; i < u.length; i++) {
            u[i] += 0.01 * r.nextGaussian();
        }
        double[][] rates = PosePath.rates(rotation, x, u);
        assertArrayEquals(omega, rates[0], 0.01);
        assertArrayEquals(v, rates[1], 0.01);
        assertThrows(IllegalArgumentException.class, () -> PosePath.rates(rotation, x, new double[3]));
    }

    @Test
    void aPartOnALineStillGetsItsTranslation() {
        double[] x = {-1, 0, 0, 0, 0, 0, 1, 0, 0};
        double[] rotation = So3.identity();
        double[] v = {0.5, -0.25, 2};
        double[][] rates = PosePath.rates(rotation, x, PosePath.pointVelocities(rotation, new double[3], v, x));
        assertArrayEquals(v, rates[1], 1e-6);
    }
}
