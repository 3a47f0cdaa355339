/**
 * Training and test data for point cloud upsampling: the PU-GAN protocol on the PU-GAN test meshes
 * with a fixed train/test split ({@link io.flowkit.pointclouds.data.PuProtocol},
 * {@link io.flowkit.pointclouds.data.ShapeSample}), and the stage-1 training pairs of PUFM++
 * (Liu et al. 2025): normalised sparse, midpoint-interpolated and ground-truth patches matched by an
 * exact Earth Mover's assignment ({@link io.flowkit.pointclouds.data.PatchPairs},
 * {@link io.flowkit.pointclouds.data.UpsamplingPatch}, {@link io.flowkit.pointclouds.data.PointMatching}).
 */
package io.flowkit.pointclouds.data;
