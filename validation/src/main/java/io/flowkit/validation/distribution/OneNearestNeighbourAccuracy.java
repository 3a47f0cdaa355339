package io.flowkit.validation.distribution;

import java.util.List;

/**
 * 1-nearest-neighbour accuracy (1-NNA; Lopez-Paz and Oquab 2017, "Revisiting Classifier Two-Sample
 * Tests"; used for generative models by Yang et al. 2019, PointFlow): the leave-one-out accuracy of
 * a 1-NN classifier that tells generated from reference samples on their union,
 *
 * <pre>
 *   1-NNA = ( Σ_{X ∈ S_g} 1[N_X ∈ S_g] + Σ_{Y ∈ S_r} 1[N_Y ∈ S_r] ) / (|S_g| + |S_r|)
 * </pre>
 *
 * <p>where {@code N_X} is the nearest neighbour of X in {@code S_g ∪ S_r \ {X}}. About 0.5 when the
 * two sets come from one distribution; 1 when they are fully separated. Ties go to the candidate
 * of lowest index in the order generated, then reference; so identical sets score 0.
 */
public final class OneNearestNeighbourAccuracy {

    private OneNearestNeighbourAccuracy() {}

    /**
     * 1-NNA with the Euclidean distance.
     *
     * @param generated generated samples (the union needs at least 2 samples)
     * @param reference reference samples, same dimension
     * @return the accuracy in [0, 1]
     * @throws IllegalArgumentException on bad sets
     */
    public static double of(double[][] generated, double[][] reference) {
        io.flowkit.validation.internal.Checks.samePairDimension(generated, "generated", reference, "reference");
        return of(DistanceMatrices.rows(generated, "generated"), DistanceMatrices.rows(reference, "reference"),
                SampleDistance.euclidean());
    }

    /**
     * 1-NNA with any distance between samples.
     *
     * @param generated generated samples
     * @param reference reference samples
     * @param distance the distance
     * @param <T> the sample type
     * @return the accuracy in [0, 1]
     */
    public static <T> double of(List<T> generated, List<T> reference, SampleDistance<T> distance) {
        double[][] gr = DistanceMatrices.cross(generated, "generated", reference, "reference", distance);
        double[][] gg = DistanceMatrices.within(generated, "generated", distance);
        double[][] rr = DistanceMatrices.within(reference, "reference", distance);
        int g = gg.length;
        int r = rr.length;
        int correct = 0;
        for (int i = 0; i < g; i++) {
            // Generated candidates come first in the order, so a tie is a hit for the generated set.
            correct += nearestOtherThan(gg[i], i) <= min(gr, i, true) ? 1 : 0;
        }
        for (int j = 0; j < r; j++) {
            // ... and a miss for the reference set.
            correct += nearestOtherThan(rr[j], j) < min(gr, j, false) ? 1 : 0;
        }
        return correct / (double) (g + r);
    }

    /** The smallest entry of a within-set row, leaving out the sample itself. */
    private static double nearestOtherThan(double[] row, int self) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < row.length; k++) {
            if (k != self) {
                best = Math.min(best, row[k]);
            }
        }
        return best;
    }

    /** The smallest entry of row {@code index} (or of column {@code index}) of a cross matrix. */
    private static double min(double[][] cross, int index, boolean row) {
        double best = Double.POSITIVE_INFINITY;
        if (row) {
            for (double d : cross[index]) {
                best = Math.min(best, d);
            }
        } else {
            for (double[] line : cross) {
                best = Math.min(best, line[index]);
            }
        }
        return best;
    }
}
