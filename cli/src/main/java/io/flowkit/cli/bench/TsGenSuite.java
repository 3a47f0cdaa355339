package io.flowkit.cli.bench;

import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.molecules.bench.Rdb7Evaluation;
import io.flowkit.molecules.bench.SmilesEvaluation;
import io.flowkit.molecules.bench.TsGenEvaluation;
import io.flowkit.molecules.data.Rdb7Split;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.refine.XtbRefiner;
import io.flowkit.molecules.smiles.ReactionGeometries;
import io.flowkit.molecules.train.TsGenRecipe;
import io.flowkit.validation.molecule.energy.XtbCalculator;
import io.flowkit.validation.molecule.energy.XtbException;
import io.flowkit.validation.report.MoleculeView;
import io.flowkit.validation.report.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tsgen} suite: the shipped TS-GEN model on the two test parts of the RDB7 split
 * ({@link Rdb7Split}): test (a), the Grambow test reactions, beside the 2020 model's predictions and
 * the aligned midpoint; test (b), reactant groups held out, beside the aligned midpoint. GFN2-xTB
 * energy errors when {@code xtb} is installed (on test (a) whole; on test (b) the first
 * {@value #QUICK_ENERGY_REACTIONS} reactions in a quick run, all in a full one); a picture of one
 * reaction.
 */
public final class TsGenSuite implements BenchSuite {

    /** Test (b) reactions whose energies a quick run computes. */
    static final int QUICK_ENERGY_REACTIONS = 200;

    /** Reactions of test (a) taken from SMILES in quick mode (about 2 s each); all in full mode. */
    static final int QUICK_SMILES_REACTIONS = 15;

    @Override
    public String name() {
        return "tsgen";
    }

    /**
     * Runs the suite: the shipped model, or in a full run a model trained from scratch by
     * {@code flowkit tsgen train} into {@code models/tsgen} (resumed when interrupted).
     *
     * @throws IllegalStateException if a data set is missing
     */
    @Override
    public BenchSection run(BenchContext context) {
        long seed = context.seed();
        Path folder = context.folder();
        Grambow842 grambow;
        Rdb7Split split;
        try {
            grambow = Grambow842.load();
            split = Rdb7Split.of(Rdb7.load(), grambow);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reactions/rdb7 or reactions/grambow-842: " + e.getMessage(), e);
        }
        List<ResultTable> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> pictures = new ArrayList<>();
        BenchProgress.Task task = context.progress().start(name(), 6);
        try (TsGenModel model = context.full() ? FullTraining.load(context, name(), TsGenModel::load,
                TsGenRecipe.builder().optSeed(seed).build()) : TsGenModel.loadDefault(context.device())) {
            task.step("model loaded");
            TransitionStateGenerator generator = TransitionStateGenerator.builder().setModel(model).optSeed(seed).build();
            String ours = "TS-GEN (flowkit default model)";
            TsGenEvaluation.Result a = Rdb7Evaluation.run(generator, ours, split, grambow, Rdb7Evaluation.Part.GRAMBOW);
            boolean xtb = XtbCalculator.isAvailable();
            List<Molecule> refined = null;
            String refinement = "";
            ResultTable tableA = a.table("tsgen: " + Rdb7Evaluation.Part.GRAMBOW.title() + " (" + a.evaluated().size()
                    + " of the 100; RDB7 lacks the others)");
            if (xtb) {
                TsGenEvaluation.Refinement r = a.refine(XtbRefiner.builder().build(), false);
                refined = r.structures();
                tableA = r.table(tableA.title());
                refinement = " Refinement (--refine xtb): forming and breaking distances held, the rest relaxed by "
                        + "GFN2-xTB; " + r.kept() + " of " + a.evaluated().size() + " structures kept unrefined (xtb "
                        + "failed, moved them more than 0.5 Å or changed a spectator bond).";
            }
            tables.add(tableA.toBuilder()
                    .optNote("Generator: " + generator.describe() + "; model: " + provenance(model) + "." + refinement)
                    .optNote("Split: " + split.describe() + ". Every reaction of test (a)'s reactants is out of training. "
                            + "The 2020 model was trained on the Grambow training set (about 8,000 reactions).")
                    .optMetadata("seed", seed).optMetadata("cores", Runtime.getRuntime().availableProcessors()).build());
            task.step("test (a): RMSD on " + split.testGrambow().size() + " reactions");
            List<Reaction> testB = Rdb7Split.reactions(split.testGrouped());
            TsGenEvaluation.Result b = TsGenEvaluation.run(generator, ours, testB, null, null);
            tables.add(b.table("tsgen: " + Rdb7Evaluation.Part.GROUPED.title() + " (" + testB.size() + " reactions)")
                    .toBuilder().optNote("Whole reactant groups held out, as a new user's reactions would be.")
                    .optMetadata("seed", seed).build());
            task.step("test (b): RMSD on " + testB.size() + " reactions");
            if (xtb) {
                tables.add(energies("test (a)", a, refined, context.full()));
                task.step("test (a): energies");
                int count = context.full() ? b.evaluated().size() : Math.min(QUICK_ENERGY_REACTIONS, b.evaluated().size());
                tables.add(energies("test (b), " + (count == b.evaluated().size() ? "all " : "first ") + count
                        + " reactions", b.head(count), null, false));
                task.step("test (b): energies");
            } else {
                notes.add("Energies and refinement: not computed, xtb is not installed (Debian package xtb, or set "
                        + "FLOWKIT_XTB).");
                task.step("no xtb");
                task.step("no xtb");
            }
            if (xtb) {
                List<Rdb7.Entry> fromSmiles = context.full() ? split.testGrambow()
                        : split.testGrambow().subList(0, Math.min(QUICK_SMILES_REACTIONS, split.testGrambow().size()));
                SmilesEvaluation.Result s = SmilesEvaluation.run(fromSmiles,
                        ReactionGeometries.builder().optSeed(seed).build(), generator, line -> { });
                tables.add(s.table("tsgen: from reaction SMILES only, test (a), " + (context.full() ? "all " : "first ")
                        + fromSmiles.size() + " reactions").toBuilder()
                        .optNote("3D reactant and product from the atom-mapped SMILES: CDK's 3D builder and lifted 2D "
                                + "layouts, 3 conformers per side optimised by GFN2-xTB, each carried to the other side, "
                                + "the closest pair kept (flowkit tsgen generate --smiles). GoFlow reports 0.59 Å median "
                                + "from 2D graphs on its own RDB7 split; this issue's target is 0.45 Å.")
                        .optMetadata("seed", seed).build());
                task.step("test (a): from SMILES on " + fromSmiles.size() + " reactions");
            } else {
                notes.add("From reaction SMILES: not measured, xtb is not installed.");
                task.step("no xtb");
            }
            pictures.add(picture(folder, a.evaluated().get(0), a.generated().get(0)));
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

    private static ResultTable energies(String part, TsGenEvaluation.Result result, List<Molecule> refined,
            boolean saddles) {
        try {
            return TsGenEvaluation.energyTable("TS-GEN (flowkit default model)", result, Rdb7Evaluation.TSGEN2020, refined,
                    saddles).toBuilder().optTitle("tsgen: GFN2-xTB single-point energy of the generated TS minus the "
                    + "reference TS (kcal/mol), " + part).optNote("Chemical accuracy: |ΔE| < 1.58 kcal/mol (TS-GEN, 2025)."
                    + (saddles ? "" : " Imaginary frequencies are counted in a full run (--full)."))
                    .build();
        } catch (XtbException e) {
            throw new IllegalStateException("xtb failed: " + e.getMessage(), e);
        }
    }

    private static String picture(Path folder, Reaction reaction, Molecule generated) {
        String name = "tsgen-" + reaction.id() + ".png";
        return BenchPictures.write(folder, name, MoleculeView.builder().setAtoms(reaction.reactant().atomicNumbers())
                .setReaction(reaction.reactant().positions(), reaction.product().positions())
                .setGenerated(generated.positions()).optReference(reaction.transitionState().orElseThrow().positions())
                .optTitle(reaction.id() + ": transition state generated by the shipped model (test (a))").build()::writePng);
    }
}
