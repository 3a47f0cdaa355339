package io.flowkit.molecules.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.core.math.Kabsch;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.Solution;
import io.flowkit.molecules.featurize.ReactionBatch;
import io.flowkit.molecules.featurize.ReactionFrame;
import io.flowkit.molecules.model.TsGenConfig;
import io.flowkit.molecules.model.TsGenModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates transition states with a TS-GEN model: each reaction is put in the reactant-centred
 * frame, its prior samples are integrated from {@code t = 0} to {@code t = 1} in batches, and when
 * several samples are drawn (optionally from the reversed reaction too, whose transition state is the
 * same) one structure is chosen by a label-free consensus: the medoid (least mean RMSD to the
 * others) or the mean of the samples superposed by Kabsch. The result is placed at the reactant's
 * original position. Every sample draws from its own stream derived from the seed, the reaction's
 * index and the sample's index, so results do not depend on the batch size.
 */
public final class TransitionStateGenerator {

    private final TsGenModel model;
    private final int samples;
    private final OdeSolver solver;
    private final TimeGrid grid;
    private final long seed;
    private final int batchSize;
    private final double minDistance;
    private final boolean bothDirections;
    private final Consensus consensus;

    // The defaults were chosen on the RDB7 validation split (593 reactions) with the shipped model:
    // median RMSD 0.288 Å for 1 sample, midpoint 5 steps, forward only; 0.255 with both directions
    // averaged; 0.229 Å (42 ms per reaction) with 2 samples per direction and 2 midpoint steps, the
    // best within the 50 ms budget (3 samples: 0.228 Å, 52 ms; 10 steps were worse than 2 to 5).

    /** The default fixed-step solver, by {@link OdeSolver#byName(String)} name. */
    public static final String DEFAULT_SOLVER = "midpoint";
    /** The default number of solver steps. */
    public static final int DEFAULT_STEPS = 2;
    /** The default number of samples per reaction and direction. */
    public static final int DEFAULT_SAMPLES = 2;
    /** Whether the reversed reaction is also sampled by default. */
    public static final boolean DEFAULT_BOTH_DIRECTIONS = true;
    /** The default rule that combines several samples. */
    public static final Consensus DEFAULT_CONSENSUS = Consensus.MEAN;
    /**
     * The default number of reaction samples per ODE solve. 600 reactions of RDB7's grouped test
     * split on 2 cores: 7.5-9.2 s with 64, 8.0-8.2 s with 48, 11-19 s with 128 (whose pair tensors
     * pass glibc's 32 MiB mmap threshold, so their pages fault in afresh at every call), 11 s with 16.
     */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /** How several samples of one reaction become one transition state. */
    public enum Consensus {
        /** The sample with the least mean RMSD to the others (after Kabsch superposition). */
        MEDOID,
        /**
         * The mean of all samples superposed (Kabsch) on the first forward sample; their medoid when
         * the mean puts two atoms closer than {@link #MIN_MEAN_DISTANCE}.
         */
        MEAN
    }

    private TransitionStateGenerator(Builder b) {
        this.model = b.model;
        this.samples = b.samples;
        this.solver = b.solver;
        this.grid = b.grid;
        this.seed = b.seed;
        this.batchSize = b.batchSize;
        this.minDistance = b.minDistance;
        this.bothDirections = b.bothDirections;
        this.consensus = b.consensus;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the model */
    public TsGenModel model() {
        return model;
    }

    /** @return a description of the settings for reports */
    public String describe() {
        return "solver " + solver.name() + (grid.steps() > 1 ? " with " + grid.steps() + " steps" : "") + ", " + samples
                + " sample(s) per reaction" + (bothDirections ? " in each direction (R to P and P to R)" : "")
                + (samples > 1 || bothDirections ? ", " + consensus.name().toLowerCase(java.util.Locale.ROOT) : "")
                + ", seed " + seed;
    }

    /**
     * Generates one transition state.
     *
     * @param reactant R
     * @param product P, the same atoms in the same order
     * @return the transition state, in R's frame
     * @throws IllegalArgumentException if the atoms differ, overlap or include an element the model
     *     does not know
     */
    public Molecule generate(Molecule reactant, Molecule product) {
        GenerationResult result = generate(List.of(Reaction.of("input", reactant, product)));
        if (!result.failures().isEmpty()) {
            throw new IllegalArgumentException(result.failures().get(0));
        }
        return result.transitionStates().get(0).orElseThrow();
    }

    /**
     * Generates transition states for many reactions; a reaction that cannot be processed is
     * reported with its reason and the others still run.
     *
     * @param reactions the reactions (a transition state they carry is ignored)
     * @return the transition states and failures
     */
    public GenerationResult generate(List<Reaction> reactions) {
        long[] streams = new long[reactions.size()];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = i;
        }
        return generate(reactions, streams);
    }

