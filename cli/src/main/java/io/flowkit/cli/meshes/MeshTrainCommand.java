package io.flowkit.cli.meshes;

import io.flowkit.cli.StopOnInterrupt;
import io.flowkit.datasets.catalog.ElephantPoses;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.meshes.geometry.RigidAlignment;
import io.flowkit.meshes.flow.MeshDomain;
import io.flowkit.meshes.flow.MeshFlowConfig;
import io.flowkit.meshes.flow.MeshFlowTraining;
import io.flowkit.meshes.flow.SourceNoise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit mesh train}: trains a mesh flow. */
@Command(name = "train", mixinStandardHelpOptions = true, header = "Trains a mesh flow on the poses of one mesh.",
        footer = {"", "Example: flowkit mesh train --steps 2000 --out models/elephant"},
        description = {"Trains a flow of vertex positions on one mesh: Matérn (or independent) noise to the training",
            "shapes, PoissonNet-style denoiser. Default data: the 457 elephant poses of meshes/elephant-poses.",
            "Own data: --mesh REST --poses DIR (OBJ/PLY/OFF/STL files with the rest mesh's vertex order).",
            "Ctrl-C writes a checkpoint; running the same command again resumes from it."})
final class MeshTrainCommand implements Callable<Integer> {

    @Option(names = "--mesh", description = "rest mesh of own data (with --poses)")
    private Path mesh;

    @Option(names = "--poses", description = "folder of posed meshes (own data, with --mesh)")
    private Path poses;

    @Option(names = "--no-align", description = "keep each shape's global rotation (default: shapes are rigidly "
            + "aligned to the rest mesh first)")
    private boolean noAlign;

    @Option(names = "--noise", defaultValue = "matern", description = "matern or independent (default: ${DEFAULT-VALUE})")
    private String noise;

    @Option(names = "--tau", defaultValue = "100", description = "Matérn tau (default: ${DEFAULT-VALUE})")
    private double tau;

    @Option(names = "--sigma", defaultValue = "3", description = "Matérn sigma, or the std of independent noise "
            + "(default: ${DEFAULT-VALUE}; see README for the matched independent value)")
    private double sigma;

    @Option(names = "--predict", defaultValue = "data", description = "what the network outputs: data (the clean "
            + "shape, turned into a velocity) or velocity (default: ${DEFAULT-VALUE})")
    private String predict;

    @Option(names = "--steps", defaultValue = "3000", description = "training steps (default: ${DEFAULT-VALUE})")
    private long steps;

    @Option(names = "--batch", defaultValue = "4", description = "shapes per batch (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    private double learningRate;

    @Option(names = "--width", defaultValue = "64", description = "hidden channels (default: ${DEFAULT-VALUE})")
    private int width;

    @Option(names = "--seed", defaultValue = "0", description = "seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", defaultValue = "mesh-model", description = "model folder to write (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--checkpoints", description = "checkpoint folder (default: <out>/checkpoints)")
    private Path checkpoints;

    @Override
    public Integer call() throws Exception {
        MeshFlowConfig d = MeshFlowConfig.defaults();
        MeshFlowConfig config = new MeshFlowConfig(SourceNoise.parse(noise), tau, sigma, width, d.fields(),
                d.timeFrequencies(), d.regularisation(), d.gradientWeight(), !predict.equalsIgnoreCase("velocity"));
        if (!predict.equalsIgnoreCase("velocity") && !predict.equalsIgnoreCase("data")) {
            throw new IllegalArgumentException("unknown prediction: " + predict + " (known: data, velocity)");
        }
        TriangleMesh rest;
        List<double[]> signals = new ArrayList<>();
        String description;
        if (mesh == null && poses == null) {
            ElephantPoses data = ElephantPoses.load();
            rest = data.rest();
            RigidAlignment alignment = RigidAlignment.onto(rest);
            for (TriangleMesh frame : data.frames()) {
                signals.add(noAlign ? frame.vertices() : alignment.align(frame.vertices()));
            }
            description = ElephantPoses.DATASET + " (" + signals.size() + " frames by linear blend skinning"
                    + (noAlign ? "" : ", rigidly aligned to the rest pose") + ")";
        } else if (mesh != null && poses != null) {
            rest = MeshFiles.read(mesh);
            signals = readPoses(poses, rest);
            if (!noAlign) {
                RigidAlignment alignment = RigidAlignment.onto(rest);
                signals.replaceAll(alignment::align);
            }
            description = poses.toString() + " (" + signals.size() + " shapes on " + mesh.getFileName() + ")";
        } else {
            throw new IllegalArgumentException("--mesh and --poses go together");
        }
        MeshDomain domain = MeshDomain.of(rest, mesh == null ? "elephant.obj" : mesh.getFileName().toString(), config);
        MeshFlowTraining training = MeshFlowTraining.builder().setDomain(domain).setSignals(signals, description)
                .setSeed(seed).optSteps(steps).optBatchSize(batch).optLearningRate(learningRate)
                .optCheckpoints(checkpoints != null ? checkpoints : out.resolve("checkpoints"), 0)
                .optProgress(ProgressListener.stderr("mesh train", 5)).build();
        try (StopOnInterrupt ignored = new StopOnInterrupt(training::requestStop);
                MeshFlowTraining.Trained trained = training.run()) {
            if (!trained.finished()) {
                System.err.println("stopped; run the same command again to resume");
                return 1;
            }
            trained.model().save(out, trained.provenance());
            System.out.println("model written to " + out.toAbsolutePath() + " (" + trained.provenance().metrics() + ")");
            return 0;
        }
    }

    private static List<double[]> readPoses(Path folder, TriangleMesh rest) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                    .matches(".*\\.(obj|ply|off|stl)")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no OBJ, PLY, OFF or STL files in " + folder);
        }
        List<double[]> out = new ArrayList<>();
        for (Path f : files) {
            TriangleMesh m = MeshFiles.read(f);
            if (m.vertexCount() != rest.vertexCount() || !java.util.Arrays.equals(m.faces(), rest.faces())) {
                throw new IllegalArgumentException(f + ": has " + m.vertexCount() + " vertices and " + m.faceCount()
                        + " faces, not the rest mesh's " + rest.vertexCount() + " and " + rest.faceCount()
                        + " in the same order");
            }
            out.add(m.vertices());
        }
        return out;
    }
}
