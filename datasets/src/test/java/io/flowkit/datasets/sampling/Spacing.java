package io.flowkit.datasets.sampling;

import io.flowkit.datasets.spatial.NearestNeighbors;

/** Test helper: distances from each point of a cloud to its nearest other point. */
final class Spacing {

    private Spacing() {}

    static double[] nearestOther(double[] xyz) {
        NearestNeighbors nn = NearestNeighbors.of(xyz);
        double[] d = new double[xyz.length / 3];
        for (int i = 0; i < d.length; i++) {
            int j = nn.kNearest(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], 2)[1];
            double dx = xyz[3 * i] - xyz[3 * j];
            double dy = xyz[3 * i + 1] - xyz[3 * j + 1];
            double dz = xyz[3 * i + 2] - xyz[3 * j + 2];
            d[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return d;
    }

    static double min(double[] d) {
        return java.util.Arrays.stream(d).min().orElseThrow();
    }

    static double coefficientOfVariation(double[] d) {
        double mean = java.util.Arrays.stream(d).average().orElseThrow();
        double var = java.util.Arrays.stream(d).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
        return Math.sqrt(var) / mean;
    }
}
