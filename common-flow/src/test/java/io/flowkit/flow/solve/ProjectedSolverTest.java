package io.flowkit.flow.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-step projection hook on the rotation {@code v(x, y) = (−y, x)}, whose orbits are circles. */
class ProjectedSolverTest {

    private static NDManager manager;
    private static final VelocityFunction ROTATION = (x, t) -> x.flip(1).mul(x.getManager().create(new double[] {-1, 1}));
    /** Onto the unit circle. */
    private static final StepProjection CIRCLE = (x, t) -> x.div(x.norm(new int[] {1}, true));

    @BeforeAll
    static void start() {
        manager = FlowEngine.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void eulerLeavesTheCircleAndTheProjectionKeepsItThereAtEveryGridTime() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x0 = scope.create(new double[] {1, 0, 0, 1}, new Shape(2, 2));
            TimeGrid grid = TimeGrid.uniform(8);
            Solution plain = OdeSolver.euler().solve(ROTATION, x0, grid);
            double plainRadius = plain.state().get(0).norm().getDouble();
            assertEquals(Math.pow(1 + 1.0 / 64, 4), plainRadius, 1e-9, "explicit Euler spirals outward");
            Solution projected = OdeSolver.projected(OdeSolver.euler(), CIRCLE).solve(ROTATION, x0, grid, true);
            assertEquals(9, projected.trajectory().size());
            for (NDArray state : projected.trajectory()) {
                double[] r = state.norm(new int[] {1}).toDoubleArray();
                assertArrayEquals(new double[] {1, 1}, r, 1e-12);
            }
            assertEquals(8, projected.evaluations());
            assertEquals(8, projected.acceptedSteps());
            // the angle advances by atan(h) per step: a projected Euler step is exact in direction
            double angle = Math.atan2(projected.state().getDouble(0, 1), projected.state().getDouble(0, 0));
            assertEquals(8 * Math.atan(1.0 / 8), angle, 1e-9);
            assertArrayEquals(new double[] {1, 0, 0, 1}, x0.toDoubleArray(), 0, "the start is not modified");
        }
    }

    @Test
    void theIdentityProjectionGivesTheWrappedSolversResult() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x0 = scope.create(new double[] {0.3, -0.7, 1.2, 0.4}, new Shape(2, 2));
            TimeGrid grid = TimeGrid.of(0, 0.2, 0.5, 1);
            for (OdeSolver solver : new OdeSolver[] {OdeSolver.euler(), OdeSolver.rk4(), OdeSolver.dopri5(1e-8, 1e-8)}) {
                double[] plain = solver.solve(ROTATION, x0, grid).state().toDoubleArray();
                Solution wrapped = OdeSolver.projected(solver, (x, t) -> x).solve(ROTATION, x0, grid);
                assertArrayEquals(plain, wrapped.state().toDoubleArray(), 1e-7, solver.name());
                assertTrue(wrapped.evaluations() > 0);
                assertEquals(solver.name() + "+projection", OdeSolver.projected(solver, (x, t) -> x).name());
            }
        }
    }

    @Test
    void theProjectionSeesTheGridTimesAndAWrongShapeIsRefused() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x0 = scope.create(new double[] {1, 0}, new Shape(1, 2));
            java.util.List<Double> seen = new java.util.ArrayList<>();
            OdeSolver.projected(OdeSolver.midpoint(), (x, t) -> {
                seen.add(t);
                return x;
            }).solve(ROTATION, x0, TimeGrid.of(0, 0.25, 1));
            assertEquals(java.util.List.of(0.25, 1.0), seen);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> OdeSolver.projected(
                    OdeSolver.euler(), (x, t) -> x.reshape(2)).solve(ROTATION, x0, TimeGrid.uniform(2)));
            assertTrue(e.getMessage().contains("shape"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> OdeSolver.projected(OdeSolver.euler(), null));
        }
    }
}
