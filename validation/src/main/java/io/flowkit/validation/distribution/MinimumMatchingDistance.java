package io.flowkit.validation.distribution;

import java.util.List;

/**
 * Minimum matching distance (MMD-CD / MMD-EMD in the point-cloud literature; Achlioptas et al. 2018,
 * Yang et al. 2019): the mean over reference samples of the distance to their nearest generated
 * sample,
 *
 * <pre>
 *   MMD(S_g, S_r) = (1/|S_r|) Σ_{Y ∈ S_r} min_{X ∈ S_g} D(X, Y)
 * </pre>
 *
 * <p>It measures fidelity. Not to be confused with the kernel maximum mean discrepancy {@link Mmd}.
 */
public final class MinimumMatchingDistance {

    private MinimumMatchingDistance() {}

    /**
     * Minimum matching distance with the Euclidean distance.
     *
     * @param generated generated samples
     * @param reference reference samples, same dimension
     * @return the mean nearest-generated distance of the reference samples
     * @throws IllegalArgumentException on bad sets
     */
    public static double of(double[][] generated, double[][] reference) {
        io.flowkit.validation.internal.Checks.samePairDimension(generated, "generated", reference, "reference");
        return of(DistanceMatrices.rows(generated, "generated"), DistanceMatrices.rows(reference, "reference"),
                SampleDistance.euclidean());
    }

    /**
     * Minimum matching distance with any distance between samples.
     *
     * @param generated generated samples
     * @param reference reference samples
     * @param distance the distance
     * @param <T> the sample type
     * @return the mean nearest-generated distance of the reference samples
     */
    public static <T> double of(List<T> generated, List<T> reference, SampleDistance<T> distance) {
        double[][] d = DistanceMatrices.cross(generated, "generated", reference, "reference", distance);
        double sum = 0;
        for (int j = 0; j < d[0].length; j++) {
            double min = Double.POSITIVE_INFINITY;
            for (double[] row : d) {
                min = Math.min(min, row[j]);
            }
            sum += min;
        }
        return sum / d[0].length;
    }
}
