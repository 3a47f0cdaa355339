package io.flowkit.cli.assembly;

import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.model.FlowSpace;
import io.flowkit.assembly.pose.PoseFlowTraining;
import io.flowkit.cli.StopOnInterrupt;
import io.flowkit.assembly.train.AssemblyTraining;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.flow.train.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit assembly train}: trains the assembly flow on synthetic fractures. */
@Command(name = "train", mixinStandardHelpOptions = true, header = "Trains the assembly flow on synthetic fractures of meshes/cgal.",
        footer = {"", "Example: flowkit assembly train --steps 4000 --out models/assembly"},
        description = {"Trains the assembly flow on synthetic planar fractures of the training meshes of meshes/cgal and",
            "analytic solids (the held-out meshes cow, triceratops and rotor_small are never cut for training).",
            "Ctrl-C writes a checkpoint; running the same command again resumes from it."})
final class AssemblyTrainCommand implements Callable<Integer> {

    @Option(names = "--objects", defaultValue = "400", description = "training objects (default: ${DEFAULT-VALUE})")
    private int objects;

    @Option(names = "--points", defaultValue = "512", description = "points per object (default: ${DEFAULT-VALUE})")
    private int points;

    @Option(names = "--min-parts", defaultValue = "2", description = "fewest parts (default: ${DEFAULT-VALUE})")
    private int minParts;

    @Option(names = "--max-parts", defaultValue = "8", description = "most parts (default: ${DEFAULT-VALUE})")
    private int maxParts;

    @Option(names = "--steps", defaultValue = "3000", description = "training steps (default: ${DEFAULT-VALUE})")
    private long steps;

    @Option(names = "--batch", defaultValue = "8", description = "objects per batch (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    private double learningRate;

    @Option(names = "--width", defaultValue = "64", description = "channels per point (default: ${DEFAULT-VALUE})")
    private int width;

    @Option(names = "--blocks", defaultValue = "3", description = "pairs of attention blocks (default: ${DEFAULT-VALUE})")
    private int blocks;

    @Option(names = "--planar", description = "the 2D task: random polygons cut by JTS into Voronoi cells")
    private boolean planar;

    @Option(names = "--seed", defaultValue = "0", description = "seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", defaultValue = "assembly-model", description = "model folder (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--checkpoints", description = "checkpoint folder (default: <out>/checkpoints)")
    private Path checkpoints;

    @Option(names = "--normals", description = "let each point see its surface normal in its input pose (not with --planar)")
    private boolean normals;

    @Option(names = "--flow", defaultValue = "points", description = "what flows: points (Rectified Point Flow) or poses "
            + "(GARF: rotations on SO(3), translations) (default: ${DEFAULT-VALUE})")
    private String flow;

    @Override
    public Integer call() throws Exception {
        if (normals && planar) {
            throw new IllegalArgumentException("--normals needs meshes: the planar task samples outlines without normals");
        }
        AssemblyConfig config = new AssemblyConfig(maxParts, width, 4, blocks, 6, 0).withNormals(normals);
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(points).optPlanar(planar).build();
        long start = System.nanoTime();
        List<AssemblyExample> train = planar ? SyntheticFractures.makePlanar(objects, minParts, maxParts, prep, seed)
                : SyntheticFractures.make(false, objects, minParts, maxParts, prep, seed, done -> {
                    if (done % 50 == 0 || done == objects) {
                        System.err.printf(Locale.ROOT, "assembly train: %d/%d objects fractured%n", done, objects);
                    }
                });
        System.err.printf(Locale.ROOT, "assembly train: %d objects in %.1f s%n", train.size(), (System.nanoTime() - start) / 1e9);
        String description = String.format(Locale.ROOT, "synthetic planar fractures of %s: %d objects, %d-%d parts, "
                + "%d points, seed %d", planar ? "random star polygons (2D)" : SyntheticFractures.TRAIN_MESHES + " + 4 solids",
                objects, minParts, maxParts, points, seed);
        Path folder = checkpoints != null ? checkpoints : out.resolve("checkpoints");
        if (FlowSpace.parse(flow) == FlowSpace.POSES) {
            PoseFlowTraining training = new PoseFlowTraining(config, train, description, steps, batch, learningRate, seed,
                    folder, ProgressListener.stderr("assembly train (poses)", 5));
            try (StopOnInterrupt stop = new StopOnInterrupt(training::requestStop);
                    PoseFlowTraining.Trained t = training.run()) {
                if (!t.complete()) {
                    System.err.println("stopped; run the same command again to resume");
                    return 1;
                }
                t.model().save(out, t.provenance());
                System.out.println("model written to " + out.toAbsolutePath() + " (" + t.provenance().metrics() + ")");
                return 0;
            }
        }
        try (AssemblyTraining.Trained t = AssemblyTraining.train(config, train, description, steps, batch, learningRate, seed,
                checkpoints != null ? checkpoints : out.resolve("checkpoints"), ProgressListener.stderr("assembly train", 5))) {
            if (t.result().stopped()) {
                System.err.println("stopped; run the same command again to resume");
                return 1;
            }
            t.model().save(out, t.provenance());
            System.out.println("model written to " + out.toAbsolutePath() + " (" + t.provenance().metrics() + ")");
            return 0;
        }
    }
}
