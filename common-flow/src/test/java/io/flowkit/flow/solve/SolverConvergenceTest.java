package io.flowkit.flow.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Solvers on {@code dx/dt = −2t·x + sin(3t)·y, dy/dt = −sin(3t)·x}, whose solution is known in closed form. */
class SolverConvergenceTest {

    private static NDManager manager;

    /** dx/dt = −2t x: x(1) = x0 e^{−1}. A second, rotating component makes the field non-scalar. */
    private static final VelocityFunction DECAY = (x, t) -> x.mul(-2 * t);

    @BeforeAll
    static void start() {
        manager = FlowEngine.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** Rotation with angular speed 3t²: the state turns by t³ by time t. */
    private static NDArray rotate(NDArray x, double t) {
        // x has shape (n, 2); v = 3t² · (−y, x)
        NDArray swapped = x.flip(1).mul(x.getManager().create(new double[] {-1, 1}));
        return swapped.mul(3 * t * t);
    }

    private static double error(OdeSolver solver, int steps, VelocityFunction field, double[] start, double[] exact) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x0 = scope.create(start, new ai.djl.ndarray.types.Shape(start.length / 2, 2));
            Solution s = solver.solve(field, x0, TimeGrid.uniform(steps));
            double[] got = s.state().toDoubleArray();
            double err = 0;
            for (int i = 0; i < got.length; i++) {
                err = Math.max(err, Math.abs(got[i] - exact[i]));
            }
            return err;
        }
    }

    private static double observedOrder(OdeSolver solver, VelocityFunction field, double[] start, double[] exact) {
        double coarse = error(solver, 16, field, start, exact);
        double fine = error(solver, 64, field, start, exact);
        return Math.log(coarse / fine) / Math.log(4);
    }

    private static double[] rotated(double[] start, double angle) {
        double[] out = new double[start.length];
        for (int i = 0; i < start.length; i += 2) {
            out[i] = Math.cos(angle) * start[i] - Math.sin(angle) * start[i + 1];
            out[i + 1] = Math.sin(angle) * start[i] + Math.cos(angle) * start[i + 1];
        }
        return out;
    }

    @Test
    void fixedStepSolversReachTheirOrderOfConvergence() {
        double[] start = {1.0, -0.5, 0.3, 2.0};
        double[] decayed = start.clone();
        for (int i = 0; i < decayed.length; i++) {
            decayed[i] *= Math.exp(-1);
        }
        double[] turned = rotated(start, 1.0);
        VelocityFunction rotation = SolverConvergenceTest::rotate;
        Object[][] cases = {{OdeSolver.euler(), 1.0}, {OdeSolver.midpoint(), 2.0}, {OdeSolver.heun(), 2.0}, {OdeSolver.rk4(), 4.0}};
        for (Object[] c : cases) {
            OdeSolver solver = (OdeSolver) c[0];
            double expected = (double) c[1];
            double decayOrder = observedOrder(solver, DECAY, start, decayed);
            double rotationOrder = observedOrder(solver, rotation, start, turned);
            assertEquals(expected, decayOrder, 0.15, solver.name() + " on the decay ODE");
            assertEquals(expected, rotationOrder, 0.15, solver.name() + " on the rotation ODE");
        }
    }

    @Test
    void countsFunctionEvaluationsAndKeepsTheTrajectory() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x0 = scope.create(new double[] {1, 2}, new ai.djl.ndarray.types.Shape(1, 2));
            Solution s = OdeSolver.rk4().solve(DECAY, x0, TimeGrid.uniform(5), true);
            assertEquals(20, s.evaluations());
            assertEquals(6, s.trajectory().size());
            assertEquals(6, s.times().length);
            // Each recorded state is the decay exp(−t²) of the start, to RK4 accuracy.
            for (int i = 0; i < s.times().length; i++) {
                double expected = Math.exp(-s.times()[i] * s.times()[i]);
                assertEquals(expected, s.trajectory().get(i).toDoubleArray()[0], 1e-4, "state " + i);
            }
            assertEquals(1.0, x0.toDoubleArray()[0], 0.0, "the initial state is not modified");
        }
    }

    @Test
    void dopri5MeetsItsToleranceAndSpendsMoreEvaluationsOnTighterTolerances() {
        double[] start = {1.0, -0.5, 0.3, 2.0};
        double[] exact = rotated(start, 1.0);
        VelocityFunction rotation = SolverConvergenceTest::rotate;
        int previousEvaluations = 0;
        for (double tol : new double[] {1e-4, 1e-7, 1e-10}) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray x0 = scope.create(start, new ai.djl.ndarray.types.Shape(2, 2));
                Solution s = OdeSolver.dopri5(tol, tol).solve(rotation, x0, TimeGrid.of(0, 1));
                double[] got = s.state().toDoubleArray();
                double err = 0;
                for (int i = 0; i < got.length; i++) {
                    err = Math.max(err, Math.abs(got[i] - exact[i]));
                }
                // Local error control: the global error stays within a small multiple of the tolerance.
                assertTrue(err < 10 * tol * 3, "tolerance " + tol + " gave error " + err);
                assertTrue(s.evaluations() > previousEvaluations, "tighter tolerance must cost more evaluations");
                assertEquals(1 + 1 + 6 * (s.acceptedSteps() + s.rejectedSteps()), s.evaluations(),
                        "one start evaluation, one for the initial step size, six per attempted step");
                previousEvaluations = s.evaluations();
            }
        }
    }

    @Test
    void dopri5StopsAtEveryGridTime() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x0 = scope.create(new double[] {1, 1}, new ai.djl.ndarray.types.Shape(1, 2));
            Solution s = OdeSolver.dopri5(1e-8, 1e-8).solve(DECAY, x0, TimeGrid.of(0, 0.25, 0.5, 1), true);
            assertEquals(4, s.trajectory().size());
            assertEquals(Math.exp(-0.25), s.trajectory().get(2).toDoubleArray()[0], 1e-7);
        }
    }

    @Test
    void rejectsFieldsThatChangeShapeOrBlowUp() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x0 = scope.create(new float[] {1, 2}, new ai.djl.ndarray.types.Shape(1, 2));
            IllegalStateException shape = assertThrows(IllegalStateException.class,
                    () -> OdeSolver.euler().solve((x, t) -> x.sum(), x0, TimeGrid.uniform(2)));
            assertTrue(shape.getMessage().contains("velocity field returned shape"), shape.getMessage());
            IllegalStateException nan = assertThrows(IllegalStateException.class,
                    () -> OdeSolver.euler().solve((x, t) -> x.mul(Float.NaN), x0, TimeGrid.uniform(2)));
            assertTrue(nan.getMessage().contains("non-finite"), nan.getMessage());
            IllegalStateException dopri = assertThrows(IllegalStateException.class,
                    () -> OdeSolver.dopri5(1e-5, 1e-5).solve((x, t) -> x.mul(Float.NaN), x0, TimeGrid.uniform(1)));
            assertTrue(dopri.getMessage().contains("not finite"), dopri.getMessage());
        }
    }

    @Test
    void solverNamesAreCheckedWithAClearMessage() {
        assertEquals("rk4", OdeSolver.byName("RK4").name());
        assertEquals("dopri5:1.0E-6,0.001", OdeSolver.byName("dopri5:1e-6,1e-3").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OdeSolver.byName("rk45"));
        assertTrue(e.getMessage().contains("unknown solver: rk45"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OdeSolver.byName("dopri5:x,y"));
        assertThrows(IllegalArgumentException.class, () -> OdeSolver.dopri5(0, 1e-3));
    }

    @Test
    void freesItsIntermediateArrays() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x0 = scope.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            int before = scope.getManagedArrays().size();
            for (OdeSolver solver : new OdeSolver[] {OdeSolver.rk4(), OdeSolver.dopri5(1e-6, 1e-6)}) {
                Solution s = solver.solve(DECAY, x0, TimeGrid.uniform(50));
                s.state().close();
            }
            assertEquals(before, scope.getManagedArrays().size(), "solvers must not leave arrays in the caller's manager");
        }
    }
}
