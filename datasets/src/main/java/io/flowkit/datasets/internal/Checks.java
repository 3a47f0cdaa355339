package io.flowkit.datasets.internal;

/** Argument checks shared by the value types; messages name the item and the offending value. */
public final class Checks {

    private Checks() {}

    /**
     * Checks an interleaved xyz array: a multiple of 3 long and finite everywhere.
     *
     * @param xyz coordinates x0, y0, z0, x1, ...
     * @param item what one triple is called in messages ("vertex", "atom", "point")
     * @param array what the array is called in messages ("vertices", "positions")
     * @throws IllegalArgumentException naming the first bad item, e.g. "vertex 12 has a non-finite coordinate: NaN"
     */
    public static void checkXyz(double[] xyz, String item, String array) {
        if (xyz == null) {
            throw new IllegalArgumentException(array + " is null");
        }
        if (xyz.length % 3 != 0) {
            throw new IllegalArgumentException(array + " length is not a multiple of 3: " + xyz.length);
        }
        for (int i = 0; i < xyz.length; i++) {
            if (!Double.isFinite(xyz[i])) {
                throw new IllegalArgumentException(item + " " + i / 3 + " has a non-finite coordinate: " + xyz[i]);
            }
        }
    }

    /**
     * Checks that a value is finite.
     *
     * @param value the value
     * @param name its name in messages
     * @return the value
     * @throws IllegalArgumentException "name is not finite: NaN"
     */
    public static double checkFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is not finite: " + value);
        }
        return value;
    }

    /**
     * Checks that a count is positive.
     *
     * @param value the count
     * @param name its name in messages
     * @return the value
     * @throws IllegalArgumentException "name is not positive: 0"
     */
    public static int checkPositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " is not positive: " + value);
        }
        return value;
    }
}
