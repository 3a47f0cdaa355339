package io.flowkit.flow.solve;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** Measures of how straight sampled trajectories are (straighter flows need fewer solver steps). */
public final class Trajectories {

    private Trajectories() {}

    /**
     * The excess path length {@code E[L] / E[D] − 1}, where {@code L} is the length of each
     * sample's polygonal trajectory and {@code D} the distance between its ends: 0 for straight
     * paths (Liu et al. 2023, rectified flow, discuss straightness; this is its polygonal form).
     *
     * @param trajectory the states at successive times, each {@code (batch, …)}, at least two
     * @return the excess length, non-negative
     * @throws IllegalArgumentException if fewer than two states are given or the shapes differ
     */
    public static double excessLength(List<NDArray> trajectory) {
        if (trajectory.size() < 2) {
            throw new IllegalArgumentException("a trajectory needs at least two states: " + trajectory.size());
        }
        long batch = trajectory.get(0).getShape().get(0);
        int size = Math.toIntExact(trajectory.get(0).getShape().size() / batch);
        float[] first = trajectory.get(0).toFloatArray();
        float[] previous = first;
        double[] length = new double[(int) batch];
        for (int k = 1; k < trajectory.size(); k++) {
            if (!trajectory.get(k).getShape().equals(trajectory.get(0).getShape())) {
                throw new IllegalArgumentException("state " + k + " has shape " + trajectory.get(k).getShape()
                        + ", state 0 has " + trajectory.get(0).getShape());
            }
            float[] current = trajectory.get(k).toFloatArray();
            for (int b = 0; b < batch; b++) {
                length[b] += distance(previous, current, b, size);
            }
            previous = current;
        }
        double totalLength = 0;
        double totalDisplacement = 0;
        for (int b = 0; b < batch; b++) {
            totalLength += length[b];
            totalDisplacement += distance(first, previous, b, size);
        }
        return totalDisplacement > 0 ? totalLength / totalDisplacement - 1 : 0;
    }

    private static double distance(float[] a, float[] b, int sample, int size) {
        double s = 0;
        for (int k = sample * size; k < (sample + 1) * size; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
