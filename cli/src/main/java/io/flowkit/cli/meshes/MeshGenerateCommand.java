package io.flowkit.cli.meshes;

import ai.djl.Device;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.meshes.flow.MeshFlowModel;
import io.flowkit.meshes.flow.MeshSignalGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit mesh generate}: generates shapes on any triangulation with a trained mesh flow. */
@Command(name = "generate", mixinStandardHelpOptions = true, header = "Generates signals (poses) on any triangulation of a mesh with a trained mesh flow.",
        footer = {"", "Example: flowkit mesh generate --mesh elephant-remeshed.obj --samples 4 --out poses/"},
        description = {"Generates vertex positions on a mesh with a trained mesh flow (midpoint method, step 0.05).",
            "The mesh may be any triangulation of the training surface, in the training mesh's coordinates.",
            "Writes sample-NNN.obj (or .ply) per sample."})
final class MeshGenerateCommand implements Callable<Integer> {

    @Option(names = "--mesh", required = true, description = "the rest mesh to generate on (OBJ, PLY, OFF or STL)")
    private Path mesh;

    @Option(names = "--model", description = "model folder from 'flowkit mesh train' (default: the shipped elephant model)")
    private Path model;

    @Option(names = "--samples", defaultValue = "4", description = "number of samples (default: ${DEFAULT-VALUE})")
    private int samples;

    @Option(names = "--seed", defaultValue = "0", description = "seed; sample i uses noise seed + i (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--step", defaultValue = "0.05", description = "step size (default: ${DEFAULT-VALUE})")
    private double step;

    @Option(names = "--solver", defaultValue = "midpoint", description = "euler, midpoint, heun or rk4 (default: ${DEFAULT-VALUE})")
    private String solver;

    @Option(names = "--format", defaultValue = "obj", description = "obj or ply (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = "--out", required = true, description = "output folder")
    private Path out;

    @Override
    public Integer call() throws Exception {
        io.flowkit.cli.OutputFolders.check(out);
        String ext = format.toLowerCase(Locale.ROOT);
        if (!ext.equals("obj") && !ext.equals("ply")) {
            throw new IllegalArgumentException("unknown format: " + format + " (known: obj, ply)");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples is not positive: " + samples);
        }
        TriangleMesh rest = MeshFiles.read(mesh);
        try (MeshFlowModel m = model == null ? MeshFlowModel.loadDefault(Device.cpu()) : MeshFlowModel.load(model, Device.cpu())) {
            long start = System.nanoTime();
            MeshSignalGenerator generator = MeshSignalGenerator.builder().setModel(m)
                    .setMesh(rest, mesh.getFileName().toString()).optStepSize(step).optSolver(solver).build();
            List<double[]> shapes = generator.generate(samples, seed,
                    done -> System.err.printf(Locale.ROOT, "mesh generate: %d/%d samples%n", done, samples));
            Files.createDirectories(out);
            for (int i = 0; i < shapes.size(); i++) {
                MeshFiles.write(out.resolve(String.format(Locale.ROOT, "sample-%03d.%s", i, ext)),
                        TriangleMesh.of(shapes.get(i), rest.faces()));
            }
            System.out.printf(Locale.ROOT, "%d samples written to %s (%.1f s)%n", samples, out.toAbsolutePath(),
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
