package io.flowkit.flow.solve;

import ai.djl.ndarray.NDArray;
import io.flowkit.flow.grid.TimeGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * Any solver with a {@link StepProjection} after each grid step: the solve runs one grid interval
 * at a time with the wrapped solver (so an adaptive solver still chooses its own steps inside each
 * interval), and the state is projected at every grid time.
 */
final class ProjectedSolver implements OdeSolver {

    private final OdeSolver inner;
    private final StepProjection projection;

    ProjectedSolver(OdeSolver inner, StepProjection projection) {
        if (inner == null || projection == null) {
            throw new IllegalArgumentException("solver and projection must not be null");
        }
        this.inner = inner;
        this.projection = projection;
    }

    @Override
    public Solution solve(VelocityFunction field, NDArray x0, TimeGrid grid, boolean keepTrajectory) {
        List<NDArray> trajectory = new ArrayList<>();
        if (keepTrajectory) {
            trajectory.add(x0.duplicate());
        }
        NDArray x = x0;
        int evaluations = 0;
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < grid.steps(); i++) {
            double end = grid.time(i + 1);
            Solution step = inner.solve(field, x, TimeGrid.of(grid.time(i), end), false);
            evaluations += step.evaluations();
            accepted += step.acceptedSteps();
            rejected += step.rejectedSteps();
            NDArray projected = projection.project(step.state(), end);
            if (!projected.getShape().equals(x0.getShape())) {
                throw new IllegalStateException("the projection returned shape " + projected.getShape()
                        + ", the state has " + x0.getShape());
            }
            if (projected != step.state()) {
                step.state().close();
            }
            if (x != x0 && !keepTrajectory) {
                x.close();
            }
            x = projected;
            if (keepTrajectory) {
                trajectory.add(x);
            }
        }
        Fields.checkFinite(x, grid.end());
        double[] times = keepTrajectory ? grid.times() : new double[] {grid.end()};
        NDArray state = x == x0 ? x0.duplicate() : x;
        return new Solution(state, evaluations, accepted, rejected, times, List.copyOf(trajectory));
    }

    @Override
    public String name() {
        return inner.name() + "+projection";
    }
}
