package io.flowkit.pointclouds.probe;

import ai.djl.Device;
import io.flowkit.datasets.catalog.MeshFolder;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.eval.UpsamplingMetrics;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.upsample.Upsampler;
import io.flowkit.validation.pointcloud.Surface;

public final class StrayProbe {
    public static void main(String[] args) throws Exception {
        PufmModel model = args.length > 1 ? PufmModel.load(java.nio.file.Path.of(args[1]), Device.cpu()) : PufmModel.loadDefault(Device.cpu());
        for (String name : args[0].split(",")) {
            TriangleMesh mesh = MeshFolder.cgal().read(name);
            ShapeSample s = PuProtocol.sample(name, mesh, 2048, 4, 1);
            Surface surface = Surface.of(mesh);
            double[] in = s.input();
            NearestNeighbors inIdx = NearestNeighbors.of(in);
            int[] knn = inIdx.kNearest(in, 2);
            double spacing = 0;
            for (int i = 0; i < in.length / 3; i++) {
                int j = knn[2 * i + 1];
                spacing += Math.sqrt(d2(in, i, in, j));
            }
            spacing /= in.length / 3;
            double[] mid = MidpointInterpolation.interpolate(in, 4);
            for (double corr : new double[] {0.1, 0.0}) {
                Upsampler up = Upsampler.builder().setModel(model).optManifoldCorrection(corr).build();
                double[] out = up.upsample(in, 4);
                report(name + " model corr " + corr, out, s, surface, inIdx, spacing);
            }
            report(name + " midpoint", mid, s, surface, inIdx, spacing);
        }
    }

    static double d2(double[] a, int i, double[] b, int j) {
        double s = 0;
        for (int k = 0; k < 3; k++) { double d = a[3 * i + k] - b[3 * j + k]; s += d * d; }
        return s;
    }

    static void report(String label, double[] out, ShapeSample s, Surface surface, NearestNeighbors inIdx, double spacing) {
        UpsamplingMetrics m = UpsamplingMetrics.of(out, s, 1);
        double[] d = surface.distances(out);
        double[] dIn = inIdx.nearestDistances(out);
        int worst = 0; int far = 0; int far3 = 0;
        for (int i = 0; i < d.length; i++) { if (d[i] > d[worst]) worst = i; if (dIn[i] > 2 * spacing) far++; if (dIn[i] > 3 * spacing) far3++; }
        System.out.printf("%-28s %s | maxSurf %.4f (spacing %.4f) at dIn %.2f sp; >2sp %d >3sp %d%n", label, m, d[worst], spacing, dIn[worst] / spacing, far, far3);
    }
}
