package io.flowkit.assembly.align;

import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.flow.train.AbstractTrainingRecipe;
import io.flowkit.flow.train.RecipeOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The TORA teacher's training recipe ({@code flowkit assembly teacher}): contact prediction on
 * synthetic fractures of the training meshes only (disjoint from the held-out evaluation meshes),
 * {@link TeacherModel#pretrain}, balanced accuracy on 40 validation objects (seed + 1), saved with
 * its provenance.
 *
 * <pre>{@code
 * TrainingRecipe.Outcome o = TeacherRecipe.builder().build().run(Path.of("models/teacher"));
 * }</pre>
 */
public final class TeacherRecipe extends AbstractTrainingRecipe {

    /** Validation objects. */
    private static final int VALIDATION_OBJECTS = 40;

    private final int objects;
    private final int points;
    private final int maxParts;
    private final AssemblyConfig config;

    private TeacherRecipe(Builder b, AssemblyConfig config, RecipeOptions.Settings settings) {
        super(settings);
        this.objects = b.objects;
        this.points = b.points;
        this.maxParts = b.maxParts;
        this.config = config;
    }

    /** @return a builder with the defaults of {@code flowkit assembly teacher} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Outcome run(Path out) throws IOException {
        RecipeOptions.Settings settings = settings();
        long seed = settings.seed();
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(points).build();
        List<AssemblyExample> train = SyntheticFractures.make(false, objects, 2, maxParts, prep, seed, done -> {});
        List<AssemblyExample> validation = SyntheticFractures.make(false, VALIDATION_OBJECTS, 2, maxParts, prep, seed + 1,
                done -> {});
        String description = String.format(Locale.ROOT, "contact labels of synthetic fractures of %s + 4 solids: %d "
                + "objects, 2-%d parts, %d points, seed %d", SyntheticFractures.TRAIN_MESHES, objects, maxParts, points, seed);
        try (TeacherModel t = TeacherModel.pretrain(config, train, validation, settings.steps(), settings.batchSize(),
                settings.learningRate(), seed, description, settings.progress(), settings.checkpoints(out), stop())) {
            if (t.provenance().step() < settings.steps()) {
                return Outcome.stopped(out, t.provenance().step());
            }
            t.save(out);
            return new Outcome(true, out, t.provenance().step(), "teacher written to " + out.toAbsolutePath() + " ("
                    + t.provenance().metrics() + ")");
        }
    }

    /**
     * Configures a {@link TeacherRecipe}. Defaults (those of {@code flowkit assembly teacher}): 300
     * objects of 256 points in 2 to 8 parts, 1,500 steps, batch 8, learning rate 1e-3, width 64, seed 100
     * (other than the flow's data), progress {@code "assembly teacher"}.
     */
    public static final class Builder extends RecipeOptions<Builder, TeacherRecipe> {
        private int objects = 300;
        private int points = 256;
        private int maxParts = 8;

        private Builder() {
            super(1500, 8, 1e-3, 64, 100);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected String label() {
            return "assembly teacher";
        }

        /**
         * @param value training objects (default 300)
         * @return this builder
         */
        public Builder optObjects(int value) {
            this.objects = value;
            return this;
        }

        /**
         * @param value points per object (default 256)
         * @return this builder
         */
        public Builder optPoints(int value) {
            this.points = value;
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

        @Override
        protected TeacherRecipe create(Settings settings) {
            positive(objects, "objects");
            positive(points, "points");
            return new TeacherRecipe(this, new AssemblyConfig(maxParts, settings.width(), 4, 1, 6, 0), settings);
        }
    }
}
