package io.flowkit.validation.pointcloud;

import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.validation.internal.Checks;
import java.util.stream.IntStream;

/**
 * Nearest-neighbour distances from each point of one cloud to another, the building block of the
 * Chamfer and Hausdorff distances. {@link #of} answers through a k-d tree
 * ({@link NearestNeighbors}, tinspin), in about O((n + m) log m); {@link #bruteForce} is the O(nm)
 * reference used by the tests and the benchmark.
 */
public final class NearestDistances {

    private NearestDistances() {}

    /**
     * The Euclidean distance from each point of {@code from} to its nearest point of {@code to},
     * through a spatial index.
     *
     * @param from query points, interleaved xyz
     * @param to reference points, interleaved xyz
     * @return one distance per point of {@code from}
     * @throws IllegalArgumentException if a cloud is empty, not a multiple of 3 long or not finite
     */
    public static double[] of(double[] from, double[] to) {
        Checks.points3(from, "from");
        Checks.points3(to, "to");
        return NearestNeighbors.of(to).nearestDistances(from);
    }

    /**
     * The same distances by testing every pair; the reference for {@link #of}.
     *
     * @param from query points, interleaved xyz
     * @param to reference points, interleaved xyz
     * @return one distance per point of {@code from}
     * @throws IllegalArgumentException on bad clouds
     */
    public static double[] bruteForce(double[] from, double[] to) {
        int n = Checks.points3(from, "from");
        int m = Checks.points3(to, "to");
        double[] out = new double[n];
        IntStream range = IntStream.range(0, n);
        if ((long) n * m > 1_000_000L) {
            range = range.parallel();
        }
        range.forEach(i -> {
            double x = from[3 * i];
            double y = from[3 * i + 1];
            double z = from[3 * i + 2];
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                double dx = x - to[3 * j];
                double dy = y - to[3 * j + 1];
                double dz = z - to[3 * j + 2];
                double d = dx * dx + dy * dy + dz * dz;
                if (d < best) {
                    best = d;
                }
            }
            out[i] = Math.sqrt(best);
        });
        return out;
    }
}
