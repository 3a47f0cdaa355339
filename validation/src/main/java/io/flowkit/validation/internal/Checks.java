package io.flowkit.validation.internal;

/**
 * Argument checks shared by the metrics. Every message names the argument and the problem, in the
 * form "generated is empty" or "reference point 3 has a coordinate that is not finite: NaN".
 */
public final class Checks {

    private Checks() {}

    /**
     * Checks interleaved xyz points: not null, not empty, a multiple of 3 long, all finite.
     *
     * @param points the points
     * @param name the argument's name for messages
     * @return the number of points
     * @throws IllegalArgumentException naming the argument and the problem
     */
    public static int points3(double[] points, String name) {
        return io.flowkit.core.mesh.MeshArrays.checkPoints(points, name);
    }

    /**
     * Checks a sample set: not null, not empty, rectangular, all values finite.
     *
     * @param samples one row per sample
     * @param name the argument's name for messages
     * @return the dimension of the samples
     * @throws IllegalArgumentException naming the argument and the problem
     */
    public static int samples(double[][] samples, String name) {
        if (samples == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (samples.length == 0) {
            throw new IllegalArgumentException(name + " is empty");
        }
        if (samples[0] == null || samples[0].length == 0) {
            throw new IllegalArgumentException(name + " sample 0 has no coordinates");
        }
        int d = samples[0].length;
        for (int i = 0; i < samples.length; i++) {
            double[] row = samples[i];
            if (row == null || row.length != d) {
                throw new IllegalArgumentException(name + " is ragged: sample " + i + " has "
                        + (row == null ? "no" : String.valueOf(row.length)) + " coordinates, sample 0 has " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException(
                            name + " sample " + i + " coordinate " + j + " is not finite: " + row[j]);
                }
            }
        }
        return d;
    }

    /**
     * Checks two sample sets of the same dimension.
     *
     * @param a first set
     * @param aName its name
     * @param b second set
     * @param bName its name
     * @return the common dimension
     * @throws IllegalArgumentException if either is bad or the dimensions differ
     */
    public static int samePairDimension(double[][] a, String aName, double[][] b, String bName) {
        int da = samples(a, aName);
        int db = samples(b, bName);
        if (da != db) {
            throw new IllegalArgumentException(
                    aName + " has dimension " + da + " but " + bName + " has dimension " + db);
        }
        return da;
    }

    /**
     * Checks that a value is positive and finite.
     *
     * @param value the value
     * @param name its name
     * @return the value
     * @throws IllegalArgumentException if it is not
     */
    public static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not positive and finite: " + value);
        }
        return value;
    }

    /**
     * Checks that a value is non-negative and finite.
     *
     * @param value the value
     * @param name its name
     * @return the value
     * @throws IllegalArgumentException if it is not
     */
    public static double nonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not non-negative and finite: " + value);
        }
        return value;
    }

    /**
     * Checks that a count is at least a minimum.
     *
     * @param value the count
     * @param min the minimum
     * @param name its name
     * @return the value
     * @throws IllegalArgumentException if it is smaller
     */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " is less than " + min + ": " + value);
        }
        return value;
    }
}
