package io.flowkit.cli.assembly;

import io.flowkit.assembly.model.FlowSpace;
import io.flowkit.assembly.train.AssemblyRecipe;
import io.flowkit.cli.TrainCommands;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowkit assembly train}: runs {@link AssemblyRecipe}, the assembly flow on synthetic fractures. The
 * option defaults are the recipe's (TrainDefaultsTest checks the shared ones).
 */
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
        return TrainCommands.run(AssemblyRecipe.builder().optObjects(objects).optPoints(points).optMinParts(minParts)
                .optMaxParts(maxParts).optSteps(steps).optBatchSize(batch).optLearningRate(learningRate).optWidth(width)
                .optBlocks(blocks).optPlanar(planar).optNormals(normals).optFlow(FlowSpace.parse(flow)).optSeed(seed)
                .optCheckpoints(checkpoints).build(), out);
    }
}
