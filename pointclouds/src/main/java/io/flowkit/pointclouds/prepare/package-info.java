/**
 * Input preparation for point cloud upsampling (PUFM++, Liu et al. 2025, "PUFM++: Point Cloud
 * Upsampling via Enhanced Flow Matching"), in plain Java on flat {@code double[]} xyz arrays
 * ({@code x0, y0, z0, x1, ...}): midpoint interpolation of a sparse cloud
 * ({@link io.flowkit.pointclouds.prepare.MidpointInterpolation}), the unit-sphere normalisation of
 * a patch ({@link io.flowkit.pointclouds.prepare.PatchNormalisation}) and overlapping patches around
 * farthest-point seeds ({@link io.flowkit.pointclouds.prepare.PatchSeeds}).
 */
package io.flowkit.pointclouds.prepare;
