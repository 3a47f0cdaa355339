package io.flowkit.cli.assembly;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.flowkit.assembly.fracture.MeshFracture;
import io.flowkit.assembly.fracture.PlaneCut;
import io.flowkit.core.io.AtomicFiles;
import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit assembly fracture}: planar fracture of a closed mesh. */
@Command(name = "fracture", mixinStandardHelpOptions = true, header = "Cuts a closed mesh into parts.",
        footer = {"", "Example: flowkit assembly fracture --mesh cow.off --parts 4 --scatter --out parts/"},
        description = {"Cuts a closed mesh into parts by random planes or Voronoi cells (planar fractures, not",
            "physically simulated). Writes part-NN.<ext> per part in the assembled pose, largest first; with",
            "--scatter, moved apart at random, and truth.json with the poses that put them back."})
final class AssemblyFractureCommand implements Callable<Integer> {

    @Option(names = "--mesh", required = true, description = "a closed mesh (OFF, OBJ, PLY or STL)")
    private Path mesh;

    @Option(names = "--parts", required = true, description = "number of parts, 2 to 20 (each part holds at least 5% of the volume)")
    private int parts;

    @Option(names = "--mode", defaultValue = "planes", description = "planes or voronoi (default: ${DEFAULT-VALUE})")
    private String mode;

    @Option(names = "--seed", defaultValue = "0", description = "seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--format", defaultValue = "ply", description = "ply, obj, off or stl (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = "--out", required = true, description = "output folder")
    private Path out;

    @Option(names = "--scatter", description = {"move every part but the anchor (the one with the most area, which "
        + "'flowkit assemble' keeps in place) by a random rotation about its centroid and a random shift, and write "
        + "truth.json: per part, the pose that puts it back (the format of assemble's poses.json)"})
    private boolean scatter;

    @Override
    public Integer call() throws Exception {
        io.flowkit.cli.OutputFolders.check(out);
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
        List<RigidPose> back = new ArrayList<>();
        if (scatter) {
            pieces = scattered(pieces, input.boundingBoxDiagonal(), back);
        }
        for (int i = 0; i < pieces.size(); i++) {
            MeshFiles.write(out.resolve(String.format(Locale.ROOT, "part-%02d.%s", i, ext)), pieces.get(i));
            System.out.printf(Locale.ROOT, "part %d: %d triangles, %.1f%% of the volume%n", i, pieces.get(i).faceCount(),
                    100 * PlaneCut.volume(pieces.get(i)) / total);
        }
        if (scatter) {
            JsonArray truth = new JsonArray();
            for (int i = 0; i < pieces.size(); i++) {
                JsonObject part = new JsonObject();
                part.addProperty("file", String.format(Locale.ROOT, "part-%02d.%s", i, ext));
                part.add("rotation", AssembleCommand.numbers(back.get(i).rotation()));
                part.add("translation", AssembleCommand.numbers(back.get(i).translation()));
                truth.add(part);
            }
            JsonObject json = new JsonObject();
            json.addProperty("anchor", String.format(Locale.ROOT, "part-%02d.%s", anchor(pieces), ext));
            json.add("parts", truth);
            AtomicFiles.writeString(out.resolve("truth.json"),
                    new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n");
            System.out.println("parts scattered; truth.json holds the poses that put them back");
        }
        System.out.println(pieces.size() + " parts written to " + out.toAbsolutePath());
        return 0;
    }

    /** The part with the most area, which {@code flowkit assemble} keeps in place. */
    private static int anchor(List<TriangleMesh> pieces) {
        int best = 0;
        for (int i = 1; i < pieces.size(); i++) {
            if (pieces.get(i).surfaceArea() > pieces.get(best).surfaceArea()) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Every part but the anchor rotated uniformly at random about its centroid and shifted by up
     * to half the object's diagonal per axis (seeded); {@code back} receives per part the pose that
     * undoes it (the identity for the anchor).
     */
    private List<TriangleMesh> scattered(List<TriangleMesh> pieces, double diagonal, List<RigidPose> back) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5CA77E5L);
        int anchor = anchor(pieces);
        List<TriangleMesh> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            TriangleMesh piece = pieces.get(i);
            if (i == anchor) {
                out.add(piece);
                back.add(RigidPose.identity());
                continue;
            }
            double[] v = piece.vertices();
            double[] c = new double[3];
            for (int k = 0; k < v.length; k++) {
                c[k % 3] += 3.0 * v[k] / v.length;
            }
            double[] r = So3.fromUniforms(random.nextDouble(), random.nextDouble(), random.nextDouble());
            double[] t = new double[3];
            double[] rc = So3.apply(r, c);
            for (int d = 0; d < 3; d++) {
                t[d] = c[d] - rc[d] + (random.nextDouble() - 0.5) * diagonal;
            }
            RigidPose move = RigidPose.of(r, t);
            out.add(piece.withVertices(move.apply(v)));
            back.add(move.inverse());
        }
        return out;
    }
}
