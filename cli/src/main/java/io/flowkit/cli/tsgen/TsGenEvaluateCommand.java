package io.flowkit.cli.tsgen;

import io.flowkit.datasets.molecule.Molecule;
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
import picocli.CommandLine.Option;

/** {@code flowkit tsgen evaluate}: RMSD (and GFN2-xTB energy errors) of generated against reference transition states. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compares generated transition states with reference ones, record by record: RMSD after Kabsch "
                + "superposition and, with --xtb, the GFN2-xTB single-point energy error and the saddle-point check.")
final class TsGenEvaluateCommand implements Callable<Integer> {

    @Option(names = "--reference", required = true, description = "reference transition states (.sdf or .xyz)")
    private Path reference;

    @Option(names = "--generated", required = true, description = "generated transition states, same records")
    private Path generated;

    @Option(names = "--xtb", description = "also compare GFN2-xTB energies (needs the xtb program)")
    private boolean xtb;

    @Option(names = "--saddle", description = "with --xtb: count imaginary frequencies (a Hessian per structure)")
    private boolean saddle;

    @Option(names = "--multiplicity", description = "with --xtb: override the spin multiplicity of every structure "
            + "(use 1 for closed-shell data whose files carry stray radical flags)")
    private Integer multiplicity;

    @Override
    public Integer call() throws Exception {
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
}
