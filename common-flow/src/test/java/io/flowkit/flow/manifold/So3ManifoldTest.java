package io.flowkit.flow.manifold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.core.math.So3;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.RungeKutta;
import io.flowkit.flow.solve.VelocityFunction;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class So3ManifoldTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = FlowEngine.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static double[] randomRotations(Random random, int n) {
        double[] out = new double[9 * n];
        for (int i = 0; i < n; i++) {
            double[] r = So3.exp(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
            System.arraycopy(r, 0, out, 9 * i, 9);
        }
        return out;
    }

    @Test
    void batchedExpAndLogAgreeWithTheHostMapsAndInvertEachOther() {
        Random random = new Random(1);
        int n = 16;
        try (NDManager scope = manager.newSubManager()) {
            NDArray r = scope.create(randomRotations(random, n), new Shape(4, 4, 3, 3));
            NDArray q = scope.create(randomRotations(random, n), new Shape(4, 4, 3, 3));
            NDArray w = Manifold.so3().log(r, q);
            assertEquals(new Shape(4, 4, 3), w.getShape());
            NDArray back = Manifold.so3().exp(r, w);
            assertTrue(back.sub(q).abs().max().getDouble() < 1e-12, "exp_r(log_r(q)) = q");
            double[] rv = r.toDoubleArray();
            double[] qv = q.toDoubleArray();
            double[] wv = w.toDoubleArray();
            double[] r0 = java.util.Arrays.copyOfRange(rv, 0, 9);
            double[] q0 = java.util.Arrays.copyOfRange(qv, 0, 9);
            double[] expected = So3.log(So3.multiply(So3.transpose(r0), q0));
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[k], wv[k], 1e-12);
            }
        }
    }

    @Test
    void lieEulerIsExactForAConstantBodyVelocityAndFirstOrderOtherwise() {
        double[] omega = {0.3, -1.1, 0.7};
        try (NDManager scope = manager.newSubManager()) {
            NDArray r0 = scope.create(So3.identity(), new Shape(1, 3, 3));
            VelocityFunction constant = (x, t) -> x.getManager().create(omega, new Shape(1, 3));
            NDArray end = RungeKutta.class.cast(OdeSolver.euler()).on(Manifold.so3())
                    .solve(constant, r0, TimeGrid.uniform(7)).state();
            assertEquals(0, So3.angle(So3.exp(omega), end.toDoubleArray()), 1e-12);
        }
        // Body velocity that turns with time: compare against a fine midpoint solution.
        VelocityFunction turning = (x, t) -> x.getManager().create(new double[] {Math.cos(3 * t), Math.sin(3 * t), 0.5},
                new Shape(1, 3));
        double[] reference;
        try (NDManager scope = manager.newSubManager()) {
            NDArray r0 = scope.create(So3.identity(), new Shape(1, 3, 3));
            reference = ((RungeKutta) OdeSolver.midpoint()).on(Manifold.so3()).solve(turning, r0, TimeGrid.uniform(4096))
                    .state().toDoubleArray();
        }
        double coarse = lieEulerError(turning, reference, 32);
        double fine = lieEulerError(turning, reference, 128);
        assertEquals(1.0, Math.log(coarse / fine) / Math.log(4), 0.15, "Lie-Euler order");
    }

    private static double lieEulerError(VelocityFunction field, double[] reference, int steps) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray r0 = scope.create(So3.identity(), new Shape(1, 3, 3));
            double[] end = ((RungeKutta) OdeSolver.euler()).on(Manifold.so3()).solve(field, r0, TimeGrid.uniform(steps))
                    .state().toDoubleArray();
            return So3.angle(reference, end);
        }
    }

    @Test
    void wrongShapesAreRejected() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray notRotations = scope.zeros(new Shape(2, 3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Manifold.so3().exp(notRotations, scope.zeros(new Shape(2, 3))));
            assertTrue(e.getMessage().contains("(..., 3, 3)"), e.getMessage());
            NDArray r = scope.create(So3.identity(), new Shape(1, 3, 3));
            assertThrows(IllegalArgumentException.class, () -> Manifold.so3().exp(r, scope.zeros(new Shape(1, 4))));
        }
    }
}
