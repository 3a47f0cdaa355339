package io.flowkit.pointclouds.upsample;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.sampling.FarthestPointSampler;
import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.StepProjection;
import io.flowkit.flow.solve.VelocityFunction;
import io.flowkit.pointclouds.model.PatchNeighbours;
import io.flowkit.pointclouds.model.PufmConfig;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.prepare.MidpointInterpolation;
import io.flowkit.pointclouds.prepare.PatchNormalisation;
import io.flowkit.pointclouds.prepare.PatchSeeds;
import io.flowkit.pointclouds.prepare.PointArrays;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * PUFM++ inference (Liu et al. 2025, §3.4): the cloud is cut into overlapping patches around
 * farthest-point seeds (about 3× coverage); each patch is normalised to the unit sphere,
 * midpoint-interpolated without bridging gaps ({@link MidpointInterpolation#interpolateLocal}),
 * optionally noised and carried by the flow through the engine's solver (Euler steps by default,
 * placed by the model's loss profile, stage 3, when there are several; any {@link OdeSolver} and
 * {@link TimeGrid}), each grid step followed by the on-manifold correction (a small step of every
 * point toward its nearest neighbour in the interpolated patch) as the solver's
 * {@link StepProjection}; the patches are mapped back, merged with the input and reduced to
 * {@code N · ratio} points by farthest-point sampling.
 *
 * <p><b>Ratios.</b> Any integer ratio from 2 to {@code r²} (2 to 16 for the x4 model): the model's
 * x{@code r} pass runs once (ratios up to {@code r}) or twice, and the last pass reduces its output to
 * exactly {@code N · ratio} points (x16 is x4 twice; x2 is x4 reduced by half).
 *
 * <p><b>No stray points.</b> A returned point farther from its nearest input point than
 * {@link Builder#optMaxOffset} local spacings (the mean distance of that input point to its 3
 * nearest input neighbours) is a defect: such candidates are dropped before the reduction and
 * replaced by other candidates of the same pass (or, if too few remain, by gap-free midpoints of
 * the whole input). {@link #defectsOfLastCall()} counts them.
 *
 * <p>Unlike PUFM++, by default each patch contributes only the points in its own Voronoi
 * cell of the patch seeds ({@link Builder#optOwnCellsOnly}): the reduction otherwise favours the
 * outliers that overlapping patch borders produce.
 *
 * <p>Memory stays bounded for large clouds: patches run in batches, and when the merged candidates
 * would make farthest-point sampling too slow (above {@link #FPS_CANDIDATE_LIMIT} by default), each candidate
 * is kept only by the patch whose seed is nearest to it (the seeds' Voronoi cells) before the count
 * is adjusted to exactly {@code N · r}.
 */
public final class Upsampler {

    /** Default: above this many merged candidates, patches keep only their own Voronoi cells before reduction. */
    public static final int FPS_CANDIDATE_LIMIT = 150_000;

    /**
     * Default bound on a returned point's distance from its nearest input point, in local spacings
     * (the mean distance of that input point to its 3 nearest input neighbours). Midpoints of
     * neighbours lie within about one spacing.
     */
    public static final double DEFAULT_MAX_OFFSET = 2.0;

    /** How the sampler places its Euler steps. */
    public enum Schedule {
        /** By the CDF of the model's measured loss profile (PUFM++ stage 3); uniform if it has none. */
        ADAPTIVE,
        /** Equal steps. */
        UNIFORM
    }

    private final PufmModel model;
    private final int steps;
    private final Schedule schedule;
    private final double coverage;
    private final double correction;
    private final long seed;
    private final int batchSize;
    private final BiConsumer<Integer, Integer> progress;
    private final boolean mergeDuplicates;
    private final int fpsLimit;
    private final boolean ownCells;
    private final double startNoise;
    private final OdeSolver solver;
    private final TimeGrid grid;
    private final double maxOffset;
    private final java.util.concurrent.atomic.AtomicLong defects = new java.util.concurrent.atomic.AtomicLong();

    private Upsampler(Builder b) {
        this.solver = b.solver;
        this.grid = b.grid;
        this.maxOffset = b.maxOffset;
        this.startNoise = b.startNoise;
        this.ownCells = b.ownCells;
        this.fpsLimit = b.fpsLimit;
        this.mergeDuplicates = b.mergeDuplicates;
        this.model = b.model;
        this.steps = b.steps;
        this.schedule = b.schedule;
        this.coverage = b.coverage;
        this.correction = b.correction;
        this.seed = b.seed;
        this.batchSize = b.batchSize;
        this.progress = b.progress;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the time grid the sampler uses */
    public TimeGrid timeGrid() {
        if (grid != null) {
            return grid;
        }
        if (schedule == Schedule.ADAPTIVE && model.schedule().isPresent()) {
            return TimeGrid.fromCdf(model.schedule().get(), steps);
        }
        return TimeGrid.uniform(steps);
    }

    /** @return a one-line description of the settings */
    public String describe() {
        TimeGrid times = timeGrid();
        String where = grid != null ? "given grid" : schedule == Schedule.ADAPTIVE && model.schedule().isPresent()
                ? "adaptive schedule" : "uniform";
        String stepping = times.steps() == 1 && solver == OdeSolver.euler() ? "1 Euler step"
                : times.steps() + " steps of " + solver.name() + " (" + where + ")";
        return stepping + ", patches of " + model.config().patchSize() + " points at "
                + coverage + "× coverage" + (ownCells ? " keeping their own cells" : "") + ", manifold correction "
                + (correction > 0 ? correction : "off") + ", start noise " + startNoise + ", points beyond " + maxOffset
                + " local spacings dropped, seed " + seed;
    }

    /**
     * Upsamples a cloud.
     *
     * @param cloud the sparse cloud (normals, if any, are ignored)
     * @param ratio the upsampling ratio, 2 to {@code r²} (2 to 16 for the x4 model)
     * @return a cloud of {@code ratio · N} points
     * @throws IllegalArgumentException for an unsupported ratio, too few points for a patch,
     *     duplicate points or non-finite coordinates
     */
    public PointCloud upsample(PointCloud cloud, int ratio) {
        return PointCloud.of(upsample(cloud.positions(), ratio));
    }

    /**
     * Upsamples a cloud given as flat xyz.
     *
     * @param xyz the sparse points, flat xyz
     * @param ratio the upsampling ratio, 2 to {@code r²} (2 to 16 for the x4 model)
     * @return {@code ratio · N} points, flat xyz
     * @throws IllegalArgumentException for an unsupported ratio, too few points for a patch,
     *     duplicate points (unless merged) or non-finite coordinates
     */
    public double[] upsample(double[] xyz, int ratio) {
        int r = model.config().ratio();
        if (ratio < 2 || ratio > r * r) {
            throw new IllegalArgumentException("ratio " + ratio + " is not supported: the model upsamples x" + r
                    + " per pass, so the ratio must be an integer from 2 to " + r * r);
        }
        int passes = ratio <= r ? 1 : 2;
        int n = PointArrays.count(xyz, "cloud");
        if (n < model.config().patchSize()) {
            throw new IllegalArgumentException("cloud has " + n + " points, fewer than the " + model.config().patchSize()
                    + " points a patch needs");
        }
        int duplicates = PointArrays.duplicateCount(xyz);
        double[] current = xyz;
        if (duplicates > 0) {
            if (!mergeDuplicates) {
                throw new IllegalArgumentException("cloud has " + duplicates + " duplicate points; remove them first "
                        + "or merge them (optMergeDuplicates, --merge-duplicates)");
            }
            current = PointArrays.distinct(xyz);
            if (current.length / 3 < model.config().patchSize()) {
                throw new IllegalArgumentException("cloud has " + current.length / 3 + " distinct points, fewer than the "
                        + model.config().patchSize() + " points a patch needs");
            }
        }
        defects.set(0);
        for (int p = 0; p < passes; p++) {
            current = pass(current, p, p == passes - 1 ? Math.multiplyExact(n, ratio) : -1);
        }
        return current;
    }

    /**
     * One upsampling pass by the model's ratio.
     *
     * @param xyz the sparse points
     * @param passIndex which pass (for the noise seed)
     * @param wanted the number of points to return, or -1 for {@code N · r}
     */
    private double[] pass(double[] xyz, int passIndex, int wanted) {
        PufmConfig config = model.config();
        int n = xyz.length / 3;
        int target = wanted > 0 ? wanted : n * config.ratio();
        int[][] patches = PatchSeeds.patches(xyz, config.patchSize(), coverage);
        int m = patches.length;
        int dense = config.densePoints();
        boolean own = ownCells || (long) m * dense + n > fpsLimit;
        double[] seeds = new double[m * 3];
        for (int j = 0; j < m; j++) {
            System.arraycopy(xyz, 3 * patches[j][0], seeds, 3 * j, 3);
        }
        NearestNeighbors seedIndex = own ? NearestNeighbors.of(seeds) : null;
        OffsetBound bound = new OffsetBound(xyz, maxOffset);
        double[] candidates = new double[(m * dense + n) * 3];
        System.arraycopy(xyz, 0, candidates, 0, xyz.length);
        int count = n;
        double[] spare = own ? new double[m * dense * 3] : null;
        int spareCount = 0;
        TimeGrid grid = timeGrid();
        SeededRandom base = SeededRandom.of(seed).split(passIndex);
        for (int start = 0; start < m; start += batchSize) {
            int b = Math.min(batchSize, m - start);
            double[][] out = flowBatch(xyz, patches, start, b, grid, base);
            // 0: a defect, 1: another patch's cell (a spare), 2: kept; classified in parallel
            byte[][] kind = new byte[b][dense];
            int first = start;
            java.util.stream.IntStream.range(0, b).parallel().forEach(i -> {
                for (int q = 0; q < dense; q++) {
                    double x = out[i][3 * q];
                    double y = out[i][3 * q + 1];
                    double z = out[i][3 * q + 2];
                    kind[i][q] = (byte) (!bound.accepts(x, y, z) ? 0
                            : own && seedIndex.nearest(x, y, z) != first + i ? 1 : 2);
                }
            });
            for (int i = 0; i < b; i++) {
                for (int q = 0; q < dense; q++) {
                    double x = out[i][3 * q];
                    double y = out[i][3 * q + 1];
                    double z = out[i][3 * q + 2];
                    if (kind[i][q] == 0) {
                        defects.incrementAndGet();
                        continue;
                    }
                    if (kind[i][q] == 1) {
                        spare[3 * spareCount] = x;
                        spare[3 * spareCount + 1] = y;
                        spare[3 * spareCount + 2] = z;
                        spareCount++;
                        continue;
                    }
                    candidates[3 * count] = x;
                    candidates[3 * count + 1] = y;
                    candidates[3 * count + 2] = z;
                    count++;
                }
            }
            progress.accept(start + b, m);
        }
        double[] merged = Arrays.copyOf(candidates, 3 * count);
        if (count >= target && count <= fpsLimit) {
            return PointArrays.gather(merged, FarthestPointSampler.indices(merged, target, 0));
        }
        double[] spares = own ? Arrays.copyOf(spare, 3 * spareCount) : new double[0];
        if (count + spareCount < target) {
            // too many defects: gap-free midpoints of the whole input make up the count
            double[] fill = MidpointInterpolation.interpolateLocal(xyz, Math.max(2, (target + n - 1) / n));
            double[] more = Arrays.copyOf(spares, spares.length + fill.length);
            System.arraycopy(fill, 0, more, spares.length, fill.length);
            spares = more;
            if (count + fill.length / 3 <= fpsLimit) {
                double[] all = Arrays.copyOf(merged, merged.length + fill.length);
                System.arraycopy(fill, 0, all, merged.length, fill.length);
                all = PointArrays.distinct(all);
                if (all.length / 3 >= target) {
                    return PointArrays.gather(all, FarthestPointSampler.indices(all, target, 0));
                }
            }
        }
        return adjust(merged, spares, target, base.split(-1));
    }

    /**
     * The candidates dropped as defects (farther than {@link Builder#optMaxOffset} local spacings from
     * the input) by the last call of {@code upsample} on this upsampler (over all its passes).
     *
     * @return the count
     */
    public long defectsOfLastCall() {
        return defects.get();
    }

    /** Whether a point lies within {@code factor} local spacings of its nearest input point. */
    private static final class OffsetBound {
        private final NearestNeighbors index;
        private final double[] limit;
        private final boolean off;

        OffsetBound(double[] xyz, double factor) {
            this.off = Double.isInfinite(factor);
            this.index = off ? null : NearestNeighbors.of(xyz);
            int n = xyz.length / 3;
            this.limit = new double[off ? 0 : n];
            if (!off) {
                int k = Math.min(4, n);
                int[] knn = index.kNearest(xyz, k);
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    for (int a = 1; a < k; a++) {
                        int j = knn[i * k + a];
                        double dx = xyz[3 * i] - xyz[3 * j];
                        double dy = xyz[3 * i + 1] - xyz[3 * j + 1];
                        double dz = xyz[3 * i + 2] - xyz[3 * j + 2];
                        sum += Math.sqrt(dx * dx + dy * dy + dz * dz);
                    }
                    double spacing = sum / Math.max(1, k - 1);
                    limit[i] = factor * spacing * factor * spacing;
                }
            }
        }

        boolean accepts(double x, double y, double z) {
            if (off) {
                return true;
            }
            int i = index.nearest(x, y, z);
            double dx = x - index.coordinate(i, 0);
            double dy = y - index.coordinate(i, 1);
            double dz = z - index.coordinate(i, 2);
            return dx * dx + dy * dy + dz * dz <= limit[i];
        }
    }

    /** Brings the owned candidates to exactly {@code target} points: drops a seeded random surplus or adds spares. */
    private static double[] adjust(double[] owned, double[] spare, int target, SeededRandom random) {
        int have = owned.length / 3;
        if (have >= target) {
            int[] order = random.permutation(have);
            int[] keep = Arrays.copyOf(order, target);
            Arrays.sort(keep);
            return PointArrays.gather(owned, keep);
        }
        int missing = Math.min(target - have, spare.length / 3);
        double[] out = Arrays.copyOf(owned, 3 * (have + missing));
        int[] order = random.permutation(spare.length / 3);
        for (int i = 0; i < missing; i++) {
            System.arraycopy(spare, 3 * order[i], out, 3 * (have + i), 3);
        }
        return out;
    }

    /** Flows {@code b} patches from {@code start}; returns their dense points in the cloud's frame. */
    private double[][] flowBatch(double[] xyz, int[][] patches, int start, int b, TimeGrid grid, SeededRandom base) {
        PufmConfig config = model.config();
        int dense = config.densePoints();
        int k = config.neighbours();
        int values = dense * 3;
        PatchNormalisation[] norms = new PatchNormalisation[b];
        NearestNeighbors[] surfaces = new NearestNeighbors[b];
        float[] x0 = new float[b * values];
        float[] cond = new float[b * values];
        long[] index = new long[b * dense * k];
        // The patches of a batch are prepared in parallel: each writes only its own slices.
        java.util.stream.IntStream.range(0, b).parallel().forEach(i -> {
            double[] sparse = PointArrays.gather(xyz, patches[start + i]);
            norms[i] = PatchNormalisation.of(sparse);
            double[] interpolated = MidpointInterpolation.interpolateLocal(norms[i].apply(sparse), config.ratio());
            surfaces[i] = NearestNeighbors.of(interpolated);
            float[] eps = base.split(start + i).gaussian(values);
            for (int q = 0; q < values; q++) {
                cond[i * values + q] = (float) interpolated[q];
                x0[i * values + q] = (float) (interpolated[q] + startNoise * eps[q]);
            }
            System.arraycopy(PatchNeighbours.of(surfaces[i], interpolated, k), 0, index, i * dense * k, dense * k);
        });
        float[] x;
        try (FlowEngine.GradientMode ignored = FlowEngine.noGradient();
                NDManager scope = model.manager().newSubManager()) {
            Shape shape = new Shape(b, dense, 3);
            NDList condition = new NDList(scope.create(cond, shape), scope.create(index, new Shape(b, dense, k)));
            VelocityFunction field = (state, t) -> model.field().velocity(state,
                    state.getManager().full(new Shape(b), (float) t), condition, false);
            OdeSolver integrator = solver;
            if (correction > 0) {
                StepProjection onManifold = (state, t) -> {
                    float[] host = state.toFloatArray();
                    correct(host, surfaces, dense);
                    return state.getManager().create(host, shape);
                };
                integrator = OdeSolver.projected(solver, onManifold);
            }
            x = integrator.solve(field, scope.create(x0, shape), grid).state().toFloatArray();
        }
        double[][] out = new double[b][];
        for (int i = 0; i < b; i++) {
            double[] local = new double[values];
            for (int q = 0; q < values; q++) {
                local[q] = x[i * values + q];
            }
            out[i] = norms[i].invert(local);
        }
        return out;
    }

    /** The on-manifold correction: each point moves a fraction toward its nearest interpolated point. */
    private void correct(float[] x, NearestNeighbors[] surfaces, int dense) {
        java.util.stream.IntStream.range(0, surfaces.length).parallel().forEach(i -> {
            for (int q = 0; q < dense; q++) {
                int o = (i * dense + q) * 3;
                int nearest = surfaces[i].nearest(x[o], x[o + 1], x[o + 2]);
                for (int a = 0; a < 3; a++) {
                    double target = surfaces[i].coordinate(nearest, a);
                    x[o + a] += (float) (correction * (target - x[o + a]));
                }
            }
        });
    }

    /** Configures an {@link Upsampler}. */
    public static final class Builder {
        private PufmModel model;
        private int steps = 1;
        private Schedule schedule = Schedule.ADAPTIVE;
        private double coverage = 3;
        private double correction = 0.1;
        private long seed;
        private int batchSize = 16;
        private BiConsumer<Integer, Integer> progress = (done, total) -> { };
        private boolean mergeDuplicates;
        private int fpsLimit = FPS_CANDIDATE_LIMIT;
        private boolean ownCells = true;
        private double startNoise;
        private OdeSolver solver = OdeSolver.euler();
        private TimeGrid grid;
        private double maxOffset = DEFAULT_MAX_OFFSET;

        private Builder() {}

        /**
         * @param value the solver of each pass's flow (default Euler; any of the engine's solvers,
         *     adaptive ones included: the on-manifold correction runs after each grid step)
         * @return this builder
         */
        public Builder optSolver(OdeSolver value) {
            this.solver = value;
            return this;
        }

        /**
         * @param value the time grid of each pass (for example a Bellman-optimal grid); it replaces
         *     {@link #optSteps} and {@link #optSchedule} (default: none, those two decide)
         * @return this builder
         */
        public Builder optTimeGrid(TimeGrid value) {
            this.grid = value;
            return this;
        }

        /**
         * @param spacings the largest distance of a returned point from its nearest input point, in
         *     local spacings of the input (default {@value #DEFAULT_MAX_OFFSET}; infinity turns the
         *     bound off); farther candidates are dropped as defects
         * @return this builder
         */
        public Builder optMaxOffset(double spacings) {
            this.maxOffset = spacings;
            return this;
        }

        /**
         * @param sigma σ of the Gaussian noise added to the interpolated patch to start the flow, in
         *     the unit-sphere patch frame (default 0; PUFM++ starts from the training noise, 0.02,
         *     which gave a worse P2F with the models trained here)
         * @return this builder
         */
        public Builder optStartNoise(double sigma) {
            this.startNoise = sigma;
            return this;
        }

        /**
         * Whether each patch contributes only the points in its own Voronoi cell of the patch seeds
         * (default on). Off, all patch outputs enter the final farthest-point reduction, as in
         * PUFM++; that reduction picks outliers first, which with the models trained here raised the
         * Hausdorff distance about fivefold.
         *
         * @param value whether to keep only each patch's own cell
         * @return this builder
         */
        public Builder optOwnCellsOnly(boolean value) {
            this.ownCells = value;
            return this;
        }

        /**
         * @param candidates the most merged candidates reduced by farthest-point sampling; above it
         *     each patch keeps only its own Voronoi cell (default {@link #FPS_CANDIDATE_LIMIT})
         * @return this builder
         */
        public Builder optFpsLimit(int candidates) {
            this.fpsLimit = candidates;
            return this;
        }

        /**
         * @param value whether repeated points are merged (the result still has {@code ratio · N}
         *     points for the N points given) instead of rejected (default: rejected)
         * @return this builder
         */
        public Builder optMergeDuplicates(boolean value) {
            this.mergeDuplicates = value;
            return this;
        }

        /**
         * @param value the trained model (required)
         * @return this builder
         */
        public Builder setModel(PufmModel value) {
            this.model = value;
            return this;
        }

        /**
         * @param value Euler steps per pass (default 1: the stage-2 one-step prediction, which gave
         *     the best CD, HD and P2F on the training meshes chair and horse with the models trained
         *     here; PUFM++ uses 6 on its adaptive schedule)
         * @return this builder
         */
        public Builder optSteps(int value) {
            this.steps = value;
            return this;
        }

        /**
         * @param value where the steps go (default {@link Schedule#ADAPTIVE})
         * @return this builder
         */
        public Builder optSchedule(Schedule value) {
            this.schedule = value;
            return this;
        }

        /**
         * @param value how many patches cover a point on average (default 3)
         * @return this builder
         */
        public Builder optCoverage(double value) {
            this.coverage = value;
            return this;
        }

        /**
         * @param fraction the on-manifold correction: the share of the way to its nearest interpolated
         *     point each point moves after a step, 0 for off (default 0.1)
         * @return this builder
         */
        public Builder optManifoldCorrection(double fraction) {
            this.correction = fraction;
            return this;
        }

        /**
         * @param value the seed of the noise added to the interpolated patches (default 0)
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value patches flowed together (default 16; memory grows with it, results do not change)
         * @return this builder
         */
        public Builder optBatchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * @param listener called with (patches done, patches in this pass) after each batch
         * @return this builder
         */
        public Builder optProgress(BiConsumer<Integer, Integer> listener) {
            this.progress = listener;
            return this;
        }

        /**
         * @return the upsampler
         * @throws IllegalArgumentException if the model is missing or a setting is out of range
         */
        public Upsampler build() {
            if (model == null) {
                throw new IllegalArgumentException("a model is required");
            }
            if (!(startNoise >= 0) || Double.isInfinite(startNoise)) {
                throw new IllegalArgumentException("start noise is negative or not finite: " + startNoise);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("steps are not positive: " + steps);
            }
            if (!(coverage > 0) || Double.isInfinite(coverage)) {
                throw new IllegalArgumentException("coverage is not positive: " + coverage);
            }
            if (!(correction >= 0 && correction <= 1)) {
                throw new IllegalArgumentException("manifold correction is outside [0, 1]: " + correction);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size is not positive: " + batchSize);
            }
            if (!(maxOffset > 0)) {
                throw new IllegalArgumentException("max offset is not positive: " + maxOffset);
            }
            if (solver == null) {
                throw new IllegalArgumentException("solver must not be null");
            }
            if (schedule == null || progress == null) {
                throw new IllegalArgumentException("schedule and progress listener must not be null");
            }
            return new Upsampler(this);
        }
    }
}
