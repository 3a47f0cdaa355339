package io.flowkit.cli.data;

import java.util.Locale;

/** Byte counts in words: {@code 932 B}, {@code 4.2 MB} (powers of 1000). */
final class ByteSizes {

    private ByteSizes() {}

    /**
     * @param bytes a byte count
     * @return it with a unit, one decimal above 1 kB
     */
    static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
