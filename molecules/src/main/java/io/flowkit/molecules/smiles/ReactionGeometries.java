package io.flowkit.molecules.smiles;

import io.flowkit.core.math.Kabsch;
import io.flowkit.core.math.Superposition;
import io.flowkit.datasets.molecule.Bond;
import io.flowkit.datasets.molecule.Elements;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.molecules.smiles.StageException.Stage;
import io.flowkit.validation.molecule.AtomSymmetry;
import io.flowkit.validation.molecule.energy.XtbCalculator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * Reactant and product geometries, in the same atom order, from an atom-mapped reaction SMILES
 * alone: the input the transition-state flow needs.
 *
 * <ol>
 *   <li>{@link MappedReaction#parse}: atoms in map order;
 *   <li>several starting geometries per side ({@link StartGeometries}: CDK's 3D builder, then
 *       lifted 2D layouts);
 *   <li>each optimised with GFN2-xTB ({@code xtb --opt}); a conformer whose bonds no longer match
 *       the SMILES (a bonded pair beyond 1.35 × the sum of covalent radii, or a non-bonded pair
 *       within 1.1 ×) is dropped, and so is one whose stereo configuration (tetrahedral centres,
 *       double bonds) is not the SMILES's, unless its mirror image's is: then the mirror image is
 *       kept ({@link StereoCheck});
 *   <li>each kept conformer is carried to the other side: the bonds that form are pulled to the
 *       sum of covalent radii and those that break to twice that by restrained optimisation, then
 *       everything relaxes;
 *   <li>the reactant/product pair closest after Kabsch superposition on all atoms is kept (the flow
 *       was trained on pairs that are close), the product's interchangeable atoms
 *       ({@link MappedReaction#symmetry()}) in the order that brings it closest, and the product
 *       superposed onto the reactant.
 * </ol>
 *
 * <p>The optimisations of one reaction run in parallel ({@link Builder#optThreads}, one xtb thread
 * each). The same seed gives the same geometries.
 */
public final class ReactionGeometries {

    /** Rounds of fresh starts at most, while neither side has kept a conformer. */
    private static final int ROUNDS = 3;

    private final int conformers;
    private final long seed;
    private final int threads;
    private final double energyWindow;
    private final XtbCalculator xtb;

    private ReactionGeometries(Builder b) {
        this.conformers = b.conformers;
        this.seed = b.seed;
        this.threads = b.threads;
        this.energyWindow = b.energyWindow;
        this.xtb = b.xtb != null ? b.xtb : XtbCalculator.builder().optThreads(1).build();
    }

    /** @return a builder with the defaults (3 conformers per side, seed 0, 2 threads) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The geometries of one reaction.
     *
     * @param reaction the reaction in map order
     * @param reactant the reactant, its atoms in map order, charge and multiplicity set
     * @param product the product superposed onto the reactant, the same atoms
     * @param pairRmsd the RMSD between them after superposition, Å
     * @param embedSeconds time spent building starts
     * @param optimizeSeconds wall time of the xtb optimisations
     * @param keptReactants reactant conformers kept after optimisation (bonds and stereo of the SMILES)
     * @param keptProducts product conformers kept
     */
    public record Prepared(MappedReaction reaction, Molecule reactant, Molecule product, double pairRmsd,
            double embedSeconds, double optimizeSeconds, int keptReactants, int keptProducts) {}

    /**
     * Parses a reaction SMILES and builds its geometries.
     *
     * @param smiles the atom-mapped reaction SMILES
     * @param title the title given to both molecules (for example the reaction's name)
     * @return the geometries
     * @throws StageException naming the stage (parse, 3D build, xtb optimisation) and the problem
     */
    public Prepared prepare(String smiles, String title) {
        MappedReaction reaction;
        try {
            reaction = MappedReaction.parse(smiles);
        } catch (IllegalArgumentException e) {
            throw new StageException(Stage.PARSE, e.getMessage(), e);
        }
        return prepare(reaction, title);
    }

    /**
     * Builds the geometries of a parsed reaction.
     *
     * @param reaction the reaction
     * @param title the title given to both molecules
     * @return the geometries
     * @throws StageException naming the stage (3D build, xtb optimisation) and the problem
     */
    public Prepared prepare(MappedReaction reaction, String title) {
        Objects.requireNonNull(reaction, "reaction");
        String name = title.isBlank() ? "reaction" : title;
        List<Conformer> reactants = new ArrayList<>();
        List<Conformer> products = new ArrayList<>();
        String[] lastProblem = {null};
        double embed = 0;
        long t1 = System.nanoTime();
        // Rounds: fresh starts for each side that has no conformer yet (the template build is only the
        // first start of the first round), then every new conformer carried to the other side. A
        // further round runs while a side is empty (wrong bonds or stereo everywhere), up to ROUNDS.
        for (int round = 0; round < ROUNDS && (reactants.isEmpty() || products.isEmpty()); round++) {
            List<Molecule> starts = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Boolean> isProduct = new ArrayList<>();
            for (boolean side : new boolean[] {false, true}) {
                if (!(side ? products : reactants).isEmpty()) {
                    continue;
                }
                IAtomContainer graph = side ? reaction.productGraph() : reaction.reactantGraph();
                for (int k = round * conformers; k < (round + 1) * conformers; k++) {
                    long te = System.nanoTime();
                    try {
                        starts.add(molecule(reaction, side, StartGeometries.start(graph, k, seed), title));
                    } catch (IllegalStateException e) {
                        throw new StageException(Stage.EMBED, (side ? "products" : "reactants") + ": " + e.getMessage(), e);
                    }
                    embed += (System.nanoTime() - te) / 1e9;
                    labels.add(name + (side ? " product " : " reactant ") + k);
                    isProduct.add(side);
                }
            }
            List<Conformer> newReactants = new ArrayList<>();
            List<Conformer> newProducts = new ArrayList<>();
            List<XtbCalculator.XtbOptimization> optimised = optimiseAll(starts, nCopies(starts.size()), labels);
            for (int i = 0; i < optimised.size(); i++) {
                keep(reaction, isProduct.get(i), optimised.get(i), labels.get(i), newReactants, newProducts, lastProblem);
            }
            reactants.addAll(newReactants);
            products.addAll(newProducts);
            carry(reaction, newReactants, newProducts, title, name, reactants, products, lastProblem);
        }
        double optimize = (System.nanoTime() - t1) / 1e9;
        if (reactants.isEmpty() || products.isEmpty()) {
            throw new StageException(Stage.OPTIMIZE, "no " + (reactants.isEmpty() ? "reactant" : "product")
                    + " conformer kept the SMILES's bonds and stereo after xtb optimisation, in " + ROUNDS
                    + " rounds of starts (last: " + lastProblem[0] + ")", null);
        }
        // The closest pair among the reactant conformers within ENERGY_WINDOW of the lowest one (the
        // reactant a chemist would start from) and every product conformer.
        double lowest = Double.POSITIVE_INFINITY;
        for (Conformer c : reactants) {
            lowest = Math.min(lowest, c.energy());
        }
        // Atoms the reaction cannot tell apart (a methyl's hydrogens) may be listed in any order: each
        // product conformer is also tried with them interchanged, so that they do not swap places
        // between the sides.
        AtomSymmetry symmetry = reaction.symmetry();
        double best = Double.POSITIVE_INFINITY;
        double[] bestR = null;
        double[] bestP = null;
        for (Conformer r : reactants) {
            if (r.energy() > lowest + energyWindow) {
                continue;
            }
            for (Conformer p : products) {
                for (int k = 0; k < symmetry.size(); k++) {
                    double[] relabelled = symmetry.apply(k, p.positions());
                    Superposition s = Kabsch.superpose(relabelled, r.positions());
                    if (s.rmsd() < best) {
                        best = s.rmsd();
                        bestR = r.positions();
                        bestP = s.apply(relabelled);
                    }
                }
            }
        }
        return new Prepared(reaction, molecule(reaction, false, bestR, title), molecule(reaction, true, bestP, title), best,
                embed, optimize, reactants.size(), products.size());
    }

    /** An optimised conformer that kept its bonds and stereo: positions (Å) and xtb energy (kcal/mol). */
    private record Conformer(double[] positions, double energy) {}

    /**
     * Carries conformers to the other side: the bonds that form are pulled to the sum of covalent
     * radii and those that break to twice that (restrained xtb optimisation), then everything
     * relaxes. The pair then differs only by the reaction, as the IRC end points the flow was
     * trained on do. Results that keep the other side's bonds and stereo are added to it.
     */
    private void carry(MappedReaction reaction, List<Conformer> fromReactants, List<Conformer> fromProducts, String title,
            String name, List<Conformer> reactants, List<Conformer> products, String[] lastProblem) {
        List<Molecule> morphStarts = new ArrayList<>();
        List<List<XtbCalculator.Restraint>> morphRestraints = new ArrayList<>();
        List<String> morphLabels = new ArrayList<>();
        List<Boolean> morphIsProduct = new ArrayList<>();
        for (boolean toProducts : new boolean[] {true, false}) {
            List<Conformer> from = toProducts ? fromReactants : fromProducts;
            for (int k = 0; k < from.size(); k++) {
                morphStarts.add(molecule(reaction, toProducts, from.get(k).positions(), title));
                morphRestraints.add(restraints(reaction, toProducts));
                morphLabels.add(name + (toProducts ? " product from reactant " : " reactant from product ") + k);
                morphIsProduct.add(toProducts);
            }
        }
        if (morphStarts.isEmpty()) {
            return;
        }
        List<XtbCalculator.XtbOptimization> pulled;
        try {
            pulled = optimiseAll(morphStarts, morphRestraints, morphLabels);
        } catch (StageException e) {
            return;
        }
        List<Molecule> relaxedStarts = new ArrayList<>();
        List<String> relaxedLabels = new ArrayList<>();
        List<Boolean> relaxedIsProduct = new ArrayList<>();
        for (int i = 0; i < pulled.size(); i++) {
            if (pulled.get(i) != null) {
                relaxedStarts.add(pulled.get(i).geometry());
                relaxedLabels.add(morphLabels.get(i));
                relaxedIsProduct.add(morphIsProduct.get(i));
            }
        }
        if (relaxedStarts.isEmpty()) {
            return;
        }
        List<XtbCalculator.XtbOptimization> relaxed;
        try {
            relaxed = optimiseAll(relaxedStarts, nCopies(relaxedStarts.size()), relaxedLabels);
        } catch (StageException e) {
            return;
        }
        for (int i = 0; i < relaxed.size(); i++) {
            keep(reaction, relaxedIsProduct.get(i), relaxed.get(i), relaxedLabels.get(i), reactants, products, lastProblem);
        }
    }

    /** Optimises every start; a start xtb cannot optimise is null (its message is kept for the report). */
    private List<XtbCalculator.XtbOptimization> optimiseAll(List<Molecule> starts,
            List<List<XtbCalculator.Restraint>> restraints, List<String> labels) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, starts.size())), r -> {
            Thread t = new Thread(r, "xtb-optimisation");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<XtbCalculator.XtbOptimization>> futures = new ArrayList<>();
            for (int i = 0; i < starts.size(); i++) {
                Molecule start = starts.get(i);
                List<XtbCalculator.Restraint> held = restraints.get(i);
                String label = labels.get(i);
                futures.add(pool.submit(() -> xtb.optimizeRestrained(start, held, label)));
            }
            List<XtbCalculator.XtbOptimization> out = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (Future<XtbCalculator.XtbOptimization> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    out.add(null);
                    errors.add(e.getCause().getMessage());
                }
            }
            if (errors.size() == starts.size()) {
                throw new StageException(Stage.OPTIMIZE, "xtb failed on every conformer: " + errors.get(0), null);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StageException(Stage.OPTIMIZE, "interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<List<XtbCalculator.Restraint>> nCopies(int n) {
        return java.util.Collections.nCopies(n, List.of());
    }

    /** Adds an optimised geometry to its side when its bonds and stereo are those of the SMILES. */
    private static void keep(MappedReaction reaction, boolean isProduct, XtbCalculator.XtbOptimization o, String label,
            List<Conformer> reactants, List<Conformer> products, String[] lastProblem) {
        if (o == null) {
            return;
        }
        double[] x = o.geometry().positions();
        String problem = bondProblem(reaction, isProduct, x);
        if (problem != null) {
            lastProblem[0] = label + ": " + problem;
            return;
        }
        switch (StereoCheck.check(isProduct ? reaction.productGraph() : reaction.reactantGraph(), x)) {
            case MATCH:
                break;
            case MIRROR:
                x = StereoCheck.mirror(x);
                break;
            default:
                lastProblem[0] = label + ": its stereo configuration is not the SMILES's";
                return;
        }
        (isProduct ? products : reactants).add(new Conformer(x, o.energy().energyKcalPerMol()));
    }

    /** Restraints that carry a geometry of one side to the other: formed bonds in, broken bonds out. */
    private static List<XtbCalculator.Restraint> restraints(MappedReaction reaction, boolean toProducts) {
        int n = reaction.atomCount();
        int[] z = reaction.atomicNumbers();
        boolean[][] target = new boolean[n][n];
        boolean[][] source = new boolean[n][n];
        for (int[] b : reaction.bonds(toProducts)) {
            target[b[0]][b[1]] = true;
            target[b[1]][b[0]] = true;
        }
        for (int[] b : reaction.bonds(!toProducts)) {
            source[b[0]][b[1]] = true;
            source[b[1]][b[0]] = true;
        }
        List<XtbCalculator.Restraint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (target[i][j] == source[i][j]) {
                    continue;
                }
                double sum = radius(z[i]) + radius(z[j]);
                out.add(new XtbCalculator.Restraint(i, j, target[i][j] ? sum : 2 * sum));
            }
        }
        return out;
    }

    /** The covalent radius (Å) from the project's element table, 0.75 where it has none. */
    private static double radius(int z) {
        return Elements.covalentRadius(z, 0.75);
    }

    /** Null when the bonds of the SMILES are where the geometry puts them; else the first mismatch. */
    static String bondProblem(MappedReaction reaction, boolean products, double[] x) {
        int n = reaction.atomCount();
        int[] z = reaction.atomicNumbers();
        boolean[][] bonded = new boolean[n][n];
        for (int[] b : reaction.bonds(products)) {
            bonded[b[0]][b[1]] = true;
            bonded[b[1]][b[0]] = true;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double ri = radius(z[i]);
                double rj = radius(z[j]);
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (bonded[i][j] && d > 1.35 * (ri + rj)) {
                    return String.format(java.util.Locale.ROOT, "bond %d-%d stretched to %.2f Å", i + 1, j + 1, d);
                }
                if (!bonded[i][j] && d < 1.1 * (ri + rj)) {
                    return String.format(java.util.Locale.ROOT, "atoms %d and %d, not bonded, at %.2f Å", i + 1, j + 1, d);
                }
            }
        }
        return null;
    }

    private static Molecule molecule(MappedReaction reaction, boolean products, double[] positions, String title) {
        IAtomContainer graph = products ? reaction.productGraph() : reaction.reactantGraph();
        List<Bond> bonds = new ArrayList<>();
        for (IBond b : graph.bonds()) {
            int order = b.getOrder() == null || b.getOrder() == IBond.Order.UNSET ? 1 : b.getOrder().numeric();
            bonds.add(new Bond(graph.indexOf(b.getBegin()), graph.indexOf(b.getEnd()), order));
        }
        return Molecule.builder().setAtomicNumbers(reaction.atomicNumbers()).setPositions(positions)
                .optCharge(reaction.charge()).optMultiplicity(reaction.multiplicity()).optBonds(bonds).optTitle(title)
                .build();
    }

    /** Settings of the geometry builder; all optional. */
    public static final class Builder {

        private int conformers = 3;
        private long seed;
        private int threads = 2;
        private double energyWindow = Double.POSITIVE_INFINITY;
        private XtbCalculator xtb;

        private Builder() {}

        /**
         * @param conformers starting geometries per side (default 3), at least 1
         * @return this builder
         */
        public Builder optConformers(int conformers) {
            this.conformers = conformers;
            return this;
        }

        /**
         * @param seed the seed of the lifted layouts (default 0)
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param threads xtb optimisations run at once (default 2), at least 1
         * @return this builder
         */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * @param kcalPerMol reactant conformers more than this above the lowest are not paired
         *     (default: no limit, the closest pair of all)
         * @return this builder
         */
        public Builder optEnergyWindow(double kcalPerMol) {
            this.energyWindow = kcalPerMol;
            return this;
        }

        /**
         * @param xtb the calculator (default: the xtb on the path, one thread per run)
         * @return this builder
         */
        public Builder optCalculator(XtbCalculator xtb) {
            this.xtb = Objects.requireNonNull(xtb, "xtb");
            return this;
        }

        /**
         * @return the builder of geometries
         * @throws IllegalArgumentException if conformers or threads is below 1
         */
        public ReactionGeometries build() {
            if (conformers < 1) {
                throw new IllegalArgumentException("conformers is below 1: " + conformers);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads is below 1: " + threads);
            }
            if (!(energyWindow >= 0)) {
                throw new IllegalArgumentException("energy window is not non-negative: " + energyWindow);
            }
            return new ReactionGeometries(this);
        }
    }
}
