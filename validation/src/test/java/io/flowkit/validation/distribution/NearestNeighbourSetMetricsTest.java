package io.flowkit.validation.distribution;

import static io.flowkit.validation.distribution.EnergyDistanceTest.gaussian;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestNeighbourSetMetricsTest {

    @Test
    void coverageOfKnownConfigurations() {
        double[][] reference = {{0}, {10}, {20}, {30}};
        assertEquals(1.0, Coverage.of(reference, reference));
        // A collapsed generator covers one reference sample.
        assertEquals(0.25, Coverage.of(new double[][] {{9}, {10.5}, {11}}, reference));
        // Two modes of four.
        assertEquals(0.5, Coverage.of(new double[][] {{1}, {-1}, {29}}, reference));
        // A tie goes to the reference sample of lowest index.
        assertEquals(0.25, Coverage.of(new double[][] {{5}}, reference));
    }

    @Test
    void oneNearestNeighbourAccuracyOfKnownConfigurations() {
        Random random = new Random(7);
        double[][] a = gaussian(random, 50, 2, 0);
        double[][] far = gaussian(random, 50, 2, 100);
        assertEquals(1.0, OneNearestNeighbourAccuracy.of(a, far));
        assertEquals(0.0, OneNearestNeighbourAccuracy.of(a, a), "identical sets: every neighbour is the copy");
        double same = OneNearestNeighbourAccuracy.of(gaussian(random, 800, 2, 0), gaussian(random, 800, 2, 0));
        assertEquals(0.5, same, 0.04);
        // A hand-made case: g = {0, 1}, r = {5, 7}: 0 -> 1 (g, hit), 1 -> 0 (hit), 5 -> 7 (hit), 7 -> 5 (hit).
        assertEquals(1.0, OneNearestNeighbourAccuracy.of(new double[][] {{0}, {1}}, new double[][] {{5}, {7}}));
        // g = {0, 3}, r = {1, 10}: 0 -> r1 (miss), 3 -> r1 (miss), 1 -> g0 (miss), 10 -> g3 (miss).
        assertEquals(0.0, OneNearestNeighbourAccuracy.of(new double[][] {{0}, {3}}, new double[][] {{1}, {10}}));
    }

    @Test
    void genericDistanceAgreesWithTheEuclideanEntryPointAndMinimumMatchingDistance() {
        Random random = new Random(8);
        double[][] g = gaussian(random, 40, 3, 0.3);
        double[][] r = gaussian(random, 35, 3, 0);
        SampleDistance<double[]> manhattanLike = (x, y) -> {
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                s += (x[k] - y[k]) * (x[k] - y[k]);
            }
            return Math.sqrt(s);
        };
        assertEquals(Coverage.of(g, r), Coverage.of(List.of(g), List.of(r), manhattanLike));
        assertEquals(OneNearestNeighbourAccuracy.of(g, r), OneNearestNeighbourAccuracy.of(List.of(g), List.of(r), manhattanLike));
        double naive = 0;
        for (double[] y : r) {
            double min = Double.POSITIVE_INFINITY;
            for (double[] x : g) {
                min = Math.min(min, manhattanLike.between(x, y));
            }
            naive += min;
        }
        assertEquals(naive / r.length, MinimumMatchingDistance.of(g, r), 1e-12);
        assertEquals(0.0, MinimumMatchingDistance.of(r, r));
    }

    @Test
    void rejectsBadDistancesAndSets() {
        List<double[]> one = List.of(new double[] {0});
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Coverage.of(one, one, (x, y) -> Double.NaN)).getMessage().contains("not finite"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Coverage.of(List.<double[]>of(), one, SampleDistance.euclidean())).getMessage().contains("generated is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> OneNearestNeighbourAccuracy.of(new double[][] {{0}}, new double[][] {{0, 1}})).getMessage()
                .contains("dimension"));
    }
}
