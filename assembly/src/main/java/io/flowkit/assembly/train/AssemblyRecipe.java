package io.flowkit.assembly.train;

import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.model.FlowSpace;
import io.flowkit.assembly.pose.PoseFlowTraining;
import io.flowkit.flow.checkpoint.Provenance;
import io.flowkit.flow.train.AbstractTrainingRecipe;
import io.flowkit.flow.train.RecipeOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The assembly training recipe ({@code flowkit assembly train}): synthetic fractures of the
 * training meshes of {@code meshes/cgal} and analytic solids (or, planar, of random polygons), then
 * the point flow ({@link AssemblyTraining}, Rectified Point Flow) or the pose flow
 * ({@link PoseFlowTraining}, GARF), saved with its provenance.
 *
 * <pre>{@code
 * TrainingRecipe.Outcome o = AssemblyRecipe.builder().optObjects(800).optSteps(8000).optLearningRate(5e-4)
 *         .build().run(Path.of("models/assembly"));
 * try (AssemblyModel model = AssemblyModel.load(o.model(), Device.cpu())) { ... }
 * }</pre>
 */
public final class AssemblyRecipe extends AbstractTrainingRecipe {

    private final int objects;
    private final int points;
    private final int minParts;
    private final int maxParts;
    private final boolean planar;
    private final FlowSpace flow;
    private final AssemblyConfig config;

    private AssemblyRecipe(Builder b, AssemblyConfig config, RecipeOptions.Settings settings) {
        super(settings);
        this.objects = b.objects;
        this.points = b.points;
        this.minParts = b.minParts;
        this.maxParts = b.maxParts;
        this.planar = b.planar;
        this.flow = b.flow;
        this.config = config;
    }

    /** @return a builder with the defaults of {@code flowkit assembly train} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Outcome run(Path out) throws IOException {
        RecipeOptions.Settings settings = settings();
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(points).optPlanar(planar).build();
        long start = System.nanoTime();
        long seed = settings.seed();
        List<AssemblyExample> train = planar ? SyntheticFractures.makePlanar(objects, minParts, maxParts, prep, seed)
                : SyntheticFractures.make(false, objects, minParts, maxParts, prep, seed, done -> {
                    if (done % 50 == 0 || done == objects) {
                        log("%d/%d objects fractured", done, objects);
                    }
                });
        log("%d objects in %.1f s", train.size(), (System.nanoTime() - start) / 1e9);
        String description = String.format(Locale.ROOT, "synthetic planar fractures of %s: %d objects, %d-%d parts, "
                + "%d points, seed %d", planar ? "random star polygons (2D)" : SyntheticFractures.TRAIN_MESHES + " + 4 solids",
                objects, minParts, maxParts, points, seed);
        Path folder = settings.checkpoints(out);
        if (flow == FlowSpace.POSES) {
            PoseFlowTraining training = new PoseFlowTraining(config, train, description, settings.steps(),
                    settings.batchSize(), settings.learningRate(), seed, folder, settings.progress());
            stop().forwardTo(training::requestStop);
            try (PoseFlowTraining.Trained t = training.run()) {
                return save(out, t.model(), t.provenance(), t.complete());
            }
        }
        try (AssemblyTraining.Trained t = AssemblyTraining.train(config, train, description, settings.steps(),
                settings.batchSize(), settings.learningRate(), seed, folder, model -> settings.progress(), null, null, stop())) {
            return save(out, t.model(), t.provenance(), !t.result().stopped());
        }
    }

    private void log(String format, Object... args) {
        settings().log().accept("assembly train: " + String.format(Locale.ROOT, format, args));
    }

    private static Outcome save(Path out, AssemblyModel model, Provenance provenance, boolean finished) throws IOException {
        if (!finished) {
            return Outcome.stopped(out, provenance.step());
        }
        model.save(out, provenance);
        return Outcome.saved(out, provenance);
    }

    /**
     * Configures an {@link AssemblyRecipe}. Defaults (those of {@code flowkit assembly train}): 400
     * objects of 512 points in 2 to 8 parts, cut from meshes; the point flow; 3,000 steps, batch 8,
     * learning rate 1e-3, width 64, 3 pairs of attention blocks, no normals, seed 0, progress
     * {@code "assembly train"} ({@code "assembly train (poses)"} for the pose flow).
     */
    public static final class Builder extends RecipeOptions<Builder, AssemblyRecipe> {
        private int objects = 400;
        private int points = 512;
        private int minParts = 2;
        private int maxParts = 8;
        private int blocks = 3;
        private boolean planar;
        private boolean normals;
        private FlowSpace flow = FlowSpace.POINTS;

        private Builder() {
            super(3000, 8, 1e-3, 64, 0);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected String label() {
            return flow == FlowSpace.POSES ? "assembly train (poses)" : "assembly train";
        }

        /**
         * @param value training objects (default 400)
         * @return this builder
         */
        public Builder optObjects(int value) {
            this.objects = value;
            return this;
        }

        /**
         * @param value points per object (default 512)
         * @return this builder
         */
        public Builder optPoints(int value) {
            this.points = value;
            return this;
        }

        /**
         * @param value the fewest parts of an object, at least 2 (default 2)
         * @return this builder
         */
        public Builder optMinParts(int value) {
            this.minParts = value;
            return this;
        }

        /**
         * @param value the most parts of an object (default 8)
         * @return this builder
         */
        public Builder optMaxParts(int value) {
            this.maxParts = value;
            return this;
        }

        /**
         * @param value pairs of attention blocks (default 3)
         * @return this builder
         */
        public Builder optBlocks(int value) {
            this.blocks = value;
            return this;
        }

        /**
         * @param value the 2D task: random polygons cut by JTS into Voronoi cells (default false)
         * @return this builder
         */
        public Builder optPlanar(boolean value) {
            this.planar = value;
            return this;
        }

        /**
         * @param value whether each point sees its surface normal in its input pose (default false; not
         *     with the planar task)
         * @return this builder
         */
        public Builder optNormals(boolean value) {
            this.normals = value;
            return this;
        }

        /**
         * @param value what flows: the points (Rectified Point Flow, the default) or the poses (GARF)
         * @return this builder
         */
        public Builder optFlow(FlowSpace value) {
            this.flow = Objects.requireNonNull(value, "flow");
            return this;
        }

        @Override
        protected AssemblyRecipe create(Settings settings) {
            positive(objects, "objects");
            positive(points, "points");
            if (minParts < 2 || maxParts < minParts) {
                throw new IllegalArgumentException("part range is not valid: " + minParts + " to " + maxParts);
            }
            if (normals && planar) {
                throw new IllegalArgumentException("normals need meshes: the planar task samples outlines without normals");
            }
            return new AssemblyRecipe(this, new AssemblyConfig(maxParts, settings.width(), 4, blocks, 6, 0)
                    .withNormals(normals), settings);
        }
    }
}
