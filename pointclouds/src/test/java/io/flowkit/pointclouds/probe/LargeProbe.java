package io.flowkit.pointclouds.probe;

import ai.djl.Device;
import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.prepare.PatchSeeds;
import io.flowkit.pointclouds.upsample.Upsampler;
import io.flowkit.validation.pointcloud.Surface;

public final class LargeProbe {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        double coverage = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        double[] xyz = Surface.of(MeshFolder.cgal().read("bunny00")).sampleUniform(n, 1);
        long t0 = System.nanoTime();
        int[][] p = PatchSeeds.patches(xyz, 256, coverage);
        System.out.printf("patch seeds %d in %.2f s%n", p.length, (System.nanoTime() - t0) / 1e9);
        try (PufmModel model = PufmModel.loadDefault(Device.cpu())) {
            long[] last = {System.nanoTime()};
            Upsampler u = Upsampler.builder().setModel(model).optCoverage(coverage).optMergeDuplicates(true).optProgress((d, t) -> {
                if (d == t || d % 320 == 0) { System.out.printf("  %d/%d %.1f s%n", d, t, (System.nanoTime() - last[0]) / 1e9); }
            }).build();
            t0 = System.nanoTime();
            double[] out = u.upsample(xyz, 4);
            System.out.printf("x4 %d -> %d in %.2f s, defects %d%n", n, out.length / 3, (System.nanoTime() - t0) / 1e9, u.defectsOfLastCall());
        }
    }
}
