package io.flowkit.cli.meshes;

import ai.djl.Device;
import io.flowkit.datasets.catalog.ElephantPoses;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.bench.FlowAgnosticism;
import io.flowkit.meshes.flow.MeshDomain;
import io.flowkit.meshes.flow.MeshFlowModel;
import io.flowkit.meshes.geometry.CentroidSplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit mesh agnostic}: the triangulation test of trained elephant flows. */
@Command(name = "agnostic", mixinStandardHelpOptions = true, header = "Tests that a mesh flow's samples do not depend on the triangulation.",
        footer = {"", "Example: flowkit mesh agnostic --samples 64"},
        description = {"Tests trained elephant flows for triangulation agnosticism: each model generates on the training",
            "mesh A and on B, the same surface with a random half of its triangles split 1-to-3 at the centroid;",
            "B's samples are carried to A by closest point. Prints distance to the nearest training pose (frames",
            "rigidly aligned to the rest pose, as 'mesh train' uses them), diversity,",
            "and MMD² between the sets from A and B beside the floor of two sets from A (area-weighted L2, unit box)."})
final class MeshAgnosticCommand implements Callable<Integer> {

    @Option(names = "--model", description = "model folder (repeat to compare, e.g. matern and independent; default: the "
            + "shipped Matérn model and its independent-noise control)")
    private List<Path> models = new ArrayList<>();

    @Option(names = "--samples", defaultValue = "16", description = "samples per set (default: ${DEFAULT-VALUE})")
    private int samples;

    @Option(names = "--split", defaultValue = "0.5", description = "share of triangles split in B (default: ${DEFAULT-VALUE})")
    private double split;

    @Option(names = "--seed", defaultValue = "0", description = "seed of B and of the samples (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws Exception {
        if (samples < 2) {
            throw new IllegalArgumentException("samples is below 2: " + samples);
        }
        ElephantPoses data = ElephantPoses.load();
        TriangleMesh a = data.rest();
        TriangleMesh b = CentroidSplit.split(a, split, seed);
        List<double[]> training = new ArrayList<>();
        io.flowkit.meshes.geometry.RigidAlignment alignment = io.flowkit.meshes.geometry.RigidAlignment.onto(a);
        for (TriangleMesh f : data.frames()) {
            training.add(alignment.align(f.vertices()));
        }
        System.err.printf(Locale.ROOT, "mesh agnostic: A %d vertices / %d triangles, B %d vertices / %d triangles%n",
                a.vertexCount(), a.faceCount(), b.vertexCount(), b.faceCount());
        List<FlowAgnosticism.Result> results = new ArrayList<>();
        FlowAgnosticism test = null;
        List<Path> chosen = models.isEmpty() ? java.util.Arrays.asList(null, null) : models;
        for (int i = 0; i < chosen.size(); i++) {
            Path p = chosen.get(i);
            try (MeshFlowModel model = p != null ? MeshFlowModel.load(p, Device.cpu())
                    : i == 0 ? MeshFlowModel.loadDefault(Device.cpu()) : MeshFlowModel.loadIndependentControl(Device.cpu())) {
                if (test == null) {
                    test = new FlowAgnosticism(MeshDomain.of(a, "elephant.obj", model.config()), b, training);
                }
                String label = (p == null ? "shipped" : p.getFileName()) + " (" + model.config().noise().name()
                        .toLowerCase(Locale.ROOT) + ")";
                FlowAgnosticism.Result r = test.run(label, model, samples, seed);
                System.err.println("mesh agnostic: " + r);
                results.add(r);
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s %9s %9s %9s%n", "model", "nearestA", "nearestB",
                "divA", "divB", "MMD2 A-B", "MMD2 A-A'", "MMD2 A-D", "MMD2 B-D");
        for (FlowAgnosticism.Result r : results) {
            System.out.printf(Locale.ROOT, "%-28s %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f %9.4f%n", r.label(),
                    r.nearestA(), r.nearestB(), r.diversityA(), r.diversityB(), r.mmdAB(), r.mmdAA(), r.mmdDataA(),
                    r.mmdDataB());
        }
        System.out.printf(Locale.ROOT, "(%d samples per set; distances in the unit box; kernel scale %.4f = median "
                + "distance between training poses)%n", samples, test.trainingMedian());
        return 0;
    }
}
