/**
 * Affine probability paths {@code x_t = α_t x1 + σ_t x0} between a source sample {@code x0}
 * ({@code t = 0}) and a data sample {@code x1} ({@code t = 1}), their target velocities, and the
 * conversions between velocity, data ({@code x1}) and noise ({@code x0}) predictions.
 *
 * <p>Lipman et al. 2023, "Flow Matching for Generative Modeling"; Lipman et al. 2024, "Flow
 * Matching Guide and Code" (section 4.8, affine paths and schedulers).
 */
package io.flowkit.flow.path;
