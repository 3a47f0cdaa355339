package io.flowkit.cli.tsgen;

import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.molecules.bench.Rdb7Evaluation;
import io.flowkit.molecules.bench.TsGenEvaluation;
import io.flowkit.molecules.data.Rdb7Split;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.refine.XtbRefiner;
import io.flowkit.validation.report.ResultTable;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import io.flowkit.validation.molecule.ReactionErrors;
import io.flowkit.validation.molecule.RmsdSummary;
import io.flowkit.validation.molecule.energy.TransitionStateEnergies;
import io.flowkit.validation.molecule.energy.TsEnergyReport;
import io.flowkit.validation.molecule.energy.XtbCalculator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowkit tsgen evaluate}: RMSD (and GFN2-xTB energy errors) of generated against reference transition states. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, header = "Compares generated transition states with reference ones.",
        footer = {"", "Example: flowkit tsgen evaluate --reference ref.sdf --generated ts.sdf"},
        description = {"Compares generated transition states with reference ones, record by record: RMSD after Kabsch",
            "superposition and, with --xtb, the GFN2-xTB single-point energy error and the saddle-point check.",
            "With --rdb7 PART instead of --reference/--generated, generates with a model (the sampling options as in",
            "tsgen generate) on one part of the RDB7 split and scores it beside the baselines: choose settings on",
            "'validation', report 'grambow' (test a) and 'grouped' (test b)."})
final class TsGenEvaluateCommand implements Callable<Integer> {

    @Option(names = "--reference", description = "reference transition states (.sdf or .xyz)")
    private Path reference;

    @Option(names = "--generated", description = "generated transition states, same records")
    private Path generated;

    @Option(names = "--rdb7", paramLabel = "PART", description = "validation | grambow (test a) | grouped (test b): "
            + "generate and score on this part of the RDB7 split")
    private String rdb7;

    @Option(names = "--refine", paramLabel = "xtb", description = "with --rdb7: also refine each generated TS with "
            + "GFN2-xTB (forming/breaking distances held, the rest relaxed) and score both")
    private String refine;

    @Option(names = "--limit", description = "with --rdb7: score only the first N reactions of the part")
    private Integer limit;

    @Mixin
    private SamplerOptions sampler = new SamplerOptions();

    @Option(names = "--xtb", description = "also compare GFN2-xTB energies (needs the xtb program)")
    private boolean xtb;

    @Option(names = "--saddle", description = "with --xtb: count imaginary frequencies (a Hessian per structure)")
    private boolean saddle;

    @Option(names = "--multiplicity", description = "with --xtb: override the spin multiplicity of every structure "
            + "(use 1 for closed-shell data whose files carry stray radical flags)")
    private Integer multiplicity;

    @Override
    public Integer call() throws Exception {
        if (rdb7 != null) {
            if (reference != null || generated != null) {
                throw new IllegalArgumentException("give either --rdb7 PART or --reference and --generated, not both");
            }
            return onRdb7(Rdb7Evaluation.Part.byName(rdb7));
        }
        if (reference == null || generated == null) {
            throw new IllegalArgumentException("give --reference and --generated (or --rdb7 PART)");
        }
        List<Molecule> ref = MoleculeFiles.readAll(reference);
        List<Molecule> gen = MoleculeFiles.readAll(generated);
        if (ref.size() != gen.size()) {
            throw new IllegalArgumentException(reference + " holds " + ref.size() + " structures but " + generated + " holds "
                    + gen.size());
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ref.size(); i++) {
            ids.add(ref.get(i).title().isBlank() ? "record " + i : ref.get(i).title());
        }
        RmsdSummary summary = ReactionErrors.of(ids, gen, ref).summary(0.1, 0.2, 0.5);
        System.out.println(summary.toTable(generated.getFileName().toString()).toText());
        if (xtb) {
            XtbCalculator.Builder calculator = XtbCalculator.builder();
            if (multiplicity != null) {
                calculator.optMultiplicityOverride(multiplicity);
            }
            TsEnergyReport report = TransitionStateEnergies.builder().optCalculator(calculator.build())
                    .optSaddlePointCheck(saddle).optProgress(true).build().compare(ids, ref, gen);
            System.out.println(report.summaryTable(generated.getFileName().toString()).toText());
            for (var failure : report.failures()) {
                System.err.println("failed: " + failure);
            }
        }
        return 0;
    }

    private int onRdb7(Rdb7Evaluation.Part part) throws Exception {
        if (refine != null && !refine.equals("xtb")) {
            throw new IllegalArgumentException("--refine takes xtb: " + refine);
        }
        Grambow842 grambow = Grambow842.load();
        Rdb7Split split = Rdb7Split.of(Rdb7.load(), grambow);
        List<Reaction> reactions = Rdb7Evaluation.reactions(split, part);
        List<Molecule> baseline = part == Rdb7Evaluation.Part.GRAMBOW ? Rdb7Evaluation.tsgen2020(split, grambow) : null;
        if (limit != null && limit < reactions.size()) {
            reactions = reactions.subList(0, limit);
            baseline = baseline == null ? null : baseline.subList(0, limit);
        }
        try (TsGenModel model = sampler.load()) {
            TransitionStateGenerator generator = sampler.generator(model);
            String name = "TS-GEN (" + model.source() + ")";
            TsGenEvaluation.Result result = TsGenEvaluation.run(generator, name, reactions,
                    baseline == null ? null : Rdb7Evaluation.TSGEN2020, baseline);
            result.failures().forEach((i, why) -> System.err.println("failed: " + why));
            ResultTable table = result.table(part.title() + " (" + (limit != null ? "first " : "") + reactions.size()
                    + " reactions)").toBuilder().optNote("Generator: " + generator.describe() + ".").build();
            List<Molecule> refined = null;
            if (refine != null) {
                TsGenEvaluation.Refinement refinement = result.refine(XtbRefiner.builder().build(), true);
                refined = refinement.structures();
                for (int i = 0; i < refinement.outcomes().size(); i++) {
                    if (!refinement.outcomes().get(i).refined()) {
                        System.err.println(result.evaluated().get(i).id() + ": " + refinement.outcomes().get(i).note());
                    }
                }
                table = refinement.table(table.title()).toBuilder().optNote("Generator: " + generator.describe()
                        + "; refinement: " + refinement.kept() + " of " + result.evaluated().size()
                        + " structures kept unrefined (reasons on stderr).").build();
            }
            System.out.println(table.toText());
            if (xtb) {
                System.out.println(TsGenEvaluation.energyTable(name, result, Rdb7Evaluation.TSGEN2020, refined, saddle)
                        .toText());
            }
            return result.failures().isEmpty() ? 0 : 1;
        }
    }
}