    /**
     * Generates transition states for many reactions, each drawing its prior samples from a given
     * random stream: a reaction gets the same result whatever else is in the list, so a job split
     * into parts (record {@code i} of a file with stream {@code i}) gives what one run gives.
     *
     * @param reactions the reactions (a transition state they carry is ignored)
     * @param streams the stream of each reaction (usually its record number in the input)
     * @return the transition states and failures, failures keyed by position in {@code reactions}
     * @throws IllegalArgumentException if the two lists differ in length
     */
    public GenerationResult generate(List<Reaction> reactions, long[] streams) {
        if (streams.length != reactions.size()) {
            throw new IllegalArgumentException("streams has " + streams.length + " entries but reactions "
                    + reactions.size());
        }
        long start = System.nanoTime();
        TsGenConfig config = model.config();
        Map<Integer, String> failures = new LinkedHashMap<>();
        List<Integer> indices = new ArrayList<>();
        List<ReactionFrame> frames = new ArrayList<>();
        int directions = bothDirections ? 2 : 1;
        for (int i = 0; i < reactions.size(); i++) {
            Reaction r = reactions.get(i);
            try {
                ReactionFrame forward = ReactionFrame.of(Reaction.of(r.id(), r.reactant(), r.product()), minDistance);
                ReactionBatch.of(List.of(forward), config.elements());
                frames.add(forward);
                if (bothDirections) {
                    frames.add(ReactionFrame.of(Reaction.of(r.id() + " (reversed)", r.product(), r.reactant()), minDistance));
                }
                indices.add(i);
            } catch (IllegalArgumentException e) {
                failures.put(i, e.getMessage().contains(r.id()) ? e.getMessage() : r.id() + ": " + e.getMessage());
            }
        }
        List<Optional<Molecule>> out = new ArrayList<>();
        for (int i = 0; i < reactions.size(); i++) {
            out.add(Optional.empty());
        }
        // One row per (frame, sample), solved in chunks of the batch size; rows are sorted by atom
        // count first so that a chunk pads little (each row has its own random stream, so the order
        // does not change any result).
        int rows = frames.size() * samples;
        Integer[] order = new Integer[rows];
        for (int row = 0; row < rows; row++) {
            order[row] = row;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(row -> frames.get(row / samples).atomCount()));
        double[][] positions = new double[rows][];
        int evaluations = 0;
        Map<Integer, String> failedFrames = new LinkedHashMap<>();
        for (int from = 0; from < rows; from += batchSize) {
            int[] chunk = new int[Math.min(rows, from + batchSize) - from];
            for (int c = 0; c < chunk.length; c++) {
                chunk[c] = order[from + c];
            }
            try {
                evaluations += solveRows(frames, indices, streams, directions, chunk, positions);
            } catch (RuntimeException e) {
                // One bad reaction must not fail its chunk: solve the rows one by one and keep the others.
                for (int row : chunk) {
                    try {
                        evaluations += solveRows(frames, indices, streams, directions, new int[] {row}, positions);
                    } catch (RuntimeException single) {
                        failedFrames.putIfAbsent(row / samples / directions, single.getMessage());
                    }
                }
            }
        }
        for (int k = 0; k < indices.size(); k++) {
            if (failedFrames.containsKey(k)) {
                failures.put(indices.get(k), frames.get(k * directions).id() + ": the flow failed: " + failedFrames.get(k));
                continue;
            }
            ReactionFrame forward = frames.get(k * directions);
            // Every candidate in absolute coordinates: forward ones at R's position, reversed ones at P's.
            double[][] candidates = new double[samples * directions][];
            for (int d = 0; d < directions; d++) {
                ReactionFrame frame = frames.get(k * directions + d);
                for (int s = 0; s < samples; s++) {
                    double[] inFrame = positions[(k * directions + d) * samples + s];
                    candidates[d * samples + s] = frame.toMolecule(inFrame, "").positions();
                }
            }
            out.set(indices.get(k), Optional.of(forward.withAbsolutePositions(consensus(candidates),
                    "TS-GEN transition state of " + forward.id())));
        }
        return new GenerationResult(out, failures, (System.nanoTime() - start) / 1e9, evaluations);
    }

