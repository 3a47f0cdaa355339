package io.flowkit.pointclouds.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.time.PiecewiseLinearCdf;
import io.flowkit.flow.train.HostBatch;
import io.flowkit.pointclouds.model.PufmModel;
import java.util.List;

/**
 * PUFM++ stage 3: the velocity loss {@code L(t) = E‖v(x_t, t) − (x1 − x0)‖²} of a trained model,
 * measured on a uniform time grid, as the distribution whose CDF (the normalised integral of the
 * loss) places the sampler's Euler steps: more, shorter steps where the loss is high.
 */
public final class LossProfile {

    private LossProfile() {}

    /**
     * Measures the loss profile.
     *
     * @param model the trained model
     * @param patches patches to measure on (in their own frame, not rotated)
     * @param gridPoints times on the uniform grid from 0 to 1, at least 2
     * @param seed the seed of the noise of {@code x0}
     * @return the loss over time as a distribution on [0, 1]
     * @throws IllegalArgumentException if there are no patches or fewer than 2 grid points
     */
    public static PiecewiseLinearCdf measure(PufmModel model, List<TrainingPatch> patches, int gridPoints, long seed) {
        return PiecewiseLinearCdf.of(grid(gridPoints), losses(model, patches, gridPoints, seed));
    }

    /**
     * The mean velocity loss at each time of the uniform grid.
     *
     * @param model the trained model
     * @param patches patches to measure on
     * @param gridPoints times on the grid, at least 2
     * @param seed the seed of the noise of {@code x0}
     * @return one mean loss per grid time
     * @throws IllegalArgumentException if there are no patches or fewer than 2 grid points
     */
    public static double[] losses(PufmModel model, List<TrainingPatch> patches, int gridPoints, long seed) {
        if (patches.isEmpty()) {
            throw new IllegalArgumentException("no patches to measure the loss profile on");
        }
        double[] grid = grid(gridPoints);
        PatchSource source = new PatchSource(patches, model.config(), false, "loss profile");
        double[] sums = new double[gridPoints];
        SeededRandom random = SeededRandom.of(seed);
        int batch = 8;
        try (FlowEngine.GradientMode ignored = FlowEngine.noGradient()) {
            for (int start = 0; start < patches.size(); start += batch) {
                int b = Math.min(batch, patches.size() - start);
                HostBatch host = source.inOrder(start, b, random);
                try (NDManager scope = model.manager().newSubManager()) {
                    Shape shape = host.batchShape();
                    NDArray data = scope.create(host.x1(), shape);
                    NDArray noisy = scope.create(host.x0(), shape);
                    NDArray target = data.sub(noisy);
                    NDList condition = host.condition().apply(scope);
                    for (int g = 0; g < gridPoints; g++) {
                        float t = (float) grid[g];
                        NDArray xt = data.mul(t).add(noisy.mul(1 - t));
                        NDArray v = model.field().velocity(xt, scope.full(new Shape(b), t), condition, false);
                        sums[g] += v.sub(target).square().mean().getFloat() * b;
                    }
                }
            }
        }
        for (int g = 0; g < gridPoints; g++) {
            sums[g] /= patches.size();
        }
        return sums;
    }

    private static double[] grid(int gridPoints) {
        if (gridPoints < 2) {
            throw new IllegalArgumentException("loss profile needs at least 2 grid points: " + gridPoints);
        }
        double[] grid = new double[gridPoints];
        for (int g = 0; g < gridPoints; g++) {
            grid[g] = (double) g / (gridPoints - 1);
        }
        grid[gridPoints - 1] = 1;
        return grid;
    }
}
