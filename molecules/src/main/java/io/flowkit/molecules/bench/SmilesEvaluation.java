package io.flowkit.molecules.bench;

import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.smiles.ReactionGeometries;
import io.flowkit.molecules.smiles.StageException;
import io.flowkit.validation.molecule.RmsdSummary;
import io.flowkit.validation.molecule.StructureRmsd;
import io.flowkit.validation.report.ResultTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Transition states from reaction SMILES alone against the same model given the DFT reactant and
 * product geometries, on RDB7 reactions: the RMSD of each to the DFT transition state (mirror
 * images allowed: a SMILES without stereocentres fixes no handedness), the failures by stage, and
 * where the time goes.
 */
public final class SmilesEvaluation {

    private SmilesEvaluation() {}

    /**
     * The figures of one run.
     *
     * @param reactions reactions attempted
     * @param fromSmiles RMSD (Å) of each transition state generated from SMILES, in input order of the successes
     * @param fromDft RMSD (Å) of the same reactions' transition states generated from the DFT geometries
     * @param failures failures by stage
     * @param embedSeconds mean time per attempted reaction building starts
     * @param optimizeSeconds mean wall time per attempted reaction in xtb
     * @param generateSeconds mean time per success generating the transition state
     */
    public record Result(int reactions, List<Double> fromSmiles, List<Double> fromDft,
            Map<StageException.Stage, Integer> failures, double embedSeconds, double optimizeSeconds,
            double generateSeconds) {

        /** @return the median RMSD from SMILES, Å (NaN when no reaction succeeded) */
        public double medianFromSmiles() {
            return fromSmiles.isEmpty() ? Double.NaN : summary(fromSmiles).median();
        }

        /** @return the median RMSD from the DFT geometries on the same reactions, Å (NaN when none) */
        public double medianFromDft() {
            return fromDft.isEmpty() ? Double.NaN : summary(fromDft).median();
        }

        /**
         * The result as a table.
         *
         * @param title its title
         * @return the table
         */
        public ResultTable table(String title) {
            int done = fromSmiles.size();
            ResultTable.Builder t = ResultTable.builder().optTitle(title)
                    .setColumns("input", "reactions", "median Å", "mean Å", "≤ 0.5 Å", "s per reaction")
                    .optDecimals("median Å", 3).optDecimals("mean Å", 3).optDecimals("≤ 0.5 Å", 2)
                    .optDecimals("s per reaction", 2);
            if (done > 0) {
                RmsdSummary smiles = summary(fromSmiles);
                RmsdSummary dft = summary(fromDft);
                t.addRow("reaction SMILES only", done, smiles.median(), smiles.mean(), smiles.shareBelow(0.5),
                        embedSeconds + optimizeSeconds + generateSeconds);
                t.addRow("DFT reactant and product (same reactions)", done, dft.median(), dft.mean(), dft.shareBelow(0.5),
                        generateSeconds);
            }
            List<String> byStage = new ArrayList<>();
            for (StageException.Stage s : StageException.Stage.values()) {
                byStage.add(s.label() + " " + failures.getOrDefault(s, 0));
            }
            String f = String.join(", ", byStage) + ". ";
            return t.optNote(String.format(Locale.ROOT, "%d of %d reactions gave a transition state; failures by stage: %s"
                    + "RMSD to the DFT transition state after superposition, mirror images allowed. Time per reaction: "
                    + "3D starts %.2f s, xtb optimisations %.2f s (wall, parallel), generation %.2f s.", done, reactions,
                    f, embedSeconds, optimizeSeconds, generateSeconds)).build();
        }
    }

    /**
     * Runs the comparison.
     *
     * @param entries the reactions (their SMILES, DFT geometries and transition states)
     * @param geometries the builder of geometries from SMILES
     * @param generator the transition-state generator used for both inputs
     * @param progress receives one line per reaction
     * @return the figures
     */
    public static Result run(List<Rdb7.Entry> entries, ReactionGeometries geometries, TransitionStateGenerator generator,
            Consumer<String> progress) {
        List<Double> smiles = new ArrayList<>();
        List<Double> dft = new ArrayList<>();
        Map<StageException.Stage, Integer> failures = new EnumMap<>(StageException.Stage.class);
        double embed = 0;
        double optimize = 0;
        double generate = 0;
        for (int i = 0; i < entries.size(); i++) {
            Rdb7.Entry e = entries.get(i);
            Molecule reference = e.reaction().transitionState().orElseThrow();
            try {
                ReactionGeometries.Prepared p = geometries.prepare(e.smiles(), e.id());
                embed += p.embedSeconds();
                optimize += p.optimizeSeconds();
                long t0 = System.nanoTime();
                Molecule ts;
                try {
                    ts = generator.generate(p.reactant(), p.product());
                } catch (IllegalArgumentException g) {
                    throw new StageException(StageException.Stage.GENERATE, g.getMessage(), g);
                }
                generate += (System.nanoTime() - t0) / 1e9;
                smiles.add(StructureRmsd.rmsdAllowingMirrorImage(ts, reference));
                dft.add(StructureRmsd.rmsdAllowingMirrorImage(
                        generator.generate(e.reaction().reactant(), e.reaction().product()), reference));
                progress.accept(String.format(Locale.ROOT, "%d/%d %s: %.3f Å from SMILES, %.3f Å from DFT", i + 1,
                        entries.size(), e.id(), smiles.get(smiles.size() - 1), dft.get(dft.size() - 1)));
            } catch (StageException s) {
                failures.merge(s.stage(), 1, Integer::sum);
                progress.accept((i + 1) + "/" + entries.size() + " " + e.id() + ": " + s.getMessage());
            }
        }
        int n = entries.size();
        return new Result(n, smiles, dft, failures, embed / Math.max(1, n), optimize / Math.max(1, n),
                generate / Math.max(1, smiles.size()));
    }

    private static RmsdSummary summary(List<Double> rmsds) {
        return RmsdSummary.of(rmsds.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
