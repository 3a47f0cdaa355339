package io.flowkit.validation.distribution;

import io.flowkit.validation.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Distance matrices between and within two sample sets, checked to be finite and non-negative. */
final class DistanceMatrices {

    private DistanceMatrices() {}

    static <T> double[][] cross(List<T> a, String aName, List<T> b, String bName, SampleDistance<T> d) {
        check(a, aName);
        check(b, bName);
        if (d == null) {
            throw new IllegalArgumentException("distance is null");
        }
        double[][] m = new double[a.size()][b.size()];
        IntStream.range(0, a.size()).parallel().forEach(i -> {
            for (int j = 0; j < b.size(); j++) {
                m[i][j] = checked(d.between(a.get(i), b.get(j)), aName, i, bName, j);
            }
        });
        return m;
    }

    static <T> double[][] within(List<T> a, String name, SampleDistance<T> d) {
        check(a, name);
        double[][] m = new double[a.size()][a.size()];
        IntStream.range(0, a.size()).parallel().forEach(i -> {
            for (int j = i + 1; j < a.size(); j++) {
                m[i][j] = checked(d.between(a.get(i), a.get(j)), name, i, name, j);
            }
        });
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = m[j][i];
            }
        }
        return m;
    }

    static List<double[]> rows(double[][] samples, String name) {
        Checks.samples(samples, name);
        return Arrays.asList(samples);
    }

    private static <T> void check(List<T> set, String name) {
        if (set == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }

    private static double checked(double v, String aName, int i, String bName, int j) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("distance between " + aName + " sample " + i + " and " + bName
                    + " sample " + j + " is not finite and non-negative: " + v);
        }
        return v;
    }
}
