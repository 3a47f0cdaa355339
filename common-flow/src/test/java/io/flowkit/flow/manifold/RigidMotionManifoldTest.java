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
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RigidMotionManifoldTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = FlowEngine.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static double[] randomMotions(Random random, int n) {
        double[] out = new double[12 * n];
        for (int i = 0; i < n; i++) {
            double[] r = So3.exp(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
            System.arraycopy(r, 0, out, 12 * i, 9);
            for (int d = 0; d < 3; d++) {
                out[12 * i + 9 + d] = random.nextGaussian();
            }
        }
        return out;
    }

    @Test
    void expAndLogInvertEachOtherAndSplitIntoRotationAndTranslation() {
        Random random = new Random(3);
        try (NDManager scope = manager.newSubManager()) {
            double[] a = randomMotions(random, 6);
            double[] b = randomMotions(random, 6);
            NDArray x = scope.create(a, new Shape(2, 3, 12));
            NDArray y = scope.create(b, new Shape(2, 3, 12));
            NDArray v = Manifold.rigidMotions().log(x, y);
            assertEquals(new Shape(2, 3, 6), v.getShape());
            assertTrue(Manifold.rigidMotions().exp(x, v).sub(y).abs().max().getDouble() < 1e-12, "exp_x(log_x(y)) = y");
            double[] w = v.toDoubleArray();
            // The parts: SO(3)'s body-frame log and the plain difference of translations.
            double[] expected = So3.log(So3.multiply(So3.transpose(java.util.Arrays.copyOfRange(a, 12, 21)),
                    java.util.Arrays.copyOfRange(b, 12, 21)));
            for (int k = 0; k < 3; k++) {
                assertEquals(expected[k], w[6 + k], 1e-12);
                assertEquals(b[12 + 9 + k] - a[12 + 9 + k], w[6 + 3 + k], 1e-12);
            }
            assertThrows(IllegalArgumentException.class, () -> Manifold.rigidMotions().exp(x, scope.zeros(new Shape(2, 3, 3))));
        }
    }

    @Test
    void eulerOnTheManifoldFollowsAConstantRigidVelocityExactly() {
        // R(t) = Exp(t ω), τ(t) = t v: any number of Lie-Euler steps lands on it exactly.
        double[] omega = {0.4, -0.9, 1.3};
        double[] lin = {1, -2, 0.5};
        try (NDManager scope = manager.newSubManager()) {
            double[] start = new double[12];
            start[0] = 1;
            start[4] = 1;
            start[8] = 1;
            NDArray x0 = scope.create(start, new Shape(1, 12));
            RungeKutta solver = ((RungeKutta) OdeSolver.midpoint()).on(Manifold.rigidMotions());
            NDArray x1 = solver.solve((x, t) -> x.getManager().create(new double[] {omega[0], omega[1], omega[2], lin[0],
                lin[1], lin[2]}, new Shape(1, 6)), x0, TimeGrid.uniform(7), false).state();
            double[] end = x1.toDoubleArray();
            double[] r = So3.exp(omega);
            for (int k = 0; k < 9; k++) {
                assertEquals(r[k], end[k], 1e-12);
            }
            for (int d = 0; d < 3; d++) {
                assertEquals(lin[d], end[9 + d], 1e-12);
            }
            assertEquals("midpoint@so3xr3", solver.name());
        }
    }
}
