package io.flowkit.validation.distribution;

import java.util.List;

/**
 * Coverage (COV) of a reference set by a generated set (Achlioptas et al. 2018, "Learning
 * Representations and Generative Models for 3D Point Clouds"; as used by Yang et al. 2019,
 * PointFlow): the fraction of reference samples that are the nearest reference neighbour of at
 * least one generated sample,
 *
 * <pre>
 *   COV(S_g, S_r) = |{ argmin_{Y ∈ S_r} D(X, Y) : X ∈ S_g }| / |S_r|
 * </pre>
 *
 * <p>It measures diversity: a generator that collapses onto a few modes covers few reference
 * samples. Ties go to the reference sample of lowest index.
 */
public final class Coverage {

    private Coverage() {}

    /**
     * Coverage with the Euclidean distance.
     *
     * @param generated generated samples, one per row
     * @param reference reference (held-out) samples, same dimension
     * @return the covered fraction of {@code reference}, in [0, 1]
     * @throws IllegalArgumentException on empty, ragged or non-finite sets or differing dimensions
     */
    public static double of(double[][] generated, double[][] reference) {
        io.flowkit.validation.internal.Checks.samePairDimension(generated, "generated", reference, "reference");
        return of(DistanceMatrices.rows(generated, "generated"), DistanceMatrices.rows(reference, "reference"),
                SampleDistance.euclidean());
    }

    /**
     * Coverage with any distance between samples (for example the Chamfer distance between point
     * clouds).
     *
     * @param generated generated samples
     * @param reference reference samples
     * @param distance the distance
     * @param <T> the sample type
     * @return the covered fraction of {@code reference}, in [0, 1]
     * @throws IllegalArgumentException on empty sets or a distance that is not finite
     */
    public static <T> double of(List<T> generated, List<T> reference, SampleDistance<T> distance) {
        return ofCrossDistances(DistanceMatrices.cross(generated, "generated", reference, "reference", distance));
    }

    /**
     * Coverage from a precomputed matrix {@code D[i][j]} between generated sample i and reference
     * sample j.
     *
     * @param generatedToReference the distances, rectangular, finite
     * @return the covered fraction of the reference set
     */
    public static double ofCrossDistances(double[][] generatedToReference) {
        io.flowkit.validation.internal.Checks.samples(generatedToReference, "generatedToReference");
        int r = generatedToReference[0].length;
        boolean[] covered = new boolean[r];
        for (double[] row : generatedToReference) {
            int best = 0;
            for (int j = 1; j < r; j++) {
                if (row[j] < row[best]) {
                    best = j;
                }
            }
            covered[best] = true;
        }
        int count = 0;
        for (boolean c : covered) {
            count += c ? 1 : 0;
        }
        return count / (double) r;
    }
}
