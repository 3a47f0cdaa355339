package io.flowkit.flow.solve;

import ai.djl.ndarray.NDArray;
import io.flowkit.flow.grid.TimeGrid;
import java.util.Locale;

/**
 * Integrates {@code dx/dt = v(x, t)} over a time grid. Fixed-step solvers step from grid time to
 * grid time; adaptive solvers choose their own steps but stop at every grid time (which is where
 * a trajectory is recorded). Solvers run with gradient recording off on the calling thread.
 */
public interface OdeSolver {

    /**
     * Solves the ODE.
     *
     * @param field the velocity field
     * @param x0 the initial state at {@code grid.start()}; it is not modified or closed
     * @param grid the times
     * @param keepTrajectory whether to keep the state at every grid time
     * @return the solution, its arrays in the manager of {@code x0}
     * @throws IllegalStateException if the field returns a wrong shape or the state becomes
     *     non-finite
     */
    Solution solve(VelocityFunction field, NDArray x0, TimeGrid grid, boolean keepTrajectory);

    /**
     * Solves without keeping the trajectory.
     *
     * @param field the velocity field
     * @param x0 the initial state
     * @param grid the times
     * @return the solution
     */
    default Solution solve(VelocityFunction field, NDArray x0, TimeGrid grid) {
        return solve(field, x0, grid, false);
    }

    /** @return the solver's name, e.g. {@code "rk4"} */
    String name();

    /**
     * A solver that projects the state after every grid step (see {@link StepProjection}).
     *
     * @param solver the solver of each grid interval
     * @param projection the projection applied at every grid time
     * @return the projected solver, named {@code <solver>+projection}
     * @throws IllegalArgumentException if an argument is null
     */
    static OdeSolver projected(OdeSolver solver, StepProjection projection) {
        return new ProjectedSolver(solver, projection);
    }

    /** @return the explicit Euler method (order 1, one evaluation per step) */
    static OdeSolver euler() {
        return RungeKutta.EULER;
    }

    /** @return the explicit midpoint method (order 2, two evaluations per step) */
    static OdeSolver midpoint() {
        return RungeKutta.MIDPOINT;
    }

    /** @return Heun's method, the explicit trapezoid rule (order 2, two evaluations per step) */
    static OdeSolver heun() {
        return RungeKutta.HEUN;
    }

    /** @return the classical fourth-order Runge-Kutta method (four evaluations per step) */
    static OdeSolver rk4() {
        return RungeKutta.RK4;
    }

    /**
     * The adaptive Dormand-Prince 5(4) method.
     *
     * @param atol absolute tolerance, positive
     * @param rtol relative tolerance, non-negative
     * @return the solver
     */
    static OdeSolver dopri5(double atol, double rtol) {
        return Dopri5.of(atol, rtol);
    }

    /**
     * A solver by name: {@code euler}, {@code midpoint}, {@code heun}, {@code rk4} or
     * {@code dopri5[:atol,rtol]} (default {@code 1e-5,1e-5}).
     *
     * @param name the name
     * @return the solver
     * @throws IllegalArgumentException naming the known solvers when the name is unknown
     */
    static OdeSolver byName(String name) {
        String full = name.trim().toLowerCase(Locale.ROOT);
        switch (full) {
            case "euler":
                return euler();
            case "midpoint":
            case "rk2":
                return midpoint();
            case "heun":
                return heun();
            case "rk4":
                return rk4();
            case "dopri5":
                return dopri5(1e-5, 1e-5);
            default:
                break;
        }
        if (full.startsWith("dopri5:")) {
            String[] tol = full.substring("dopri5:".length()).split(",");
            try {
                if (tol.length == 2) {
                    return dopri5(Double.parseDouble(tol[0]), Double.parseDouble(tol[1]));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("dopri5 tolerances are not numbers: " + name, e);
            }
            throw new IllegalArgumentException("dopri5 needs 'atol,rtol': " + name);
        }
        throw new IllegalArgumentException(
                "unknown solver: " + name + " (known: euler, midpoint, heun, rk4, dopri5[:atol,rtol])");
    }
}
