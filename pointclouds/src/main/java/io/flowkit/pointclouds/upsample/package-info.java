/** PUFM++ inference: patch-wise flow with adaptive steps and on-manifold correction, merged back to one cloud. */
package io.flowkit.pointclouds.upsample;
