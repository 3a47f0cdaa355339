package io.flowkit.molecules.train;

import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.train.AbstractTrainingRecipe;
import io.flowkit.flow.train.RecipeOptions;
import io.flowkit.molecules.bench.TsGenEvaluation;
import io.flowkit.molecules.data.Rdb7Split;
import io.flowkit.molecules.data.ReactionSplit;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.Prior;
import io.flowkit.molecules.model.TsGenConfig;
import io.flowkit.molecules.model.TsGenModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The TS-GEN training recipe ({@code flowkit tsgen train}): trains on the training split of
 * RDB7 (grouped by reactant; see {@link Rdb7Split}) or of Grambow's 842 reactions, then scores the
 * model on the validation split (RDB7) or the test split (Grambow, beside TS-GEN 2020), adds the
 * RMSDs to the provenance and saves. The outcome's summary is the RMSD table.
 *
 * <pre>{@code
 * TrainingRecipe.Outcome o = TsGenRecipe.builder().optNormalize(true).optSteps(40_000).build()
 *         .run(Path.of("models/tsgen"));
 * }</pre>
 */
public final class TsGenRecipe extends AbstractTrainingRecipe {

    /** The data sets a model can be trained on. */
    public enum Data {
        /** reactions/rdb7, grouped split: 8,694 training reactions, scored on the validation split. */
        RDB7("rdb7"),
        /** reactions/grambow-842, Grambow's split: 642 training reactions, scored on the test split. */
        GRAMBOW_842("grambow-842");

        private final String label;

        Data(String label) {
            this.label = label;
        }

        /** @return the data set's name, e.g. {@code grambow-842} */
        public String label() {
            return label;
        }
    }

    private final Data data;
    private final TsGenConfig config;
    private final boolean reverse;

    private TsGenRecipe(Builder b, TsGenConfig config, RecipeOptions.Settings settings) {
        super(settings);
        this.data = b.data;
        this.config = config;
        this.reverse = b.reverse;
    }

    /** @return a builder with the defaults of {@code flowkit tsgen train} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Outcome run(Path out) throws IOException {
        RecipeOptions.Settings settings = settings();
        TrainingData training = data == Data.RDB7 ? TrainingData.rdb7() : TrainingData.grambow();
        TsGenTraining run = TsGenTraining.builder().setTrainingData(training.train(), training.description())
                .setSeed(settings.seed()).optConfig(config).optSteps(settings.steps())
                .optBatchSize(settings.batchSize()).optLearningRate(settings.learningRate())
                .optReverseAugmentation(reverse).optCheckpoints(settings.checkpoints(out)).optProgress(settings.progress())
                .build();
        stop().forwardTo(run::requestStop);
        try (TsGenTraining.Trained trained = run.run()) {
            if (trained.training().stopped()) {
                return Outcome.stopped(out, trained.training().steps());
            }
            TsGenModel model = trained.model();
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
            settings.log().accept("model written to " + out.toAbsolutePath());
            String table = result.table("TS-GEN on the " + training.evaluationTitle() + " ("
                    + training.evaluation().size() + " reactions)").toText();
            return new Outcome(true, out, p.step(), table);
        }
    }

    /** The training reactions of a data set and the reactions the trained model is scored on. */
    private record TrainingData(List<Reaction> train, String description, List<Reaction> evaluation, String evaluationName,
            String evaluationTitle, String baselineName, List<Molecule> baseline) {

        static TrainingData rdb7() throws IOException {
            Rdb7Split split = Rdb7Split.of(Rdb7.load(), Grambow842.load());
            return new TrainingData(Rdb7Split.reactions(split.train()), "reactions/rdb7 train split; " + split.describe(),
                    Rdb7Split.reactions(split.validation()), "validation", "RDB7 validation split", null, null);
        }

        static TrainingData grambow() throws IOException {
            Grambow842 data = Grambow842.load();
            ReactionSplit split = ReactionSplit.grambow(data.reactions());
            List<Molecule> baseline = split.test().stream()
                    .map(r -> data.predictedTransitionStates().get(data.reactions().indexOf(r))).toList();
            return new TrainingData(split.train(), "reactions/grambow-842 train split: " + split.train().size()
                    + " reactions (seeded shuffle " + ReactionSplit.GRAMBOW_SEED + ", " + split.test().size() + " held out)",
                    split.test(), "test", "Grambow test split", "TS-GEN 2020 (Pattanaik et al.)", baseline);
        }
    }

    /**
     * Configures a {@link TsGenRecipe}. Defaults (those of {@code flowkit tsgen train}): 30,000
     * steps, batch 32, learning rate 1e-3, midpoint prior with scale 0.1 Å, width 96, 6 layers, no
     * normalisation, reversed reactions added, RDB7, seed 0, progress {@code "tsgen train"}.
     */
    public static final class Builder extends RecipeOptions<Builder, TsGenRecipe> {
        private Prior prior = Prior.MIDPOINT;
        private double priorScale = 0.1;
        private int layers = 6;
        private boolean normalize;
        private boolean reverse = true;
        private Data data = Data.RDB7;

        private Builder() {
            super(30_000, 32, 1e-3, 96, 0);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected String label() {
            return "tsgen train";
        }

        /**
         * @param value the prior: Gaussian (TS-GEN) or midpoint (React-OT, the default)
         * @return this builder
         */
        public Builder optPrior(Prior value) {
            this.prior = Objects.requireNonNull(value, "prior");
            return this;
        }

        /**
         * @param value σ of the Gaussian prior, or the noise on the midpoint, Å (default 0.1)
         * @return this builder
         */
        public Builder optPriorScale(double value) {
            this.priorScale = value;
            return this;
        }

        /**
         * @param value message-passing layers (default 6)
         * @return this builder
         */
        public Builder optLayers(int value) {
            this.layers = value;
            return this;
        }

        /**
         * @param value pre-normalised layers against the loss spikes of deep models (default off, as the
         *     shipped model)
         * @return this builder
         */
        public Builder optNormalize(boolean value) {
            this.normalize = value;
            return this;
        }

        /**
         * @param value whether to add the reversed reactions P → R to the training data (default true)
         * @return this builder
         */
        public Builder optReverseAugmentation(boolean value) {
            this.reverse = value;
            return this;
        }

        /**
         * @param value the data set (default {@link Data#RDB7})
         * @return this builder
         */
        public Builder optData(Data value) {
            this.data = Objects.requireNonNull(value, "data");
            return this;
        }

        @Override
        protected TsGenRecipe create(Settings settings) {
            return new TsGenRecipe(this, TsGenConfig.defaults().withSize(settings.width(), layers)
                    .withPrior(prior, priorScale).withNormalization(normalize), settings);
        }
    }
}
