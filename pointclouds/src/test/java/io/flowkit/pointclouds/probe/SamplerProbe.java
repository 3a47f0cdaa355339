package io.flowkit.pointclouds.probe;

import ai.djl.Device;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.eval.UpsamplingMetrics;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.upsample.Upsampler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

public final class SamplerProbe {
    public static void main(String[] args) throws Exception {
        PufmModel model = PufmModel.load(java.nio.file.Path.of(args[1]), Device.cpu());
        List<ShapeSample> shapes = new ArrayList<>();
        for (String name : args[0].split(",")) shapes.add(PuProtocol.load(name, 4, 1));
        List<UpsamplingMetrics> mid = new ArrayList<>();
        for (ShapeSample s : shapes) mid.add(UpsamplingMetrics.of(MidpointInterpolation.interpolate(s.input(), 4), s, 1));
        System.out.printf("%-34s %s%n", "midpoint", UpsamplingMetrics.mean(mid));
        List<String> names = List.of("1 step corr 0.1", "1 step corr 0", "1 step corr 0.2", "2 uniform", "3 adaptive",
                "6 adaptive noise 0.02", "2 midpoint-solver uniform");
        List<UnaryOperator<Upsampler.Builder>> variants = List.of(b -> b, b -> b.optManifoldCorrection(0),
                b -> b.optManifoldCorrection(0.2), b -> b.optSteps(2).optSchedule(Upsampler.Schedule.UNIFORM),
                b -> b.optSteps(3), b -> b.optSteps(6).optStartNoise(0.02),
                b -> b.optSteps(1).optSolver(OdeSolver.midpoint()));
        for (int v = 0; v < variants.size(); v++) {
            Upsampler u = variants.get(v).apply(Upsampler.builder().setModel(model)).build();
            List<UpsamplingMetrics> ms = new ArrayList<>();
            long t0 = System.nanoTime();
            for (ShapeSample s : shapes) ms.add(UpsamplingMetrics.of(u.upsample(s.input(), 4), s, 1));
            System.out.printf("%-34s %s %.2f s%n", names.get(v), UpsamplingMetrics.mean(ms), (System.nanoTime() - t0) / 1e9 / shapes.size());
        }
    }
}
