package io.flowkit.flow.coupling;

/**
 * A coupled batch on the host.
 *
 * @param x0 source samples, reordered so that sample {@code i} is paired with data sample {@code i}
 * @param x1 data samples, in their original order
 * @param weights per-pair loss weights with mean 1, or {@code null} for equal weights
 * @param sourceIndex for each pair the index of its source sample in the original batch
 */
public record CoupledBatch(float[] x0, float[] x1, float[] weights, int[] sourceIndex) {}
