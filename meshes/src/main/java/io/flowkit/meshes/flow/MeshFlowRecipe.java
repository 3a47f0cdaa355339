package io.flowkit.meshes.flow;

import io.flowkit.datasets.catalog.ElephantPoses;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.flow.train.AbstractTrainingRecipe;
import io.flowkit.flow.train.RecipeOptions;
import io.flowkit.meshes.geometry.RigidAlignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The mesh-flow training recipe ({@code flowkit mesh train}): a flow of vertex positions on one
 * mesh, from Matérn (or independent) noise to the training shapes, trained with
 * {@link MeshFlowTraining} and saved with its provenance. Data: the 457 elephant poses of
 * {@code meshes/elephant-poses}, or a rest mesh and a folder of its poses; shapes are rigidly
 * aligned to the rest mesh first unless told otherwise.
 *
 * <pre>{@code
 * TrainingRecipe.Outcome o = MeshFlowRecipe.builder().optSteps(2000).build().run(Path.of("models/elephant"));
 * }</pre>
 */
public final class MeshFlowRecipe extends AbstractTrainingRecipe {

    /** The network and noise defaults: {@link MeshFlowConfig#defaults()}. */
    private static final MeshFlowConfig DEFAULTS = MeshFlowConfig.defaults();

    private final Path mesh;
    private final Path poses;
    private final boolean align;
    private final MeshFlowConfig config;

    private MeshFlowRecipe(Builder b, MeshFlowConfig config, RecipeOptions.Settings settings) {
        super(settings);
        this.mesh = b.mesh;
        this.poses = b.poses;
        this.align = b.align;
        this.config = config;
    }

    /** @return a builder with the defaults of {@code flowkit mesh train} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Outcome run(Path out) throws IOException {
        RecipeOptions.Settings settings = settings();
        TriangleMesh rest;
        List<double[]> signals = new ArrayList<>();
        String description;
        if (mesh == null) {
            ElephantPoses data = ElephantPoses.load();
            rest = data.rest();
            for (TriangleMesh frame : data.frames()) {
                signals.add(frame.vertices());
            }
            description = ElephantPoses.DATASET + " (" + signals.size() + " frames by linear blend skinning"
                    + (align ? ", rigidly aligned to the rest pose" : "") + ")";
        } else {
            rest = MeshFiles.read(mesh);
            signals = readPoses(poses, rest);
            description = poses.toString() + " (" + signals.size() + " shapes on " + mesh.getFileName() + ")";
        }
        if (align) {
            signals.replaceAll(RigidAlignment.onto(rest)::align);
        }
        MeshDomain domain = MeshDomain.of(rest, mesh == null ? "elephant.obj" : mesh.getFileName().toString(), config);
        MeshFlowTraining training = MeshFlowTraining.builder().setDomain(domain).setSignals(signals, description)
                .setSeed(settings.seed()).optSteps(settings.steps()).optBatchSize(settings.batchSize())
                .optLearningRate(settings.learningRate()).optCheckpoints(settings.checkpoints(out), 0)
                .optProgress(settings.progress()).build();
        stop().forwardTo(training::requestStop);
        try (MeshFlowTraining.Trained trained = training.run()) {
            if (!trained.finished()) {
                return Outcome.stopped(out, trained.provenance().step());
            }
            trained.model().save(out, trained.provenance());
            return Outcome.saved(out, trained.provenance());
        }
    }

    private static List<double[]> readPoses(Path folder, TriangleMesh rest) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(obj|ply|off|stl)"))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no OBJ, PLY, OFF or STL files in " + folder);
        }
        List<double[]> out = new ArrayList<>();
        for (Path f : files) {
            TriangleMesh m = MeshFiles.read(f);
            if (m.vertexCount() != rest.vertexCount() || !Arrays.equals(m.faces(), rest.faces())) {
                throw new IllegalArgumentException(f + ": has " + m.vertexCount() + " vertices and " + m.faceCount()
                        + " faces, not the rest mesh's " + rest.vertexCount() + " and " + rest.faceCount()
                        + " in the same order");
            }
            out.add(m.vertices());
        }
        return out;
    }

    /**
     * Configures a {@link MeshFlowRecipe}. Defaults (those of {@code flowkit mesh train}): the elephant
     * poses, rigidly aligned; noise, width and prediction of {@link MeshFlowConfig#defaults()} (Matérn
     * noise τ = 100, σ = 3, width 64, data prediction); 3,000 steps, batch 4, learning rate 1e-3,
     * seed 0, progress {@code "mesh train"}.
     */
    public static final class Builder extends RecipeOptions<Builder, MeshFlowRecipe> {
        private Path mesh;
        private Path poses;
        private boolean align = true;
        private SourceNoise noise = DEFAULTS.noise();
        private double tau = DEFAULTS.tau();
        private double sigma = DEFAULTS.sigma();
        private boolean predictData = DEFAULTS.predictData();

        private Builder() {
            super(3000, 4, 1e-3, DEFAULTS.width(), 0);
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected String label() {
            return "mesh train";
        }

        /**
         * @param restMesh the rest mesh (OBJ, PLY, OFF or STL)
         * @param posesFolder a folder of posed meshes with the rest mesh's vertex order and faces
         * @return this builder
         */
        public Builder optData(Path restMesh, Path posesFolder) {
            this.mesh = Objects.requireNonNull(restMesh, "rest mesh");
            this.poses = Objects.requireNonNull(posesFolder, "poses folder");
            return this;
        }

        /**
         * @param value whether the shapes are rigidly aligned to the rest mesh first (default true)
         * @return this builder
         */
        public Builder optAlign(boolean value) {
            this.align = value;
            return this;
        }

        /**
         * @param value the source noise (default Matérn)
         * @return this builder
         */
        public Builder optNoise(SourceNoise value) {
            this.noise = Objects.requireNonNull(value, "noise");
            return this;
        }

        /**
         * @param value Matérn τ (default 100)
         * @return this builder
         */
        public Builder optTau(double value) {
            this.tau = value;
            return this;
        }

        /**
         * @param value Matérn σ, or the standard deviation of independent noise (default 3)
         * @return this builder
         */
        public Builder optSigma(double value) {
            this.sigma = value;
            return this;
        }

        /**
         * @param value whether the network outputs the clean shape, turned into a velocity (default
         *     true), or the velocity
         * @return this builder
         */
        public Builder optPredictData(boolean value) {
            this.predictData = value;
            return this;
        }

        @Override
        protected MeshFlowRecipe create(Settings settings) {
            MeshFlowConfig d = DEFAULTS;
            return new MeshFlowRecipe(this, new MeshFlowConfig(noise, tau, sigma, settings.width(), d.fields(),
                    d.timeFrequencies(), d.regularisation(), d.gradientWeight(), predictData), settings);
        }
    }
}
