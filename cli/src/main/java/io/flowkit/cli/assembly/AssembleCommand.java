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

/** {@code flowkit assemble}: reassembles part meshes with a trained assembly flow. */
@Command(name = "assemble", mixinStandardHelpOptions = true,
        description = {"Reassembles parts (PLY, OBJ, OFF or STL; a folder or files) with a trained assembly flow. The",
            "largest part stays in place; the others are moved onto it. Writes each posed part, assembled.ply and",
            "poses.json (rotation row-major and translation per part)."})
public final class AssembleCommand implements Callable<Integer> {

    @Option(names = "--parts", required = true, split = ",", description = "a folder of part files, or part files")
    private List<Path> parts = new ArrayList<>();

    @Option(names = "--model", description = "model folder from 'flowkit assembly train' (default: the shipped model)")
    private Path model;

    @Option(names = "--seed", defaultValue = "0", description = "seed of sampling and noise (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, description = "output folder")
    private Path out;

    @Override
    public Integer call() throws Exception {
        List<Path> files = partFiles(parts, out);
        List<TriangleMesh> meshes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            meshes.add(MeshFiles.read(f));
            names.add(f.getFileName().toString());
        }
        List<String> stems = uniqueStems(files);
        try (AssemblyModel m = model == null ? AssemblyModel.loadDefault(Device.cpu()) : AssemblyModel.load(model, Device.cpu())) {
            PartAssembler.Assembled a = PartAssembler.builder().setModel(m).optSeed(seed).build().assemble(meshes, names);
            Files.createDirectories(out);
            JsonArray posedParts = new JsonArray();
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
                posedParts.add(part);
            }
            JsonObject json = new JsonObject();
            json.addProperty("anchor", names.get(a.anchor()));
            json.add("parts", posedParts);
            MeshFiles.write(out.resolve("assembled.ply"), a.combined());
            AtomicFiles.writeString(out.resolve("poses.json"),
                    new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n");
            System.out.println(meshes.size() + " parts assembled into " + out.toAbsolutePath() + " (anchor "
                    + names.get(a.anchor()) + ")");
            return 0;
        }
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

    private static JsonArray numbers(double[] values) {
        JsonArray out = new JsonArray();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
