package io.flowkit.flow.solve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * The adaptive Dormand-Prince 5(4) method (Dormand and Prince 1980; Hairer, Nørsett and Wanner,
 * "Solving Ordinary Differential Equations I", section II.4-5): a fifth-order step with an
 * embedded fourth-order error estimate, first-same-as-last, and the standard step-size control
 * {@code h ← h · min(10, max(0.2, 0.9 · err^(−1/5)))} with the error measured as the RMS of
 * {@code e_i / (atol + rtol · max(|x_i|, |x'_i|))}. It stops exactly at every grid time.
 */
final class Dopri5 implements OdeSolver {

    private static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}
    };
    /** Fifth-order solution minus the embedded fourth-order one. */
    private static final double[] E = {
        71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40
    };
    private static final int MAX_STEPS = 100_000;

    private final double atol;
    private final double rtol;

    private Dopri5(double atol, double rtol) {
        this.atol = atol;
        this.rtol = rtol;
    }

    static Dopri5 of(double atol, double rtol) {
        if (!(atol > 0) || !Double.isFinite(atol)) {
            throw new IllegalArgumentException("atol is not positive: " + atol);
        }
        if (!(rtol >= 0) || !Double.isFinite(rtol)) {
            throw new IllegalArgumentException("rtol is negative: " + rtol);
        }
        return new Dopri5(atol, rtol);
    }

    @Override
    public String name() {
        return "dopri5:" + atol + "," + rtol;
    }

    @Override
    public Solution solve(VelocityFunction field, NDArray x0, TimeGrid grid, boolean keepTrajectory) {
        NDManager base = x0.getManager();
        List<NDArray> trajectory = new ArrayList<>();
        if (keepTrajectory) {
            trajectory.add(x0.duplicate());
        }
        int[] evaluations = {0};
        int accepted = 0;
        int rejected = 0;
        try (FlowEngine.GradientMode ignored = FlowEngine.noGradient()) {
            NDArray x = x0;
            NDArray k1 = count(evaluations, Fields.evaluate(field, x0, grid.start()));
            double t = grid.start();
            double direction = Math.signum(grid.end() - grid.start());
            double h = direction * initialStep(field, x0, k1, t, direction, evaluations);
            for (int target = 1; target <= grid.steps(); target++) {
                double stop = grid.time(target);
                while (direction * (stop - t) > 1e-12 * Math.max(1, Math.abs(stop))) {
                    if (accepted + rejected >= MAX_STEPS) {
                        throw new IllegalStateException("dopri5 took more than " + MAX_STEPS
                                + " steps before t = " + stop + "; the field may be stiff or non-finite");
                    }
                    boolean last = direction * (t + h - stop) >= 0;
                    double step = last ? stop - t : h;
                    NDArray next;
                    NDArray nextK1;
                    double error;
                    try (NDManager scope = base.newSubManager()) {
                        x.tempAttach(scope);
                        k1.tempAttach(scope);
                        NDArray[] k = new NDArray[7];
                        k[0] = k1;
                        for (int s = 1; s < 7; s++) {
                            NDArray increment = Fields.combine(k, A[s], step);
                            k[s] = count(evaluations, Fields.evaluate(field, x.add(increment), t + C[s] * step));
                        }
                        // Stage 7 is evaluated at the fifth-order solution (first same as last).
                        NDArray candidate = x.add(Fields.combine(k, A[6], step));
                        error = errorNorm(Fields.combine(k, E, step), x, candidate);
                        if (error <= 1) {
                            next = candidate;
                            nextK1 = k[6];
                            next.attach(base);
                            nextK1.attach(base);
                        } else {
                            next = null;
                            nextK1 = null;
                        }
                    }
                    if (!Double.isFinite(error)) {
                        throw new IllegalStateException("dopri5 error estimate is not finite at t = " + t
                                + "; the state or the field became non-finite");
                    }
                    double factor = error == 0 ? 10 : Math.min(10, Math.max(0.2, 0.9 * Math.pow(error, -0.2)));
                    if (next != null) {
                        accepted++;
                        boolean recorded = !trajectory.isEmpty() && trajectory.get(trajectory.size() - 1) == x;
                        if (x != x0 && !recorded) {
                            x.close();
                        }
                        k1.close();
                        x = next;
                        k1 = nextK1;
                        t = last ? stop : t + step;
                        if (!last) {
                            h = step * factor;
                        }
                    } else {
                        rejected++;
                        h = step * Math.min(1, factor);
                    }
                }
                if (keepTrajectory) {
                    trajectory.add(x);
                }
            }
            k1.close();
            Fields.checkFinite(x, grid.end());
            NDArray state = x == x0 ? x0.duplicate() : x;
            double[] times = keepTrajectory ? grid.times() : new double[] {grid.end()};
            return new Solution(state, evaluations[0], accepted, rejected, times, List.copyOf(trajectory));
        }
    }

    /** Hairer's starting step (Hairer, Nørsett and Wanner, section II.4), one extra evaluation. */
    private double initialStep(VelocityFunction field, NDArray x0, NDArray f0, double t, double direction, int[] evaluations) {
        try (NDManager scope = x0.getManager().newSubManager()) {
            x0.tempAttach(scope);
            f0.tempAttach(scope);
            NDArray scale = x0.abs().mul(rtol).add(atol);
            double d0 = rms(x0.div(scale));
            double d1 = rms(f0.div(scale));
            double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
            NDArray f1 = count(evaluations, Fields.evaluate(field, x0.add(f0.mul(direction * h0)), t + direction * h0));
            double d2 = rms(f1.sub(f0).div(scale)) / h0;
            double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 0.2);
            return Math.min(100 * h0, h1);
        }
    }

    private double errorNorm(NDArray errorEstimate, NDArray x, NDArray candidate) {
        NDArray scale = x.abs().maximum(candidate.abs()).mul(rtol).add(atol);
        return rms(errorEstimate.div(scale));
    }

    private static double rms(NDArray a) {
        return Math.sqrt(a.square().mean().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble());
    }

    private static NDArray count(int[] evaluations, NDArray v) {
        evaluations[0]++;
        return v;
    }
}
