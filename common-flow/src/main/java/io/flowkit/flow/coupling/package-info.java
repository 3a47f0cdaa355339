/**
 * Couplings: how a batch of source samples ({@code t = 0}) is paired with a batch of data samples
 * ({@code t = 1}) before the path is sampled. Data samples keep their order (and so their
 * conditions); the source samples are permuted or resampled.
 */
package io.flowkit.flow.coupling;
