package io.flowkit.cli.tsgen;

import io.flowkit.cli.StopOnInterrupt;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.molecules.bench.TsGenEvaluation;
import io.flowkit.molecules.data.Rdb7Split;
import io.flowkit.molecules.data.ReactionSplit;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.Prior;
import io.flowkit.molecules.model.TsGenConfig;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.train.TsGenTraining;
import io.flowkit.validation.report.ResultTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit tsgen train}: trains a model on the Grambow split, saves it and evaluates it on the test split. */
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
        TsGenConfig config = TsGenConfig.defaults().withSize(width, layers).withPrior(Prior.byName(prior), priorScale)
                .withNormalization(normalize);
        TrainingData training = switch (data) {
            case "rdb7" -> TrainingData.rdb7();
            case "grambow-842" -> TrainingData.grambow();
            default -> throw new IllegalArgumentException("--data must be rdb7 or grambow-842: " + data);
        };
        TsGenTraining run = TsGenTraining.builder().setTrainingData(training.train(), training.description()).setSeed(seed)
                .optConfig(config).optSteps(steps).optBatchSize(batch).optLearningRate(learningRate)
                .optReverseAugmentation(!noReverse).optCheckpoints(checkpoints != null ? checkpoints : out.resolve("checkpoints"))
                .optProgress(ProgressListener.stderr("tsgen train", 5)).build();
        try (StopOnInterrupt ignored = new StopOnInterrupt(run::requestStop);
                TsGenTraining.Trained trained = run.run()) {
            TsGenModel model = trained.model();
            if (trained.training().stopped()) {
                System.err.println("stopped at step " + trained.training().steps() + "; run the same command again to resume");
                return 1;
            }
            TransitionStateGenerator generator = TransitionStateGenerator.builder().setModel(model).build();
            TsGenEvaluation.Result result = TsGenEvaluation.run(generator, "TS-GEN (this model)", training.evaluation(),
                    training.baselineName(), training.baseline());
            Map<String, Double> metrics = new LinkedHashMap<>(trained.provenance().metrics());
            var summary = result.methods().get(0).summary();
            String prefix = training.evaluationName() + ".rmsd.";
            metrics.put(prefix + "mean", summary.mean());
            metrics.put(prefix + "median", summary.median());
            metrics.put(prefix + "below0.1", summary.shareBelow(0.1));
            metrics.put(prefix + "below0.2", summary.shareBelow(0.2));
            Provenance p = trained.provenance();
            model.save(out, new Provenance(p.flowkitVersion(), p.djlVersion(), p.engine(), p.created(), p.seed(), p.step(),
                    p.dataset(), p.configuration(), metrics, p.threads()));
            ResultTable table = result.table("TS-GEN on the " + training.evaluationTitle() + " ("
                    + training.evaluation().size() + " reactions)");
            System.out.println(table.toText());
            System.err.println("model written to " + out.toAbsolutePath());
            return 0;
        }
    }

    /** The training reactions of a data set and the reactions the trained model is scored on. */
    private record TrainingData(List<Reaction> train, String description, List<Reaction> evaluation, String evaluationName,
            String evaluationTitle, String baselineName, List<Molecule> baseline) {

        static TrainingData rdb7() throws java.io.IOException {
            Rdb7Split split = Rdb7Split.of(Rdb7.load(), Grambow842.load());
            return new TrainingData(Rdb7Split.reactions(split.train()), "reactions/rdb7 train split; " + split.describe(),
                    Rdb7Split.reactions(split.validation()), "validation", "RDB7 validation split", null, null);
        }

        static TrainingData grambow() throws java.io.IOException {
            Grambow842 data = Grambow842.load();
            ReactionSplit split = ReactionSplit.grambow(data.reactions());
            List<Molecule> baseline = split.test().stream()
                    .map(r -> data.predictedTransitionStates().get(data.reactions().indexOf(r))).toList();
            return new TrainingData(split.train(), "reactions/grambow-842 train split: " + split.train().size()
                    + " reactions (seeded shuffle " + ReactionSplit.GRAMBOW_SEED + ", " + split.test().size() + " held out)",
                    split.test(), "test", "Grambow test split", "TS-GEN 2020 (Pattanaik et al.)", baseline);
        }
    }
}
