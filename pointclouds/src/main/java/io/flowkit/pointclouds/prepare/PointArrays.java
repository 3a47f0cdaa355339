package io.flowkit.pointclouds.prepare;

/**
 * Checks and small operations on flat xyz arrays ({@code x0, y0, z0, x1, ...}) shared by the
 * point cloud code. Messages name the argument and the problem, for example
 * "cloud point 12 has a non-finite coordinate: NaN".
 */
public final class PointArrays {

    private PointArrays() {}

    /**
     * Checks a cloud: not null, not empty, a multiple of 3 long, every coordinate finite.
     *
     * @param xyz interleaved coordinates
     * @param name what the cloud is called in messages ("cloud", "truth")
     * @return the number of points
     * @throws IllegalArgumentException naming the cloud and, for a non-finite coordinate, the point index
     */
    public static int count(double[] xyz, String name) {
        if (xyz == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (xyz.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException(name + " length is not a multiple of 3 (interleaved xyz): " + xyz.length);
        }
        for (int k = 0; k < xyz.length; k++) {
            if (!Double.isFinite(xyz[k])) {
                throw new IllegalArgumentException(name + " point " + k / 3 + " has a non-finite coordinate: " + xyz[k]);
            }
        }
        return xyz.length / 3;
    }

    /**
     * The points at the given indices, in that order.
     *
     * @param xyz interleaved coordinates
     * @param indices point indices (repeats allowed)
     * @return a new interleaved array of {@code indices.length} points
     * @throws IndexOutOfBoundsException for an index outside the cloud
     */
    public static double[] gather(double[] xyz, int[] indices) {
        int n = xyz.length / 3;
        double[] out = new double[3 * indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = java.util.Objects.checkIndex(indices[k], n);
            out[3 * k] = xyz[3 * i];
            out[3 * k + 1] = xyz[3 * i + 1];
            out[3 * k + 2] = xyz[3 * i + 2];
        }
        return out;
    }

    /**
     * The centroid (mean point) of a cloud.
     *
     * @param xyz interleaved coordinates of at least one point
     * @return {x, y, z}
     * @throws IllegalArgumentException on a bad cloud
     */
    public static double[] centroid(double[] xyz) {
        int n = count(xyz, "cloud");
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            c[0] += xyz[3 * i];
            c[1] += xyz[3 * i + 1];
            c[2] += xyz[3 * i + 2];
        }
        c[0] /= n;
        c[1] /= n;
        c[2] /= n;
        return c;
    }

    /**
     * The number of points whose coordinates equal those of an earlier point (exact equality, with
     * {@code -0.0 == 0.0}).
     *
     * @param xyz interleaved coordinates
     * @return how many points repeat an earlier one
     */
    public static int duplicateCount(double[] xyz) {
        int n = xyz.length / 3;
        return n - DistinctPoints.firstOccurrences(xyz).length;
    }

    /**
     * The cloud without repeated points: the first occurrence of each distinct point, in order
     * (exact equality, with {@code -0.0 == 0.0}).
     *
     * @param xyz interleaved coordinates (finite)
     * @return the distinct points, interleaved
     */
    public static double[] distinct(double[] xyz) {
        return gather(xyz, DistinctPoints.firstOccurrences(xyz));
    }
}
