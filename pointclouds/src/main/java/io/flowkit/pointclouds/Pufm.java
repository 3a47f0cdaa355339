package io.flowkit.pointclouds;

import ai.djl.Device;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.upsample.Upsampler;

/**
 * One-line point cloud upsampling: {@code Pufm.upsample(cloud, 4)} with the default PUFM++ model
 * shipped in this jar and the default {@link Upsampler} settings. For other settings (steps,
 * schedule, coverage, manifold correction, seed) or another model, build an {@link Upsampler}.
 */
public final class Pufm {

    private Pufm() {}

    /** The default upsampler, made on first use; its model lives as long as the class. */
    private static final class Default {
        static final Upsampler UPSAMPLER = Upsampler.builder().setModel(PufmModel.loadDefault(Device.cpu())).build();
    }

    /**
     * Upsamples a cloud with the default model.
     *
     * @param cloud the sparse cloud (normals, if any, are ignored)
     * @param ratio any integer from 2 to 16
     * @return a cloud of {@code ratio · N} points
     * @throws IllegalArgumentException for an unsupported ratio, too few points for a patch,
     *     duplicate points or non-finite coordinates
     */
    public static PointCloud upsample(PointCloud cloud, int ratio) {
        return Default.UPSAMPLER.upsample(cloud, ratio);
    }
}
