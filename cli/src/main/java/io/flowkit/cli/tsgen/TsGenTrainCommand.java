package io.flowkit.cli.tsgen;

import io.flowkit.cli.TrainCommands;
import io.flowkit.molecules.model.Prior;
import io.flowkit.molecules.train.TsGenRecipe;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowkit tsgen train}: runs {@link TsGenRecipe} (training, evaluation, save) and prints its RMSD
 * table. The option defaults are the recipe's (TrainDefaultsTest checks the shared ones).
 */
@Command(name = "train", mixinStandardHelpOptions = true, header = "Trains a TS-GEN model on RDB7's training split.",
        footer = {"", "Example: flowkit tsgen train --normalize --steps 40000 --out models/tsgen"},
        description = {"Trains a TS-GEN model on the training split of reactions/rdb7 (grouped by reactant; see Rdb7Split),",
            "or with --data grambow-842 on its 642 training reactions, saves it with its provenance and prints its RMSD",
            "on the validation split (rdb7) or the test split (grambow-842) beside the baselines.",
            "Ctrl-C writes a checkpoint; running the same command again resumes from it."})
final class TsGenTrainCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "tsgen-model", description = "model folder to write (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--checkpoints", description = "checkpoint folder (default: <out>/checkpoints)")
    private Path checkpoints;

    @Option(names = "--steps", defaultValue = "30000", description = "training steps (default: ${DEFAULT-VALUE})")
    private long steps;

    @Option(names = "--batch", defaultValue = "32", description = "reactions per batch (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "peak learning rate (default: ${DEFAULT-VALUE})")
    private double learningRate;

    @Option(names = "--prior", defaultValue = "midpoint", description = "gaussian (TS-GEN) or midpoint (React-OT) (default: ${DEFAULT-VALUE})")
    private String prior;

    @Option(names = "--prior-scale", defaultValue = "0.1", description = "σ of the Gaussian prior, or noise on the midpoint, Å (default: ${DEFAULT-VALUE})")
    private double priorScale;

    @Option(names = "--width", defaultValue = "96", description = "channels per atom (default: ${DEFAULT-VALUE})")
    private int width;

    @Option(names = "--layers", defaultValue = "6", description = "message-passing layers (default: ${DEFAULT-VALUE})")
    private int layers;

    @Option(names = "--normalize", description = "pre-normalised layers (layer norm of the scalars, RMS scaling of the "
            + "vectors), against the loss spikes of deep models; off for the shipped model")
    private boolean normalize;

    @Option(names = "--no-reverse", description = "do not add the reversed reactions P -> R to the training data")
    private boolean noReverse;

    @Option(names = "--data", defaultValue = "rdb7", description = "rdb7 (grouped split, 8,694 training reactions) or "
            + "grambow-842 (642) (default: ${DEFAULT-VALUE})")
    private String data;

    @Option(names = "--seed", defaultValue = "0", description = "seed of initialisation and training (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws Exception {
        TsGenRecipe.Data set = Arrays.stream(TsGenRecipe.Data.values()).filter(d -> d.label().equals(data)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--data must be rdb7 or grambow-842: " + data));
        TsGenRecipe recipe = TsGenRecipe.builder().optData(set).optSeed(seed).optSteps(steps).optBatchSize(batch)
                .optLearningRate(learningRate).optPrior(Prior.byName(prior)).optPriorScale(priorScale).optWidth(width).optLayers(layers)
                .optNormalize(normalize).optReverseAugmentation(!noReverse).optCheckpoints(checkpoints).build();
        return TrainCommands.run(recipe, out);
    }
}
