package io.flowkit.cli.pointclouds;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.datasets.pointcloud.io.PointCloudFiles;
import io.flowkit.datasets.sampling.PoissonDiskSampler;
import io.flowkit.pointclouds.eval.UpsamplingMetrics;
import io.flowkit.pointclouds.eval.UpsamplingReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit pointclouds evaluate}: the PU-GAN metrics of an upsampled cloud against its mesh. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, header = "Scores an upsampled cloud against the true surface.",
        footer = {"", "Example: flowkit pointclouds evaluate --pred dense.xyz --mesh fandisk.off"},
        description = {"Prints the upsampling metrics of a cloud against the true surface: Chamfer and Hausdorff distance",
            "to a ground-truth cloud (given, or Poisson-disk sampled from the mesh with as many points as the",
            "prediction), point-to-surface distance P2F and PU-GAN's uniformity. Use the mesh's own frame",
            "(the PU-GAN meshes are in the unit sphere)."})
final class PointCloudsEvaluateCommand implements Callable<Integer> {

    @Option(names = "--pred", required = true, description = "the upsampled cloud (.xyz or .ply)")
    private Path predicted;

    @Option(names = "--mesh", required = true, description = "the true surface (.off, .ply, .obj or .stl)")
    private Path mesh;

    @Option(names = "--truth", description = "a ground-truth cloud (default: Poisson-disk sample of the mesh)")
    private Path truth;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the ground-truth sample and the uniformity disks (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws Exception {
        double[] pred = PointCloudFiles.read(predicted).positions();
        TriangleMesh surface = MeshFiles.read(mesh);
        double[] gt = truth != null ? PointCloudFiles.read(truth).positions()
                : PoissonDiskSampler.sample(surface, pred.length / 3, seed).points().positions();
        UpsamplingMetrics metrics = UpsamplingMetrics.of(pred, gt, surface, seed);
        String name = mesh.getFileName().toString();
        UpsamplingReport report = UpsamplingReport.builder()
                .optTitle("upsampling metrics of " + predicted.getFileName() + " (" + pred.length / 3 + " points)")
                .optNote(truth != null ? "ground truth: " + truth : "ground truth: Poisson-disk sample of " + name
                        + " with " + pred.length / 3 + " points, seed " + seed)
                .add(predicted.getFileName().toString(), name, metrics).build();
        System.out.println(report.table().toText());
        return 0;
    }
}