    private int solveRows(List<ReactionFrame> frames, List<Integer> indices, long[] streams, int directions, int[] rows,
            double[][] positions) {
        TsGenConfig config = model.config();
        List<ReactionFrame> rowFrames = new ArrayList<>();
        for (int row : rows) {
            rowFrames.add(frames.get(row / samples));
        }
        ReactionBatch batch = ReactionBatch.of(rowFrames, config.elements());
        int n = batch.atoms();
        int stride = 3 * n;
        float[] x0 = new float[batch.reactants().length];
        for (int local = 0; local < rows.length; local++) {
            int row = rows[local];
            int frame = row / samples;
            SeededRandom random = SeededRandom.of(seed).split(streams[indices.get(frame / directions)])
                    .split((long) (frame % directions) * samples + row % samples);
            float[] r = java.util.Arrays.copyOfRange(batch.reactants(), local * stride, (local + 1) * stride);
            float[] p = java.util.Arrays.copyOfRange(batch.products(), local * stride, (local + 1) * stride);
            float[] mask = java.util.Arrays.copyOfRange(batch.coordinateMask(), local * stride, (local + 1) * stride);
            System.arraycopy(config.prior().sample(r, p, mask, n, config.priorScale(), random), 0, x0, local * stride, stride);
        }
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray start = scope.create(x0, new Shape(rows.length, n, 3));
            Solution solution = solver.solve(model.field().withCondition(batch.condition(scope)), start, grid);
            float[] end = solution.state().toFloatArray();
            for (int local = 0; local < rows.length; local++) {
                int row = rows[local];
                int atoms = frames.get(row / samples).atomCount();
                double[] xyz = new double[3 * atoms];
                for (int c = 0; c < xyz.length; c++) {
                    xyz[c] = end[local * stride + c];
                }
                positions[row] = xyz;
            }
            return solution.evaluations();
        }
    }

    /** Superposes every candidate on the first, then takes the medoid or the mean. */
    private double[] consensus(double[][] candidates) {
        if (candidates.length == 1) {
            return candidates[0];
        }
        double[][] aligned = new double[candidates.length][];
        aligned[0] = candidates[0];
        for (int i = 1; i < candidates.length; i++) {
            aligned[i] = Kabsch.superpose(candidates[i], candidates[0]).apply(candidates[i]);
        }
        if (consensus == Consensus.MEDOID) {
            return medoid(aligned);
        }
        return meanOrMedoid(aligned);
    }

    /**
     * The shortest interatomic distance below which a mean of samples is replaced by their medoid, Å
     * (the shortest bond, H–H, is 0.74 Å; 2 of the 99 test (a) means fell to 0.30 and 0.44 Å).
     */
    public static final double MIN_MEAN_DISTANCE = 0.7;

    /**
     * The mean of superposed candidates, or their medoid when the mean puts two atoms closer than
     * {@link #MIN_MEAN_DISTANCE}: samples that disagree on which atom goes where (a methyl turned the
     * other way in the reversed reaction) can average two atoms onto each other.
     */
    static double[] meanOrMedoid(double[][] aligned) {
        double[] mean = new double[aligned[0].length];
        for (double[] a : aligned) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] += a[c] / aligned.length;
            }
        }
        // When the samples disagree on which atom goes where (a methyl turned the other way in the
        // reversed reaction), their mean can put two atoms on top of each other: take the medoid then.
        return closestPair(mean) < MIN_MEAN_DISTANCE ? medoid(aligned) : mean;
    }

    private static double closestPair(double[] x) {
        double min = Double.POSITIVE_INFINITY;
        for (int a = 0; a < x.length; a += 3) {
            for (int b = a + 3; b < x.length; b += 3) {
                double dx = x[a] - x[b];
                double dy = x[a + 1] - x[b + 1];
                double dz = x[a + 2] - x[b + 2];
                min = Math.min(min, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
        }
        return min;
    }

    /** The candidate with the least mean RMSD to the others (the first on ties). */
    static double[] medoid(double[][] candidates) {
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int i = 0; i < candidates.length; i++) {
            double score = 0;
            for (int j = 0; j < candidates.length; j++) {
                if (i != j) {
                    score += Kabsch.rmsd(candidates[i], candidates[j]);
                }
            }
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return candidates[best];
    }

    /** Configures a {@link TransitionStateGenerator}. */
    public static final class Builder {
        private TsGenModel model;
        private int samples = DEFAULT_SAMPLES;
        private OdeSolver solver = OdeSolver.byName(DEFAULT_SOLVER);
        private TimeGrid grid = TimeGrid.uniform(DEFAULT_STEPS);
        private long seed;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private double minDistance = ReactionFrame.DEFAULT_MIN_DISTANCE;
        private boolean bothDirections = DEFAULT_BOTH_DIRECTIONS;
        private Consensus consensus = DEFAULT_CONSENSUS;

        private Builder() {}

        /**
         * Also generates from the reversed reaction (P to R), which has the same transition state, and
         * pools both directions' samples (default off).
         *
         * @param value whether to use both directions
         * @return this builder
         */
        public Builder optBothDirections(boolean value) {
            this.bothDirections = value;
            return this;
        }

        /**
         * @param rule how several samples become one (default the medoid)
         * @return this builder
         */
        public Builder optConsensus(Consensus rule) {
            this.consensus = rule;
            return this;
        }

        /**
         * @param value the model (required), e.g. {@link TsGenModel#loadDefault}
         * @return this builder
         */
        public Builder setModel(TsGenModel value) {
            this.model = value;
            return this;
        }

        /**
         * @param count samples per reaction, the medoid is kept (default 1)
         * @return this builder
         */
        public Builder optSamples(int count) {
            this.samples = count;
            return this;
        }

        /**
         * Dopri5 with the given tolerances (TS-GEN uses atol 1e-6, rtol 1e-3). The default is the
         * midpoint method with 5 steps (10 evaluations): on the shipped model, whose flow is nearly
         * straight, it matches Dopri5's RMSD on the test split to 0.001 Å at a fifth of the cost.
         *
         * @param atol absolute tolerance
         * @param rtol relative tolerance
         * @return this builder
         */
        public Builder optAdaptive(double atol, double rtol) {
            this.solver = OdeSolver.dopri5(atol, rtol);
            this.grid = TimeGrid.of(0, 1);
            return this;
        }

        /**
         * A fixed-step solver on a uniform grid.
         *
         * @param fixedStep e.g. {@code OdeSolver.rk4()}
         * @param steps the number of steps
         * @return this builder
         */
        public Builder optFixedSteps(OdeSolver fixedStep, int steps) {
            return optSolver(fixedStep).optSteps(steps);
        }

        /**
         * The solver, as every flowkit generator takes it (default midpoint); dopri5 chooses its
         * own steps, so its grid is just {@code [0, 1]}.
         *
         * @param value a solver of {@link OdeSolver}, e.g. {@code OdeSolver.byName("rk4")}
         * @return this builder
         */
        public Builder optSolver(OdeSolver value) {
            this.solver = java.util.Objects.requireNonNull(value, "solver");
            if (value.name().startsWith("dopri5")) {
                this.grid = TimeGrid.of(0, 1);
            }
            return this;
        }

        /**
         * @param value steps of a fixed-step solver on a uniform grid (default {@value #DEFAULT_STEPS})
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder optSteps(int value) {
            this.grid = TimeGrid.uniform(value);
            return this;
        }

        /**
         * @param value the time grid of a fixed-step solver, e.g. a Bellman-optimal one (replaces {@link #optSteps})
         * @return this builder
         */
        public Builder optTimeGrid(TimeGrid value) {
            this.grid = java.util.Objects.requireNonNull(value, "grid");
            return this;
        }

        /**
         * @param value the seed of the prior samples (default 0)
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param rows reaction samples per ODE solve (default {@value TransitionStateGenerator#DEFAULT_BATCH_SIZE})
         * @return this builder
         */
        public Builder optBatchSize(int rows) {
            this.batchSize = rows;
            return this;
        }

        /**
         * @param angstrom the least allowed distance between two atoms of R or P (default 0.5 Å)
         * @return this builder
         */
        public Builder optMinDistance(double angstrom) {
            this.minDistance = angstrom;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the generator
         * @throws IllegalArgumentException naming the first missing or invalid setting
         */
        public TransitionStateGenerator build() {
            if (model == null) {
                throw new IllegalArgumentException("model is not set");
            }
            if (samples < 1 || batchSize < 1) {
                throw new IllegalArgumentException("samples and batch size must be positive: " + samples + ", " + batchSize);
            }
            if (solver == null || grid == null) {
                throw new IllegalArgumentException("solver is not set");
            }
            if (consensus == null) {
                throw new IllegalArgumentException("consensus rule is null");
            }
            if (!(minDistance >= 0)) {
                throw new IllegalArgumentException("minimum distance is negative: " + minDistance);
            }
            return new TransitionStateGenerator(this);
        }
    }
}
