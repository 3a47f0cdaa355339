/**
 * Point cloud upsampling by flow matching (PUFM++): {@link io.flowkit.pointclouds.upsample.Upsampler}
 * runs a trained {@link io.flowkit.pointclouds.model.PufmModel}; {@link io.flowkit.pointclouds.train.PufmTraining}
 * trains one.
 */
package io.flowkit.pointclouds;
