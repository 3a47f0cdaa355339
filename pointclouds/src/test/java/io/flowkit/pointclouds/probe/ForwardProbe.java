package io.flowkit.pointclouds.probe;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.model.PatchNeighbours;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.prepare.PatchNormalisation;
import io.flowkit.pointclouds.prepare.PatchSeeds;
import io.flowkit.pointclouds.prepare.PointArrays;

public final class ForwardProbe {
    public static void main(String[] args) throws Exception {
        int b = Integer.parseInt(args[0]);
        double[] in = PuProtocol.load("chair", 4, 1).input();
        int[][] patches = PatchSeeds.patches(in, 256, 3);
        PufmModel model = PufmModel.loadDefault(Device.cpu());
        float[] cond = new float[b * 3072];
        long[] idx = new long[b * 1024 * 8];
        long t0 = System.nanoTime();
        for (int i = 0; i < b; i++) {
            double[] sparse = PointArrays.gather(in, patches[i % patches.length]);
            PatchNormalisation norm = PatchNormalisation.of(sparse);
            double[] interp = MidpointInterpolation.interpolateLocal(norm.apply(sparse), 4);
            for (int q = 0; q < 3072; q++) cond[i * 3072 + q] = (float) interp[q];
            System.arraycopy(PatchNeighbours.of(interp, 8), 0, idx, i * 8192, 8192);
        }
        System.out.printf("host prep %.1f ms/patch%n", (System.nanoTime() - t0) / 1e6 / b);
        for (int rep = 0; rep < 6; rep++) {
            t0 = System.nanoTime();
            try (FlowEngine.GradientMode g = FlowEngine.noGradient(); NDManager m = model.manager().newSubManager()) {
                Shape sh = new Shape(b, 1024, 3);
                NDArray x = m.create(cond, sh);
                NDArray v = model.field().velocity(x, m.full(new Shape(b), 0f), new NDList(m.create(cond, sh), m.create(idx, new Shape(b, 1024, 8))), false);
                v.toFloatArray();
            }
            System.out.printf("forward batch %d: %.1f ms/patch%n", b, (System.nanoTime() - t0) / 1e6 / b);
        }
    }
}
