package io.flowkit.cli.pointclouds;

import ai.djl.Device;
import io.flowkit.cli.EnumOptions;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.pointcloud.io.PointCloudFiles;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.upsample.Upsampler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowkit upsample}: point cloud upsampling by flow matching (PUFM++). */
@Command(name = "upsample", mixinStandardHelpOptions = true, header = "Upsamples a point cloud by flow matching (PUFM++).",
        footer = {"", "Example: flowkit upsample --in scan.xyz --ratio 4 --out dense.xyz"},
        description = {"Upsamples a point cloud by any ratio from 2 to 16 by flow matching (PUFM++), patch by patch.",
            "XYZ (3 or 6 columns) and PLY in and out, by extension; normals are ignored on input."})
public final class UpsampleCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "the sparse cloud (.xyz or .ply)")
    private Path in;

    @Option(names = "--out", required = true, description = "the dense cloud to write (.xyz or .ply)")
    private Path out;

    @Mixin
    private UpsampleOptions settings = new UpsampleOptions();

    @Option(names = "--schedule", defaultValue = "adaptive", description = "adaptive (the model's loss profile) or uniform (default: ${DEFAULT-VALUE})")
    private String schedule;

    @Option(names = "--correction", defaultValue = "0.1", description = "on-manifold correction, 0 for off (default: ${DEFAULT-VALUE})")
    private double correction;

    @Option(names = "--coverage", defaultValue = "3", description = "patches per point on average (default: ${DEFAULT-VALUE})")
    private double coverage;

    @Option(names = "--start-noise", defaultValue = "0", description = "σ of the start noise in the patch frame (default: ${DEFAULT-VALUE}; PUFM++ uses 0.02)")
    private double startNoise;

    @Option(names = "--merge-duplicates", description = "merge repeated points instead of rejecting the cloud")
    private boolean mergeDuplicates;

    @Override
    public Integer call() throws Exception {
        // Every setting and the output path are checked before the (long) upsampling.
        PointCloudFiles.checkWritable(out);
        Upsampler.Schedule chosen = EnumOptions.parse(Upsampler.Schedule.class, "--schedule", schedule);
        OdeSolver ode = OdeSolver.byName(settings.solver());
        PointCloud sparse = PointCloudFiles.read(in);
        try (PufmModel m = settings.model() == null ? PufmModel.loadDefault(Device.cpu())
                : PufmModel.load(settings.model(), Device.cpu())) {
            Upsampler upsampler = Upsampler.builder().setModel(m).optSteps(settings.steps()).optSolver(ode)
                    .optSchedule(chosen)
                    .optManifoldCorrection(correction).optCoverage(coverage).optSeed(settings.seed()).optMergeDuplicates(mergeDuplicates).optStartNoise(startNoise)
                    .optProgress(new PatchProgress("upsample")).build();
            long start = System.nanoTime();
            PointCloud dense;
            try {
                dense = upsampler.upsample(sparse, settings.ratio());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PointCloudFiles.write(out, dense);
            System.out.printf("wrote %d points (x%d of %d) to %s in %.2f s%n", dense.size(), settings.ratio(), sparse.size(), out,
                    seconds);
            if (upsampler.defectsOfLastCall() > 0) {
                System.out.printf("dropped %d generated points farther than %.1f local spacings from the input "
                        + "(replaced by other candidates)%n", upsampler.defectsOfLastCall(), Upsampler.DEFAULT_MAX_OFFSET);
            }
            return 0;
        }
    }
}
