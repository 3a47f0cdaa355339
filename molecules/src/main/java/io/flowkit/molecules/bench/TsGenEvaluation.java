package io.flowkit.molecules.bench;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.molecules.featurize.ReactionFrame;
import io.flowkit.molecules.generate.GenerationResult;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.refine.XtbRefiner;
import io.flowkit.validation.molecule.energy.TransitionStateEnergies;
import io.flowkit.validation.molecule.energy.XtbException;
import io.flowkit.validation.molecule.ReactionErrors;
import io.flowkit.validation.molecule.RmsdSummary;
import io.flowkit.validation.report.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates generated transition states against reference ones by RMSD after Kabsch superposition
 * (proper rotation), side by side with baselines on the same reactions: another method's
 * predictions (for example the 2020 model's, shipped with the Grambow data) and the aligned
 * midpoint (R + P)/2.
 */
public final class TsGenEvaluation {

    /** The RMSD thresholds reported, Å. */
    public static final double[] THRESHOLDS = {0.1, 0.2};

    private TsGenEvaluation() {}

    /**
     * One method's result on the test reactions.
     *
     * @param method its name
     * @param errors per-reaction RMSDs
     * @param millisPerReaction generation time per reaction, or NaN when not measured
     */
    public record MethodResult(String method, ReactionErrors errors, double millisPerReaction) {
        /** @return the RMSD summary at {@link #THRESHOLDS} */
        public RmsdSummary summary() {
            return errors.summary(THRESHOLDS);
        }
    }

    /**
     * The evaluation of a generator and its baselines.
     *
     * @param methods the rows: the generator first
     * @param evaluated the reactions the generator processed, in test order (the failed ones left out)
     * @param generated the generator's transition states, one per evaluated reaction
     * @param baseline the baseline's transition states, one per evaluated reaction (empty without a baseline)
     * @param failures reactions the generator could not process, with the reason
     */
    public record Result(List<MethodResult> methods, List<Reaction> evaluated, List<Molecule> generated,
            List<Molecule> baseline, Map<Integer, String> failures) {

        /**
         * The same evaluation restricted to its first evaluated reactions (for an energy check on a
         * subset); the RMSD rows stay those of the whole set.
         *
         * @param count how many evaluated reactions to keep
         * @return the restricted result
         */
        public Result head(int count) {
            int n = Math.min(count, evaluated.size());
            return new Result(methods, evaluated.subList(0, n), generated.subList(0, n),
                    baseline.isEmpty() ? baseline : baseline.subList(0, n), failures);
        }

        /**
         * Refines the generator's structures with xTB and adds the refined row after the generator's.
         *
         * @param refiner the refiner
         * @param progress whether to print progress on stderr
         * @return the refinement, with the rows of the table
         */
        public Refinement refine(XtbRefiner refiner, boolean progress) {
            List<XtbRefiner.Refined> outcomes = refiner.refineAll(evaluated, generated, progress);
            List<Molecule> structures = outcomes.stream().map(XtbRefiner.Refined::structure).toList();
            double seconds = outcomes.stream().mapToDouble(XtbRefiner.Refined::seconds).sum();
            MethodResult first = methods.get(0);
            List<MethodResult> rows = new ArrayList<>();
            rows.add(first);
            rows.add(new MethodResult(first.method() + " + xTB refinement", ReactionErrors.transitionStates(evaluated,
                    structures), first.millisPerReaction() + 1000 * seconds / Math.max(1, evaluated.size())));
            rows.addAll(methods.subList(1, methods.size()));
            return new Refinement(rows, structures, outcomes);
        }

        /**
         * The table of RMSD figures.
         *
         * @param title its title
         * @return method, reactions, mean, median, share below 0.1 and 0.2 Å, ms per reaction
         */
        public ResultTable table(String title) {
            return tableOf(methods, title);
        }
    }

    /**
     * The xTB refinement of an evaluation.
     *
     * @param methods the rows: the generator, the generator refined, the baselines
     * @param structures the refined structures (the flow's where a refinement was not kept), one per
     *     evaluated reaction
     * @param outcomes what the refiner did with each
     */
    public record Refinement(List<MethodResult> methods, List<Molecule> structures, List<XtbRefiner.Refined> outcomes) {

        /** @return how many structures were kept unrefined */
        public long kept() {
            return outcomes.stream().filter(o -> !o.refined()).count();
        }

        /**
         * The table of RMSD figures.
         *
         * @param title its title
         * @return the table, as {@link TsGenEvaluation#tableOf}
         */
        public ResultTable table(String title) {
            return tableOf(methods, title);
        }
    }

    /**
     * The GFN2-xTB single-point energy errors E(structure) − E(reference), one row per method: the
     * generator, optionally its refined structures and a baseline.
     *
     * @param name the generator's name
     * @param result the evaluation (reactions, the generator's structures, the baseline's)
     * @param baselineName the baseline's name in the table, used when the result has a baseline
     * @param refined the refined structures, or {@code null}
     * @param saddles whether to count imaginary frequencies (a Hessian per structure)
     * @return the table
     * @throws XtbException when xtb is missing or cannot run
     */
    public static ResultTable energyTable(String name, Result result, String baselineName, List<Molecule> refined,
            boolean saddles) throws XtbException {
        List<String> ids = result.evaluated().stream().map(Reaction::id).toList();
        List<Molecule> reference = result.evaluated().stream().map(r -> r.transitionState().orElseThrow()).toList();
        TransitionStateEnergies energies = TransitionStateEnergies.builder().optSaddlePointCheck(saddles)
                .optProgress(true).build();
        ResultTable table = energies.compare(ids, reference, result.generated()).summaryTable(name);
        if (refined != null) {
            table = table.withRowsOf(energies.compare(ids, reference, refined).summaryTable(name + " + xTB refinement"));
        }
        if (!result.baseline().isEmpty()) {
            table = table.withRowsOf(energies.compare(ids, reference, result.baseline()).summaryTable(baselineName));
        }
        return table;
    }

    /**
     * The table of RMSD figures for any rows.
     *
     * @param methods the rows
     * @param title its title
     * @return method, reactions, mean, median, share below 0.1 and 0.2 Å, ms per reaction
     */
    public static ResultTable tableOf(List<MethodResult> methods, String title) {
        ResultTable.Builder t = ResultTable.builder().optTitle(title)
                .setColumns("method", "reactions", "mean RMSD (Å)", "median RMSD (Å)", "< 0.1 Å", "< 0.2 Å", "ms/reaction")
                .optDecimals("mean RMSD (Å)", 3).optDecimals("median RMSD (Å)", 3).optDecimals("< 0.1 Å", 3)
                .optDecimals("< 0.2 Å", 3).optDecimals("ms/reaction", 1);
        for (MethodResult m : methods) {
            RmsdSummary s = m.summary();
            t.addRow(m.method(), s.count(), s.mean(), s.median(), s.shareBelow(0.1), s.shareBelow(0.2),
                    Double.isNaN(m.millisPerReaction()) ? null : m.millisPerReaction());
        }
        return t.optNote("RMSD after Kabsch superposition (proper rotation) to the reference transition state; "
                + "shares are of reactions below each threshold.").build();
    }

    /**
     * Runs the evaluation.
     *
     * @param generator the generator to evaluate
     * @param name its name in the table
     * @param test the test reactions, each with its reference transition state
     * @param baselineName the name of the baseline predictions, or {@code null} for none
     * @param baseline the baseline's transition states in test order, or {@code null}
     * @return the result
     * @throws IllegalArgumentException if a reaction lacks a reference or the baseline does not fit
     */
    public static Result run(TransitionStateGenerator generator, String name, List<Reaction> test, String baselineName,
            List<Molecule> baseline) {
        GenerationResult generation = generator.generate(test);
        List<Reaction> evaluated = new ArrayList<>();
        List<Molecule> generated = new ArrayList<>();
        List<Molecule> baselineKept = new ArrayList<>();
        List<Molecule> midpoints = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (generation.transitionStates().get(i).isEmpty()) {
                continue;
            }
            Reaction r = test.get(i);
            evaluated.add(r);
            generated.add(generation.transitionStates().get(i).get());
            ReactionFrame frame = ReactionFrame.of(r, 0);
            midpoints.add(frame.toMolecule(frame.midpoint(), "aligned midpoint of " + r.id()));
            if (baseline != null) {
                baselineKept.add(baseline.get(i));
            }
        }
        List<MethodResult> rows = new ArrayList<>();
        double millis = 1000 * generation.seconds() / Math.max(1, test.size());
        rows.add(new MethodResult(name, ReactionErrors.transitionStates(evaluated, generated), millis));
        if (baseline != null) {
            if (baseline.size() != test.size()) {
                throw new IllegalArgumentException("baseline has " + baseline.size() + " structures for " + test.size()
                        + " test reactions");
            }
            rows.add(new MethodResult(baselineName, ReactionErrors.transitionStates(evaluated, baselineKept), Double.NaN));
        }
        rows.add(new MethodResult("aligned midpoint (R+P)/2", ReactionErrors.transitionStates(evaluated, midpoints),
                Double.NaN));
        return new Result(rows, evaluated, generated, baselineKept, generation.failures());
    }
}
