package io.flowkit.cli.meshes;

import io.flowkit.cli.TrainCommands;
import io.flowkit.meshes.flow.MeshFlowRecipe;
import io.flowkit.meshes.flow.SourceNoise;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowkit mesh train}: runs {@link MeshFlowRecipe}. The option defaults are the recipe's
 * (TrainDefaultsTest checks the shared ones).
 */
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
        if (!predict.equalsIgnoreCase("velocity") && !predict.equalsIgnoreCase("data")) {
            throw new IllegalArgumentException("unknown prediction: " + predict + " (known: data, velocity)");
        }
        MeshFlowRecipe.Builder recipe = MeshFlowRecipe.builder().optAlign(!noAlign).optNoise(SourceNoise.parse(noise))
                .optTau(tau).optSigma(sigma).optPredictData(!predict.equalsIgnoreCase("velocity")).optSteps(steps)
                .optBatchSize(batch).optLearningRate(learningRate).optWidth(width).optSeed(seed).optCheckpoints(checkpoints);
        if (mesh != null && poses != null) {
            recipe.optData(mesh, poses);
        } else if (mesh != null || poses != null) {
            throw new IllegalArgumentException("--mesh and --poses go together");
        }
        return TrainCommands.run(recipe.build(), out);
    }
}
