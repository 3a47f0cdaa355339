/**
 * Distributions of the training time {@code t ∈ [0, 1]} ({@code t = 0} source, {@code t = 1}
 * data): uniform, logit-normal, shifted, cosine (PUFM), U-shaped (rectified flows, RPF) and
 * loss-adaptive (PUFM++), plus the piecewise-linear CDF they and the time grids share.
 */
package io.flowkit.flow.time;
