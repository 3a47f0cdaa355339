package io.flowkit.pointclouds.train;

import io.flowkit.flow.train.AbstractTrainingRecipe;
import io.flowkit.flow.train.RecipeOptions;
import io.flowkit.pointclouds.model.PufmConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The PUFM++ training recipe ({@code flowkit pointclouds train}): patches of the PU-GAN training
 * meshes and the PU-Net training clouds ({@link PuTrainingSet}), then the three stages of
 * {@link PufmTraining} (straight flow, Chamfer refinement, loss profile), saved with the provenance.
 *
 * <pre>{@code
 * TrainingRecipe.Outcome o = PufmRecipe.builder().optSteps(20_000).build().run(Path.of("models/pufm"));
 * }</pre>
 */
public final class PufmRecipe extends AbstractTrainingRecipe {

    private final PufmConfig config;
    private final long refineSteps;
    private final int patchesPerMesh;
    private final int patchesPerCloud;

    private PufmRecipe(Builder b, PufmConfig config, RecipeOptions.Settings settings) {
        super(settings);
        this.config = config;
        this.refineSteps = b.refineSteps;
        this.patchesPerMesh = b.patchesPerMesh;
        this.patchesPerCloud = b.patchesPerCloud;
    }

    /** @return a builder with the defaults of {@code flowkit pointclouds train} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Outcome run(Path out) throws IOException {
        RecipeOptions.Settings settings = settings();
        long start = System.nanoTime();
        List<TrainingPatch> patches = PuTrainingSet.build(config, patchesPerMesh, patchesPerCloud, settings.seed());
        settings.log().accept(String.format(Locale.ROOT, "pointclouds train: %d patches prepared in %.1f s", patches.size(),
                (System.nanoTime() - start) / 1e9));
        PufmTraining training = PufmTraining.builder()
                .setTrainingData(patches, PuTrainingSet.describe(patchesPerMesh, patchesPerCloud, settings.seed()))
                .setSeed(settings.seed()).optConfig(config).optSteps(settings.steps(), refineSteps)
                .optBatchSize(settings.batchSize()).optLearningRate(settings.learningRate())
                .optCheckpoints(settings.checkpoints(out)).optProgress(settings.progress()).build();
        stop().forwardTo(training::requestStop);
        try (PufmTraining.Trained trained = training.run()) {
            if (!trained.finished()) {
                return Outcome.stopped(out, trained.provenance().step());
            }
            trained.model().save(out, trained.provenance());
            return Outcome.saved(out, trained.provenance());
        }
    }

    /**
     * Configures a {@link PufmRecipe}. Defaults (those of {@code flowkit pointclouds train}): 4,000
     * stage-1 steps, 500 stage-2 steps, batch 8, learning rate 3e-4, 40 patches per mesh, 20 per
     * cloud, width 64, 2 blocks, seed 0, progress {@code "pointclouds train"}.
     */
    public static final class Builder extends RecipeOptions<Builder, PufmRecipe> {
        private long refineSteps = 500;
        private int patchesPerMesh = 40;
        private int patchesPerCloud = 20;
        private int blocks = 2;

        private Builder() {
            super(4000, 8, 3e-4, 64, 0);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected String label() {
            return "pointclouds train";
        }

        /**
         * @param value stage-2 (Chamfer refinement) steps, 0 to skip (default 500)
         * @return this builder
         */
        public Builder optRefineSteps(long value) {
            this.refineSteps = value;
            return this;
        }

        /**
         * @param value patches cut from each training mesh (default 40)
         * @return this builder
         */
        public Builder optPatchesPerMesh(int value) {
            this.patchesPerMesh = value;
            return this;
        }

        /**
         * @param value patches cut from each training cloud, 0 to leave the clouds out (default 20)
         * @return this builder
         */
        public Builder optPatchesPerCloud(int value) {
            this.patchesPerCloud = value;
            return this;
        }

        /**
         * @param value read-compute-write blocks (default 2)
         * @return this builder
         */
        public Builder optBlocks(int value) {
            this.blocks = value;
            return this;
        }

        @Override
        protected PufmRecipe create(Settings settings) {
            if (refineSteps < 0) {
                throw new IllegalArgumentException("refine steps is negative: " + refineSteps);
            }
            positive(patchesPerMesh, "patches per mesh");
            if (patchesPerCloud < 0) {
                throw new IllegalArgumentException("patches per cloud is negative: " + patchesPerCloud);
            }
            return new PufmRecipe(this, PufmConfig.defaults().withSize(settings.width(), blocks), settings);
        }
    }
}
