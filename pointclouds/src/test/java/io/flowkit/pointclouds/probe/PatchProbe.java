package io.flowkit.pointclouds.probe;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.model.PatchNeighbours;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.prepare.PatchNormalisation;
import io.flowkit.pointclouds.prepare.PatchSeeds;
import io.flowkit.pointclouds.prepare.PointArrays;
import io.flowkit.validation.pointcloud.Surface;

public final class PatchProbe {
    public static void main(String[] args) throws Exception {
        PufmModel model = PufmModel.loadDefault(Device.cpu());
        String name = args[0];
        TriangleMesh mesh = MeshFolder.cgal().read(name);
        ShapeSample s = PuProtocol.sample(name, mesh, 2048, 4, 1);
        Surface surface = Surface.of(mesh);
        double[] in = s.input();
        NearestNeighbors inIdx = NearestNeighbors.of(in);
        int[] knn = inIdx.kNearest(in, 2);
        double spacing = 0;
        for (int i = 0; i < in.length / 3; i++) spacing += Math.sqrt(StrayProbe.d2(in, i, in, knn[2 * i + 1]));
        spacing /= in.length / 3;
        int[][] patches = PatchSeeds.patches(in, 256, 3);
        int dense = 1024;
        for (int p = 0; p < patches.length; p++) {
            double[] sparse = PointArrays.gather(in, patches[p]);
            PatchNormalisation norm = PatchNormalisation.of(sparse);
            double[] interp = MidpointInterpolation.interpolateLocal(norm.apply(sparse), 4);
            long[] idx = PatchNeighbours.of(interp, 8);
            float[] x = new float[dense * 3];
            for (int q = 0; q < x.length; q++) x[q] = (float) interp[q];
            double[] out;
            try (FlowEngine.GradientMode g = FlowEngine.noGradient(); NDManager m = model.manager().newSubManager()) {
                Shape sh = new Shape(1, dense, 3);
                NDArray st = m.create(x, sh);
                NDArray v = model.field().velocity(st, m.full(new Shape(1), 0f), new NDList(m.create(x, sh), m.create(idx, new Shape(1, dense, 8))), false);
                float[] o = st.add(v).toFloatArray();
                out = new double[o.length];
                for (int q = 0; q < o.length; q++) out[q] = o[q];
            }
            double[] world = norm.invert(out);
            double[] worldInterp = norm.invert(interp);
            double[] dOut = inIdx.nearestDistances(world);
            double[] dInterp = inIdx.nearestDistances(worldInterp);
            for (int q = 0; q < dense; q++) {
                if (dOut[q] > 3 * spacing) {
                    double disp = 0;
                    for (int a = 0; a < 3; a++) disp += Math.pow(out[3 * q + a] - interp[3 * q + a], 2);
                    double localRadius = 0;
                    for (int a = 0; a < 3; a++) localRadius += interp[3 * q + a] * interp[3 * q + a];
                    double[] sp = norm.apply(sparse);
                    int ns = sp.length / 3;
                    int[] kk = io.flowkit.datasets.spatial.NearestNeighbors.of(sp).kNearest(sp, 9);
                    for (int i = 0; i < ns; i++) for (int j = 0; j < ns; j++) {
                        double e = 0;
                        for (int a = 0; a < 3; a++) e += Math.pow(0.5 * (sp[3*i+a] + sp[3*j+a]) - interp[3*q+a], 2);
                        if (e < 1e-12 && i <= j) {
                            double len = Math.sqrt(StrayProbe.d2(sp, i, sp, j));
                            double si = Math.sqrt(StrayProbe.d2(sp, i, sp, kk[9*i+4])), sj = Math.sqrt(StrayProbe.d2(sp, j, sp, kk[9*j+4]));
                            double n1 = Math.sqrt(StrayProbe.d2(sp, i, sp, kk[9*i+1]));
                            System.out.printf("  pair %d-%d len %.4f s_i %.4f s_j %.4f nn_i %.4f%n", i, j, len, si, sj, n1);
                        }
                    }
                    System.out.printf("patch %d point %d: out %.2f sp, start %.2f sp, |disp| %.3f (patch frame, scale %.4f), |start| %.3f, surf %.4f%n",
                            p, q, dOut[q] / spacing, dInterp[q] / spacing, Math.sqrt(disp), norm.scale(), Math.sqrt(localRadius), surface.distance(world[3*q], world[3*q+1], world[3*q+2]));
                }
            }
        }
    }
}
