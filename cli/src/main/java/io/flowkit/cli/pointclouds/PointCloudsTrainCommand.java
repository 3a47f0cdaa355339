package io.flowkit.cli.pointclouds;

import io.flowkit.cli.TrainCommands;
import io.flowkit.pointclouds.train.PufmRecipe;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowkit pointclouds train}: runs {@link PufmRecipe}, the three PUFM++ stages on the training shapes of
 * the shared data. The option defaults are the recipe's (TrainDefaultsTest checks the shared ones).
 */
@Command(name = "train", mixinStandardHelpOptions = true, header = "Trains a PUFM++ model on the PU-GAN training meshes.",
        footer = {"", "Example: flowkit pointclouds train --steps 20000 --out models/pufm"},
        description = {"Trains a PUFM++ x4 model on the training meshes of pointclouds/pugan-meshes (PU-GAN protocol) and",
            "the training clouds of pointclouds/punet-mc5k: stage 1 straight flow, stage 2 Chamfer refinement,",
            "stage 3 loss profile for the adaptive schedule. Saves the model with its provenance.",
            "Ctrl-C writes a checkpoint; running the same command again resumes from it."})
final class PointCloudsTrainCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "pufm-model", description = "model folder to write (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--checkpoints", description = "checkpoint folder (default: <out>/checkpoints)")
    private Path checkpoints;

    @Option(names = "--steps", defaultValue = "4000", description = "stage-1 steps (default: ${DEFAULT-VALUE})")
    private long steps;

    @Option(names = "--refine-steps", defaultValue = "500", description = "stage-2 steps, 0 to skip (default: ${DEFAULT-VALUE})")
    private long refineSteps;

    @Option(names = "--batch", defaultValue = "8", description = "patches per batch (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--lr", defaultValue = "3e-4", description = "peak learning rate of stage 1 (default: ${DEFAULT-VALUE})")
    private double learningRate;

    @Option(names = "--patches-per-mesh", defaultValue = "40", description = "patches cut from each training mesh (default: ${DEFAULT-VALUE})")
    private int patchesPerMesh;

    @Option(names = "--patches-per-cloud", defaultValue = "20", description = "patches cut from each training cloud, 0 for none (default: ${DEFAULT-VALUE})")
    private int patchesPerCloud;

    @Option(names = "--width", defaultValue = "64", description = "channels per point (default: ${DEFAULT-VALUE})")
    private int width;

    @Option(names = "--blocks", defaultValue = "2", description = "read-compute-write blocks (default: ${DEFAULT-VALUE})")
    private int blocks;

    @Option(names = "--seed", defaultValue = "0", description = "seed of data, initialisation and training (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws Exception {
        return TrainCommands.run(PufmRecipe.builder().optSteps(steps).optRefineSteps(refineSteps).optBatchSize(batch)
                .optLearningRate(learningRate).optPatchesPerMesh(patchesPerMesh).optPatchesPerCloud(patchesPerCloud)
                .optWidth(width).optBlocks(blocks).optSeed(seed).optCheckpoints(checkpoints).build(), out);
    }
}
