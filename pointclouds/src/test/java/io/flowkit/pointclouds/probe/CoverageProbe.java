package io.flowkit.pointclouds.probe;

import ai.djl.Device;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.eval.UpsamplingMetrics;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.upsample.Upsampler;
import java.util.ArrayList;
import java.util.List;

public final class CoverageProbe {
    public static void main(String[] args) throws Exception {
        PufmModel model = args.length > 1 ? PufmModel.load(java.nio.file.Path.of(args[1]), Device.cpu()) : PufmModel.loadDefault(Device.cpu());
        List<ShapeSample> shapes = new ArrayList<>();
        for (String name : List.of("chair", "horse")) shapes.add(PuProtocol.load(name, 4, 1));
        for (String c : args[0].split(",")) {
            double coverage = Double.parseDouble(c);
            Upsampler u = Upsampler.builder().setModel(model).optCoverage(coverage).build();
            List<UpsamplingMetrics> ms = new ArrayList<>();
            long t0 = System.nanoTime();
            for (ShapeSample s : shapes) ms.add(UpsamplingMetrics.of(u.upsample(s.input(), 4), s, 1));
            double sec = (System.nanoTime() - t0) / 1e9 / shapes.size();
            System.out.printf("coverage %s: %s %.2f s/cloud%n", c, UpsamplingMetrics.mean(ms), sec);
        }
    }
}
