package io.flowkit.molecules.bench;

import ai.djl.Device;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.molecules.data.Rdb7Split;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.smiles.MappedReaction;
import io.flowkit.molecules.smiles.ReactionGeometries;
import io.flowkit.molecules.smiles.StageException;
import io.flowkit.validation.molecule.AtomSymmetry;
import io.flowkit.validation.molecule.RmsdSummary;
import io.flowkit.validation.molecule.StructureRmsd;
import io.flowkit.validation.report.ResultTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Transition states from reaction SMILES alone against the same model given the DFT reactant and
 * product geometries, on RDB7 reactions: the RMSD of each to the DFT transition state, the failures
 * by stage, and where the time goes.
 *
 * <p>The RMSD allows mirror images (a SMILES without stereocentres fixes no handedness) and is
 * symmetry-corrected: the smallest over the atom permutations that keep the elements and the bonds
 * of both sides ({@link MappedReaction#symmetry()}), as RDKit's {@code GetBestRMS} does. A SMILES
 * cannot say which of a methyl's hydrogens is which, so the map numbers of interchangeable atoms
 * are arbitrary. The RMSD in the SMILES's atom order is reported beside it.
 */
public final class SmilesEvaluation {

    private SmilesEvaluation() {}

    /**
     * The figures of one run; every list holds one RMSD (Å) per success, in input order.
     *
     * @param reactions reactions attempted
     * @param fromSmiles symmetry-corrected RMSD of each transition state generated from SMILES
     * @param fromDft symmetry-corrected RMSD of the same reactions' transition states generated
     *     from the DFT geometries
     * @param fromSmilesAsMapped RMSD from SMILES in the SMILES's atom order (no permutation)
     * @param fromDftAsMapped RMSD from the DFT geometries in the atom order (no permutation)
     * @param failures failures by stage
     * @param embedSeconds mean time per successful reaction building starts
     * @param optimizeSeconds mean wall time per attempted reaction (failures included) in the rest
     *     of the preparation: xtb optimisations, two at a time, and the bond and stereo checks
     * @param generateSeconds mean time per success generating the transition state
     */
    public record Result(int reactions, List<Double> fromSmiles, List<Double> fromDft, List<Double> fromSmilesAsMapped,
            List<Double> fromDftAsMapped, Map<StageException.Stage, Integer> failures, double embedSeconds,
            double optimizeSeconds, double generateSeconds) {

        /** @return the median symmetry-corrected RMSD from SMILES, Å (NaN when no reaction succeeded) */
        public double medianFromSmiles() {
            return fromSmiles.isEmpty() ? Double.NaN : summary(fromSmiles).median();
        }

        /** @return the median symmetry-corrected RMSD from the DFT geometries on the same reactions, Å */
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
                    .setColumns("input", "reactions", "median Å", "mean Å", "≤ 0.5 Å", "median Å, atom order as mapped",
                            "s per reaction")
                    .optDecimals("median Å", 3).optDecimals("mean Å", 3).optDecimals("≤ 0.5 Å", 2)
                    .optDecimals("median Å, atom order as mapped", 3).optDecimals("s per reaction", 2);
            if (done > 0) {
                RmsdSummary smiles = summary(fromSmiles);
                RmsdSummary dft = summary(fromDft);
                t.addRow("reaction SMILES only", done, smiles.median(), smiles.mean(), smiles.shareBelow(0.5),
                        summary(fromSmilesAsMapped).median(), embedSeconds + optimizeSeconds + generateSeconds);
                t.addRow("DFT reactant and product (same reactions)", done, dft.median(), dft.mean(), dft.shareBelow(0.5),
                        summary(fromDftAsMapped).median(), generateSeconds);
            }
            List<String> byStage = new ArrayList<>();
            for (StageException.Stage s : StageException.Stage.values()) {
                byStage.add(s.label() + " " + failures.getOrDefault(s, 0));
            }
            String f = String.join(", ", byStage) + ". ";
            return t.optNote(String.format(Locale.ROOT, "%d of %d reactions gave a transition state; failures by stage: %s"
                    + "RMSD to the DFT transition state after superposition, mirror images allowed, the smallest over "
                    + "the atoms the reaction cannot tell apart (a methyl's hydrogens: their map numbers are arbitrary); "
                    + "the RMSD in the mapped atom order beside it. Time per reaction attempted (failures included, "
                    + "they run every round of starts): 3D starts %.2f s, xtb optimisations %.2f s (wall, two at a "
                    + "time), generation %.2f s.", done, reactions, f, embedSeconds,
                    optimizeSeconds, generateSeconds)).build();
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
        List<Double> smilesMapped = new ArrayList<>();
        List<Double> dftMapped = new ArrayList<>();
        Map<StageException.Stage, Integer> failures = new EnumMap<>(StageException.Stage.class);
        double embed = 0;
        double prepare = 0;
        double generate = 0;
        for (int i = 0; i < entries.size(); i++) {
            Rdb7.Entry e = entries.get(i);
            Molecule reference = e.reaction().transitionState().orElseThrow();
            long start = System.nanoTime();
            try {
                ReactionGeometries.Prepared p;
                try {
                    p = geometries.prepare(e.smiles(), e.id());
                } finally {
                    prepare += (System.nanoTime() - start) / 1e9;
                }
                embed += p.embedSeconds();
                long t0 = System.nanoTime();
                Molecule ts;
                try {
                    ts = generator.generate(p.reactant(), p.product());
                } catch (IllegalArgumentException g) {
                    throw new StageException(StageException.Stage.GENERATE, g.getMessage(), g);
                }
                generate += (System.nanoTime() - t0) / 1e9;
                Molecule fromDft = generator.generate(e.reaction().reactant(), e.reaction().product());
                AtomSymmetry symmetry = p.reaction().symmetry();
                double[] ref = reference.positions();
                smiles.add(StructureRmsd.rmsd(ts.positions(), ref, symmetry, true));
                dft.add(StructureRmsd.rmsd(fromDft.positions(), ref, symmetry, true));
                smilesMapped.add(StructureRmsd.rmsdAllowingMirrorImage(ts, reference));
                dftMapped.add(StructureRmsd.rmsdAllowingMirrorImage(fromDft, reference));
                progress.accept(String.format(Locale.ROOT, "%d/%d %s: %.3f Å from SMILES, %.3f Å from DFT", i + 1,
                        entries.size(), e.id(), smiles.get(smiles.size() - 1), dft.get(dft.size() - 1)));
            } catch (StageException s) {
                failures.merge(s.stage(), 1, Integer::sum);
                progress.accept((i + 1) + "/" + entries.size() + " " + e.id() + ": " + s.getMessage());
            }
        }
        int n = entries.size();
        // Starts are timed on the successes; the rest of the preparation (xtb, checks) on every reaction
        // attempted, failures included (a failing one runs every round of starts).
        double meanEmbed = embed / Math.max(1, smiles.size());
        return new Result(n, smiles, dft, smilesMapped, dftMapped, failures, meanEmbed,
                Math.max(0, prepare / Math.max(1, n) - meanEmbed), generate / Math.max(1, smiles.size()));
    }

    /**
     * Runs the comparison on the first reactions of RDB7's test split (a) with the shipped model and
     * prints the table as Markdown (progress on stderr). Needs {@code FLOWKIT_DATA} and xtb.
     *
     * @param args optional number of reactions (default: all 99) and seed (default 0)
     * @throws IOException if RDB7 or the Grambow test set cannot be read
     */
    public static void main(String[] args) throws IOException {
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0;
        List<Rdb7.Entry> test = Rdb7Split.of(Rdb7.load(), Grambow842.load()).testGrambow();
        int count = args.length > 0 ? Math.min(Integer.parseInt(args[0]), test.size()) : test.size();
        try (TsGenModel model = TsGenModel.loadDefault(Device.cpu())) {
            TransitionStateGenerator generator = TransitionStateGenerator.builder().setModel(model).optSeed(seed).build();
            Result r = run(test.subList(0, count), ReactionGeometries.builder().optSeed(seed).build(), generator,
                    System.err::println);
            System.out.println(r.table("tsgen from reaction SMILES, RDB7 test (a), " + count + " reactions, seed " + seed)
                    .toMarkdown());
        }
    }

    private static RmsdSummary summary(List<Double> rmsds) {
        return RmsdSummary.of(rmsds.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
