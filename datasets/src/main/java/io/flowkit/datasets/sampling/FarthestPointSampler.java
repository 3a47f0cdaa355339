package io.flowkit.datasets.sampling;

import io.flowkit.datasets.internal.Checks;
import io.flowkit.datasets.pointcloud.PointCloud;

/**
 * Farthest-point sampling (Eldar et al. 1997, "The farthest point strategy for progressive image
 * sampling"; the down-sampling of PointNet++): starting from one point, repeatedly add the point
 * whose Euclidean distance to the chosen set is largest. O(n · count) time, O(n) memory; ties go to
 * the smallest index, so the result is deterministic.
 */
public final class FarthestPointSampler {

    private FarthestPointSampler() {}

    /**
     * Chooses point indices by farthest-point sampling.
     *
     * @param xyz interleaved coordinates of n points
     * @param count how many to choose, 1 to n
     * @param first the index of the first chosen point
     * @return the chosen indices, in the order chosen
     * @throws IllegalArgumentException when count or first is out of range
     */
    public static int[] indices(double[] xyz, int count, int first) {
        int n = xyz.length / 3;
        Checks.checkPositive(count, "count");
        if (count > n) {
            throw new IllegalArgumentException("count is larger than the number of points: " + count + " > " + n);
        }
        if (first < 0 || first >= n) {
            throw new IllegalArgumentException("first index is out of range 0.." + (n - 1) + ": " + first);
        }
        double[] dist = new double[n];
        java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int[] chosen = new int[count];
        int current = first;
        for (int c = 0; c < count; c++) {
            chosen[c] = current;
            double cx = xyz[3 * current];
            double cy = xyz[3 * current + 1];
            double cz = xyz[3 * current + 2];
            int next = -1;
            double best = -1;
            for (int i = 0; i < n; i++) {
                double dx = xyz[3 * i] - cx;
                double dy = xyz[3 * i + 1] - cy;
                double dz = xyz[3 * i + 2] - cz;
                double d = dx * dx + dy * dy + dz * dz;
                if (d < dist[i]) {
                    dist[i] = d;
                }
                if (dist[i] > best) {
                    best = dist[i];
                    next = i;
                }
            }
            current = next;
        }
        return chosen;
    }

    /**
     * Down-samples a cloud by farthest-point sampling from its first point.
     *
     * @param cloud the cloud
     * @param count how many points to keep, 1 to its size
     * @return the chosen points (with their normals), in the order chosen
     */
    public static PointCloud sample(PointCloud cloud, int count) {
        return cloud.subset(indices(cloud.positions(), count, 0));
    }
}
