package io.flowkit.cli.assembly;

import ai.djl.Device;
import io.flowkit.assembly.assemble.PartAssembler;
import io.flowkit.assembly.model.AssemblyModel;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit assemble}: reassembles part meshes (flow hypotheses and the geometric stage). */
@Command(name = "assemble", mixinStandardHelpOptions = true, header = "Assembles fractured parts and writes their poses and the assembled object.",
        footer = {"", "Example: flowkit assemble --parts parts/ --out assembled/"},
        description = {"Reassembles parts (PLY, OBJ, OFF or STL; a folder or files). The largest part stays in place;",
            "the others are moved onto it. By default the assembly flow proposes pose hypotheses and the geometric",
            "stage (fracture faces matched pairwise, parts joined by contact) chooses. Prints each part's",
            "confidence (the share of its fracture faces touching other parts; below 0.5 a warning on stderr).",
            "Writes each posed part, assembled.ply and poses.json (rotation row-major, translation, confidence)."})
public final class AssembleCommand implements Callable<Integer> {

    @Option(names = "--parts", required = true, split = ",", description = "a folder of part files, or part files")
    private List<Path> parts = new ArrayList<>();

    @Option(names = "--model", description = "model folder from 'flowkit assembly train' (default: the shipped model)")
    private Path model;

    @Option(names = "--seed", defaultValue = "0", description = "seed of sampling and noise (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, description = "output folder")
    private Path out;

    @Option(names = "--method", defaultValue = "both",
            description = "flow, geometry or both (flow samples as hypotheses for the geometry; default: ${DEFAULT-VALUE})")
    private String method;

    @Option(names = "--hypotheses", defaultValue = "2",
            description = "flow samples given to the geometric stage (default: ${DEFAULT-VALUE})")
    private int hypotheses;

    /** Below this confidence a part's placement is reported on stderr. */
    static final double LOW_CONFIDENCE = 0.5;

    @Override
    public Integer call() throws Exception {
        io.flowkit.cli.OutputFolders.check(out);
        List<Path> files = partFiles(parts, out);
        List<TriangleMesh> meshes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            meshes.add(MeshFiles.read(f));
            names.add(f.getFileName().toString());
        }
        List<String> stems = uniqueStems(files);
        PartAssembler.Method how = switch (method.toLowerCase(Locale.ROOT)) {
            case "flow" -> PartAssembler.Method.FLOW;
            case "geometry" -> PartAssembler.Method.GEOMETRY;
            case "both" -> PartAssembler.Method.FLOW_AND_GEOMETRY;
            default -> throw new IllegalArgumentException("unknown --method " + method + ": use flow, geometry or both");
        };
        long start = System.nanoTime();
        PartAssembler.Assembled a;
        if (how == PartAssembler.Method.GEOMETRY) {
            a = PartAssembler.builder().optMethod(how).optSeed(seed).build().assemble(meshes, names);
        } else {
            try (AssemblyModel m = model == null ? AssemblyModel.loadDefault(Device.cpu())
                    : AssemblyModel.load(model, Device.cpu())) {
                a = PartAssembler.builder().setModel(m).optMethod(how).optHypotheses(hypotheses).optSeed(seed).build()
                        .assemble(meshes, names);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(out);
        JsonArray posedParts = new JsonArray();
        double[] confidence = a.confidence();
        for (int p = 0; p < meshes.size(); p++) {
            String posed = stems.get(p) + "-posed.ply";
            MeshFiles.write(out.resolve(posed), a.posedParts().get(p));
            RigidPose pose = a.poses().get(p);
            JsonObject part = new JsonObject();
            part.addProperty("file", names.get(p));
            part.addProperty("input", files.get(p).toString());
            part.addProperty("posed", posed);
            part.add("rotation", numbers(pose.rotation()));
            part.add("translation", numbers(pose.translation()));
            part.addProperty("confidence", confidence[p]);
            part.addProperty("placedBy", a.source().get(p));
            posedParts.add(part);
        }
        JsonObject json = new JsonObject();
        json.addProperty("anchor", names.get(a.anchor()));
        json.addProperty("method", method.toLowerCase(Locale.ROOT));
        json.add("parts", posedParts);
        MeshFiles.write(out.resolve("assembled.ply"), a.combined());
        AtomicFiles.writeString(out.resolve("poses.json"),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n");
        System.out.printf(Locale.ROOT, "%d parts assembled into %s in %.1f s (anchor %s)%n", meshes.size(),
                out.toAbsolutePath(), seconds, names.get(a.anchor()));
        for (int p = 0; p < meshes.size(); p++) {
            System.out.printf(Locale.ROOT, "  %-28s placed by %-10s confidence %.2f%n", names.get(p), a.source().get(p),
                    confidence[p]);
            if (p != a.anchor() && confidence[p] < LOW_CONFIDENCE) {
                System.err.printf(Locale.ROOT, "warning: part %s: low confidence %.2f (little of its fracture surface "
                        + "touches another part); check its placement%n", names.get(p), confidence[p]);
            }
        }
        return 0;
    }

    /**
     * The part files named on the command line: folders are listed (mesh files only, sorted). A
     * missing path, a folder without mesh files, and an output folder that is also a parts folder
     * (the next run would read the outputs back as parts) are refused with the path in the message.
     */
    static List<Path> partFiles(List<Path> parts, Path out) throws IOException {
        List<Path> files = new ArrayList<>();
        Path outAbs = out.toAbsolutePath().normalize();
        for (Path p : parts) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("parts not found: " + p);
            }
            if (Files.isDirectory(p)) {
                if (p.toAbsolutePath().normalize().equals(outAbs)) {
                    throw new IllegalArgumentException("--out is the parts folder " + p
                            + ": the outputs would be read back as parts; choose another output folder");
                }
                List<Path> found;
                try (Stream<Path> s = Files.list(p)) {
                    found = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                            .matches(".*\\.(ply|obj|off|stl)")).sorted().toList();
                }
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("no mesh files (.ply, .obj, .off, .stl) found in " + p);
                }
                files.addAll(found);
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * Output stems, one per part: the file name without its extension, prefixed with the parent
     * folder's name where two parts share a file name (and numbered if that is not enough), so that
     * no output overwrites another.
     */
    static List<String> uniqueStems(List<Path> files) {
        List<String> stems = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            int dot = name.lastIndexOf('.');
            stems.add(dot > 0 ? name.substring(0, dot) : name);
        }
        List<String> out = new ArrayList<>(stems);
        for (int i = 0; i < files.size(); i++) {
            if (Collections.frequency(stems, stems.get(i)) > 1) {
                Path parent = files.get(i).toAbsolutePath().normalize().getParent();
                String folder = parent == null || parent.getFileName() == null ? "root" : parent.getFileName().toString();
                out.set(i, folder + "-" + stems.get(i));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (Collections.frequency(out, out.get(i)) > 1) {
                out.set(i, out.get(i) + "-" + (i + 1));
            }
        }
        return out;
    }

    /** Values as a JSON array (poses.json, truth.json). */
    static JsonArray numbers(double[] values) {
        JsonArray out = new JsonArray();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
