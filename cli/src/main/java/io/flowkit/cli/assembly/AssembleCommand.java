package io.flowkit.cli.assembly;

import ai.djl.Device;
import io.flowkit.assembly.assemble.PartAssembler;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.core.io.AtomicFiles;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        List<Path> files = new ArrayList<>();
        for (Path p : parts) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    files.addAll(s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                            .matches(".*\\.(ply|obj|off|stl)")).sorted().toList());
                }
            } else {
                files.add(p);
            }
        }
        List<TriangleMesh> meshes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            meshes.add(MeshFiles.read(f));
            names.add(f.getFileName().toString());
        }
        try (AssemblyModel m = model == null ? AssemblyModel.loadDefault(Device.cpu()) : AssemblyModel.load(model, Device.cpu())) {
            PartAssembler.Assembled a = PartAssembler.builder().setModel(m).optSeed(seed).build().assemble(meshes, names);
            Files.createDirectories(out);
            StringBuilder json = new StringBuilder("{\n  \"anchor\": \"" + names.get(a.anchor()) + "\",\n  \"parts\": [\n");
            for (int p = 0; p < meshes.size(); p++) {
                String name = names.get(p);
                String stem = name.substring(0, name.lastIndexOf('.'));
                MeshFiles.write(out.resolve(stem + "-posed.ply"), a.posedParts().get(p));
                RigidPose pose = a.poses().get(p);
                json.append(String.format(Locale.ROOT, "    {\"file\": \"%s\", \"rotation\": %s, \"translation\": %s}%s%n",
                        name, Arrays.toString(pose.rotation()), Arrays.toString(pose.translation()),
                        p + 1 < meshes.size() ? "," : ""));
            }
            json.append("  ]\n}\n");
            MeshFiles.write(out.resolve("assembled.ply"), a.combined());
            AtomicFiles.writeString(out.resolve("poses.json"), json.toString());
            System.out.println(meshes.size() + " parts assembled into " + out.toAbsolutePath() + " (anchor "
                    + names.get(a.anchor()) + ")");
            return 0;
        }
    }
}
