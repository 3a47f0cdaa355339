package io.flowkit.cli.bench;

import io.flowkit.core.math.Kabsch;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.molecules.bench.TsGenEvaluation;
import io.flowkit.molecules.data.ReactionSplit;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.validation.molecule.energy.TransitionStateEnergies;
import io.flowkit.validation.molecule.energy.TsEnergyReport;
import io.flowkit.validation.molecule.energy.XtbCalculator;
import io.flowkit.validation.molecule.energy.XtbException;
import io.flowkit.validation.report.ResultTable;
import io.flowkit.validation.report.ShapeView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tsgen} suite: the shipped TS-GEN model on the 100 test reactions of the Grambow split,
 * RMSD beside the 2020 model's predictions and the aligned midpoint; GFN2-xTB energy errors when
 * {@code xtb} is installed; a picture of one reaction.
 */
public final class TsGenSuite implements BenchSuite {

    @Override
    public String name() {
        return "tsgen";
    }

    /**
     * Runs the suite: the shipped model, or in a full run a model trained from scratch by
     * {@code flowkit tsgen train} into {@code models/tsgen} (resumed when interrupted).
     *
     * @throws IllegalStateException if the data set is missing
     */
    @Override
    public BenchSection run(BenchContext context) {
        long seed = context.seed();
        Path folder = context.folder();
        Grambow842 data;
        try {
            data = Grambow842.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reactions/grambow-842: " + e.getMessage(), e);
        }
        ReactionSplit split = ReactionSplit.grambow(data.reactions());
        List<Molecule> baseline = new ArrayList<>();
        for (Reaction r : split.test()) {
            baseline.add(data.predictedTransitionStates().get(data.reactions().indexOf(r)));
        }
        List<ResultTable> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> pictures = new ArrayList<>();
        BenchProgress.Task task = context.progress().start(name(), 3);
        try (TsGenModel model = context.full() ? FullTraining.load(context, name(), TsGenModel::load,
                "tsgen", "train", "--seed", String.valueOf(seed)) : TsGenModel.loadDefault(context.device())) {
            task.step("model loaded");
            TransitionStateGenerator generator = TransitionStateGenerator.builder().setModel(model).optSeed(seed).build();
            TsGenEvaluation.Result result = TsGenEvaluation.run(generator, "TS-GEN (flowkit default model)", split.test(),
                    "TS-GEN 2020 (Pattanaik et al.)", baseline);
            tables.add(result.table("tsgen: transition states on the Grambow test split (" + split.test().size()
                    + " reactions)").toBuilder()
                    .optNote("Generator: " + generator.describe() + "; model: " + provenance(model) + ".")
                    .optNote("Split: seeded shuffle (seed " + ReactionSplit.GRAMBOW_SEED + ") of the 742 reactions, "
                            + split.train().size() + " train, " + split.test().size() + " test. The 2020 model was trained "
                            + "on the separate Grambow training set (about 8,000 reactions), not on these.")
                    .optNote("Measured here over all 742 Grambow reactions: the 2020 model's predictions have a mean "
                            + "RMSD of 0.37 Å and a median of 0.28 Å.")
                    .optMetadata("seed", seed).optMetadata("cores", Runtime.getRuntime().availableProcessors()).build());
            task.step("RMSD on " + split.test().size() + " reactions");
            if (XtbCalculator.isAvailable()) {
                tables.add(energies(split.test(), result.generated(), baseline));
            } else {
                notes.add("Energies: not computed, xtb is not installed (Debian package xtb, or set FLOWKIT_XTB).");
            }
            pictures.add(picture(folder, split.test().get(0), result.generated().get(0)));
            task.step("energies and picture");
            task.finish();
            return new BenchSection("tsgen", tables, pictures, notes).withProvenance(provenance(model))
                    .withPublished(PublishedFigures.tsgen());
        }
    }

    private static String provenance(TsGenModel model) {
        var p = model.provenance();
        if (p == null) {
            return model.source();
        }
        return "trained " + p.step() + " steps, seed " + p.seed() + ", on " + p.dataset() + ", flowkit " + p.flowkitVersion();
    }

    private static ResultTable energies(List<Reaction> test, List<Molecule> generated, List<Molecule> baseline) {
        List<String> ids = test.stream().map(Reaction::id).toList();
        List<Molecule> reference = test.stream().map(r -> r.transitionState().orElseThrow()).toList();
        try {
            TransitionStateEnergies energies = TransitionStateEnergies.builder().optProgress(true).build();
            TsEnergyReport ours = energies.compare(ids, reference, generated);
            TsEnergyReport theirs = energies.compare(ids, reference, baseline);
            ResultTable a = ours.summaryTable("TS-GEN (flowkit default model)");
            ResultTable b = theirs.summaryTable("TS-GEN 2020 (Pattanaik et al.)");
            return a.withRowsOf(b).toBuilder().optTitle("tsgen: GFN2-xTB single-point energy of the generated TS minus the "
                    + "reference TS (kcal/mol)").optNote("Chemical accuracy: |ΔE| < 1.58 kcal/mol (TS-GEN, 2025).").build();
        } catch (XtbException e) {
            throw new IllegalStateException("xtb failed: " + e.getMessage(), e);
        }
    }

    private static String picture(Path folder, Reaction reaction, Molecule generated) {
        double[] reference = reaction.transitionState().orElseThrow().positions();
        double[] ts = Kabsch.superpose(generated.positions(), reference).apply(generated.positions());
        double[] r = Kabsch.superpose(reaction.reactant().positions(), reference).apply(reaction.reactant().positions());
        String name = "tsgen-" + reaction.id() + ".png";
        return BenchPictures.write(folder, name, ShapeView.builder().addPoints(r, ShapeView.GREY)
                .addPoints(reference, ShapeView.BLUE).addPoints(ts, ShapeView.ORANGE).optPointRadius(7)
                .optTitle(reaction.id() + ": reactant (grey), reference TS (blue), generated TS (orange)").build()::writePng);
    }
}
