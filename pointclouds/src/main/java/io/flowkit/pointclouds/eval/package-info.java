/**
 * Evaluation of point cloud upsampling by the PU-GAN protocol: the metrics of one predicted cloud
 * ({@link io.flowkit.pointclouds.eval.UpsamplingMetrics}: Chamfer, Hausdorff, point-to-surface,
 * uniformity), the reference methods it is compared with
 * ({@link io.flowkit.pointclouds.eval.UpsamplingBaselines}: midpoint interpolation and an oracle
 * sample of the true surface; {@link io.flowkit.pointclouds.eval.PuganOfficial}: PU-GAN's own x4
 * outputs) and the table that puts them side by side
 * ({@link io.flowkit.pointclouds.eval.UpsamplingReport}).
 */
package io.flowkit.pointclouds.eval;
