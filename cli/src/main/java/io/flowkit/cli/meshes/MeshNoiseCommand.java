package io.flowkit.cli.meshes;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.meshes.geometry.UnitBox;
import io.flowkit.meshes.noise.MaternNoise;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit mesh noise}: Matérn noise samples on a mesh. */
@Command(name = "noise", mixinStandardHelpOptions = true, header = "Samples Matérn noise on a mesh.",
        footer = {"", "Example: flowkit mesh noise --mesh bunny.obj --samples 4 --out noise/"},
        description = {"Draws Matérn noise samples on a mesh: (L + tau M) f = sigma sqrt(M) z, mean removed.",
            "The mesh is scaled to the unit box first (the defaults are meant for that scale), unless --no-unit-box.",
            "L is the robust Laplacian (Sharp and Crane 2020): any triangulation is accepted, with zero-area triangles,",
            "non-manifold edges or isolated vertices (noise 0 there).",
            "Writes noise-NNN.ply per sample: the mesh as given with one vertex property per channel (noise0, ...)."})
final class MeshNoiseCommand implements Callable<Integer> {

    @Option(names = "--mesh", required = true, description = "the mesh (OBJ, PLY, OFF or STL)")
    private Path mesh;

    @Option(names = "--tau", defaultValue = "100", description = "tau, 1/length² (default: ${DEFAULT-VALUE})")
    private double tau;

    @Option(names = "--sigma", defaultValue = "3", description = "sigma (default: ${DEFAULT-VALUE}; 5 suits human bodies)")
    private double sigma;

    @Option(names = "--channels", defaultValue = "3", description = "channels per sample (default: ${DEFAULT-VALUE})")
    private int channels;

    @Option(names = "--samples", defaultValue = "1", description = "number of samples (default: ${DEFAULT-VALUE})")
    private int samples;

    @Option(names = "--seed", defaultValue = "0", description = "seed; sample i uses seed + i (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--no-unit-box", description = "use the mesh's own coordinates")
    private boolean noUnitBox;

    @Option(names = "--out", required = true, description = "output folder")
    private Path out;

    @Override
    public Integer call() throws Exception {
        io.flowkit.cli.OutputFolders.check(out);
        if (samples < 1) {
            throw new IllegalArgumentException("samples is not positive: " + samples);
        }
        TriangleMesh m = MeshFiles.read(mesh);
        TriangleMesh scaled = noUnitBox ? m : UnitBox.scale(m);
        long start = System.nanoTime();
        MeshNoiseSetup setup = new MeshNoiseSetup(scaled, tau, sigma, channels, mesh.getFileName().toString());
        MaternNoise noise = setup.noise();
        System.err.printf(Locale.ROOT, "mesh noise: %d vertices, factored in %.2f s%n", m.vertexCount(),
                (System.nanoTime() - start) / 1e9);
        Files.createDirectories(out);
        for (int i = 0; i < samples; i++) {
            double[] x = noise.sample(seed + i);
            TriangleMesh withNoise = m;
            for (int c = 0; c < channels; c++) {
                withNoise = withNoise.withSignal("noise" + c, noise.channel(x, c));
            }
            MeshFiles.write(out.resolve(String.format(Locale.ROOT, "noise-%03d.ply", i)), withNoise);
            System.err.printf(Locale.ROOT, "mesh noise: sample %d/%d%n", i + 1, samples);
        }
        System.out.println(samples + " samples written to " + out.toAbsolutePath());
        return 0;
    }

    /** The sampler, with the mesh named in its errors. */
    private record MeshNoiseSetup(TriangleMesh mesh, double tau, double sigma, int channels, String name) {
        MaternNoise noise() {
            return MaternNoise.builder().setMesh(mesh).optTau(tau).optSigma(sigma).optChannels(channels).build();
        }
    }
}
