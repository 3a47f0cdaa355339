/**
 * Point-cloud metrics of upsampling and generation: Chamfer and Hausdorff distances in the
 * PU-GAN/PU-GCN and PUFM++ conventions, point-to-surface distance (P2F) and PU-GAN's uniformity,
 * with nearest neighbours through a k-d tree and closest surface points through a bounding-volume
 * hierarchy.
 */
package io.flowkit.validation.pointcloud;
