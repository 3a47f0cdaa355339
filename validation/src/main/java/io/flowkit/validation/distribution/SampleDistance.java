package io.flowkit.validation.distribution;

/**
 * A distance between two samples, for the nearest-neighbour set metrics ({@link Coverage},
 * {@link OneNearestNeighbourAccuracy}, {@link MinimumMatchingDistance}). For point clouds it is
 * typically the Chamfer distance; for vectors the Euclidean distance.
 *
 * @param <T> the sample type
 */
@FunctionalInterface
public interface SampleDistance<T> {

    /**
     * The distance between two samples.
     *
     * @param x first sample
     * @param y second sample
     * @return a finite non-negative distance
     */
    double between(T x, T y);

    /** @return the Euclidean distance between vectors of equal length */
    static SampleDistance<double[]> euclidean() {
        return (x, y) -> Math.sqrt(io.flowkit.validation.internal.PairwiseSums.squaredDistance(x, y));
    }
}
