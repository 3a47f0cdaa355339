package io.flowkit.cli.assembly;

import io.flowkit.assembly.fracture.MeshFracture;
import io.flowkit.assembly.fracture.PlaneCut;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit assembly fracture}: planar fracture of a closed mesh. */
@Command(name = "fracture", mixinStandardHelpOptions = true,
        description = {"Cuts a closed mesh into parts by random planes or Voronoi cells (planar fractures, not",
            "physically simulated). Writes part-NN.<ext> per part in the assembled pose, largest first."})
final class AssemblyFractureCommand implements Callable<Integer> {

    @Option(names = "--mesh", required = true, description = "a closed mesh (OFF, OBJ, PLY or STL)")
    private Path mesh;

    @Option(names = "--parts", required = true, description = "number of parts, 2 to 32")
    private int parts;

    @Option(names = "--mode", defaultValue = "planes", description = "planes or voronoi (default: ${DEFAULT-VALUE})")
    private String mode;

    @Option(names = "--seed", defaultValue = "0", description = "seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--format", defaultValue = "ply", description = "ply, obj, off or stl (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = "--out", required = true, description = "output folder")
    private Path out;

    @Override
    public Integer call() throws Exception {
        MeshFracture.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "planes" -> MeshFracture.Mode.RANDOM_PLANES;
            case "voronoi" -> MeshFracture.Mode.VORONOI;
            default -> throw new IllegalArgumentException("unknown mode: " + mode + " (known: planes, voronoi)");
        };
        String ext = format.toLowerCase(Locale.ROOT);
        if (!List.of("ply", "obj", "off", "stl").contains(ext)) {
            throw new IllegalArgumentException("unknown format: " + format + " (known: ply, obj, off, stl)");
        }
        TriangleMesh input = MeshFiles.read(mesh);
        List<TriangleMesh> pieces = MeshFracture.builder().optMode(m).build().apply(input, parts, seed,
                mesh.getFileName().toString());
        Files.createDirectories(out);
        double total = PlaneCut.volume(input);
        for (int i = 0; i < pieces.size(); i++) {
            MeshFiles.write(out.resolve(String.format(Locale.ROOT, "part-%02d.%s", i, ext)), pieces.get(i));
            System.out.printf(Locale.ROOT, "part %d: %d triangles, %.1f%% of the volume%n", i, pieces.get(i).faceCount(),
                    100 * PlaneCut.volume(pieces.get(i)) / total);
        }
        System.out.println(pieces.size() + " parts written to " + out.toAbsolutePath());
        return 0;
    }
}
