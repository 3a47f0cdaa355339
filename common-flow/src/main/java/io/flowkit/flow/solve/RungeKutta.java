package io.flowkit.flow.solve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.manifold.Manifold;
import java.util.ArrayList;
import java.util.List;

/**
 * An explicit Runge-Kutta method given by its Butcher tableau, stepping from grid time to grid
 * time (Hairer, Nørsett and Wanner, "Solving Ordinary Differential Equations I", section II.1).
 *
 * <p>On a manifold every stage and the update move by the exponential map,
 * {@code x ← exp_x(h Σ b_i k_i)} (Lie-Euler and Lie-midpoint in the terms of Iserles et al. 2000,
 * "Lie-group methods"): Euler keeps order 1 and midpoint order 2 on SO(3); higher-order tableaux
 * drop to order 2 there without the {@code dexp⁻¹} corrections of Munthe-Kaas.
 */
public final class RungeKutta implements OdeSolver {

    static final RungeKutta EULER = new RungeKutta("euler", new double[] {0}, new double[][] {{}}, new double[] {1}, Manifold.euclidean());
    static final RungeKutta MIDPOINT = new RungeKutta("midpoint", new double[] {0, 0.5},
            new double[][] {{}, {0.5}}, new double[] {0, 1}, Manifold.euclidean());
    static final RungeKutta HEUN = new RungeKutta("heun", new double[] {0, 1},
            new double[][] {{}, {1}}, new double[] {0.5, 0.5}, Manifold.euclidean());
    static final RungeKutta RK4 = new RungeKutta("rk4", new double[] {0, 0.5, 0.5, 1},
            new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}}, new double[] {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6},
            Manifold.euclidean());

    private final String name;
    private final double[] c;
    private final double[][] a;
    private final double[] b;
    private final Manifold manifold;

    private RungeKutta(String name, double[] c, double[][] a, double[] b, Manifold manifold) {
        this.name = name;
        this.c = c;
        this.a = a;
        this.b = b;
        this.manifold = manifold;
    }

    /**
     * The same method stepping on a manifold by its exponential map.
     *
     * @param space the manifold
     * @return a solver on that manifold
     */
    public RungeKutta on(Manifold space) {
        if (space == null) {
            throw new IllegalArgumentException("manifold is null");
        }
        return new RungeKutta(name, c, a, b, space);
    }

    /** @return the number of field evaluations per step */
    public int stages() {
        return b.length;
    }

    @Override
    public String name() {
        return manifold == Manifold.euclidean() ? name : name + "@" + manifold.name();
    }

    @Override
    public Solution solve(VelocityFunction field, NDArray x0, TimeGrid grid, boolean keepTrajectory) {
        NDManager base = x0.getManager();
        List<NDArray> trajectory = new ArrayList<>();
        if (keepTrajectory) {
            trajectory.add(x0.duplicate());
        }
        NDArray x = x0;
        int evaluations = 0;
        try (FlowEngine.GradientMode ignored = FlowEngine.noGradient()) {
            for (int i = 0; i < grid.steps(); i++) {
                double t = grid.time(i);
                double h = grid.time(i + 1) - t;
                NDArray next;
                try (NDManager scope = base.newSubManager()) {
                    x.tempAttach(scope);
                    NDArray[] k = new NDArray[b.length];
                    for (int s = 0; s < b.length; s++) {
                        NDArray stage = x;
                        NDArray increment = Fields.combine(k, a[s], h);
                        if (increment != null) {
                            stage = manifold.exp(x, increment);
                        }
                        k[s] = Fields.evaluate(field, stage, t + c[s] * h, manifold.tangentShape(x.getShape()));
                        evaluations++;
                    }
                    next = manifold.exp(x, Fields.combine(k, b, h));
                    next.attach(base);
                }
                if (x != x0 && !keepTrajectory) {
                    x.close();
                }
                x = next;
                if (keepTrajectory) {
                    trajectory.add(x);
                }
            }
            Fields.checkFinite(x, grid.end());
        }
        double[] times = keepTrajectory ? grid.times() : new double[] {grid.end()};
        NDArray state = x == x0 ? x0.duplicate() : x;
        return new Solution(state, evaluations, grid.steps(), 0, times, List.copyOf(trajectory));
    }
}
