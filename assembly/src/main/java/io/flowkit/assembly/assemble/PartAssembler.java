package io.flowkit.assembly.assemble;

import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Assembles a user's part meshes with a trained model: the parts are put in the model's frame
 * ({@link AssemblyPreparation#place}: the largest part is the anchor and stays where it is),
 * assembled by the flow ({@link Assembler}), and each part's pose is mapped back to the parts' own
 * coordinates. Checks first that there are at least two parts, that none is empty or degenerate,
 * and that their sizes are within a factor of {@value #MAX_SIZE_RATIO} of each other (parts of one
 * object share units).
 *
 * <pre>{@code
 * PartAssembler.Assembled a = PartAssembler.builder().setModel(model).build().assemble(parts, names);
 * MeshFiles.write(Path.of("assembled.ply"), a.combined());
 * }</pre>
 */
public final class PartAssembler {

    /** The largest ratio of two parts' bounding-box diagonals accepted in one object. */
    public static final double MAX_SIZE_RATIO = 100;

    private final AssemblyModel model;
    private final AssemblyPreparation preparation;
    private final Assembler assembler;
    private final long seed;

    private PartAssembler(Builder b) {
        this.model = b.model;
        this.preparation = AssemblyPreparation.builder().optPoints(b.points).build();
        this.assembler = Assembler.builder().setModel(b.model).optSteps(b.steps).optSeed(b.seed).build();
        this.seed = b.seed;
    }

    /**
     * Assembles parts with the shipped model and the default settings (512 points, 50 Euler steps,
     * seed 0): the one-line entry point; see {@link #builder()} for the rest.
     *
     * @param parts the part meshes, in any poses
     * @return the poses and the posed parts
     * @throws IllegalArgumentException as {@link #assemble(List, List)}
     */
    public static Assembled assemble(List<TriangleMesh> parts) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            names.add("part " + i);
        }
        try (AssemblyModel m = AssemblyModel.loadDefault(ai.djl.Device.cpu())) {
            return builder().setModel(m).build().assemble(parts, names);
        }
    }

    /** @return a builder; the model is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The assembled object.
     *
     * @param poses each part's pose, from its own coordinates into the anchor's
     * @param posedParts the parts moved by their poses
     * @param combined all posed parts in one mesh
     * @param anchor the part that stayed in place
     */
    public record Assembled(List<RigidPose> poses, List<TriangleMesh> posedParts, TriangleMesh combined, int anchor) {}

    /**
     * Assembles parts.
     *
     * @param parts the part meshes, in any poses
     * @param names how to call each part in messages (file names)
     * @return the poses and the posed parts
     * @throws IllegalArgumentException for fewer than 2 parts, an empty or degenerate part, parts of
     *     wildly different sizes, or more parts than the model handles
     */
    public Assembled assemble(List<TriangleMesh> parts, List<String> names) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("assembly needs at least 2 parts, got " + parts.size());
        }
        if (parts.size() > model.config().maxParts()) {
            throw new IllegalArgumentException(parts.size() + " parts, more than the model's " + model.config().maxParts());
        }
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        int small = -1;
        int large = -1;
        for (int p = 0; p < parts.size(); p++) {
            TriangleMesh m = parts.get(p);
            if (m.faceCount() == 0 || !(m.surfaceArea() > 0)) {
                throw new IllegalArgumentException("part " + names.get(p) + " is empty or degenerate (" + m.faceCount()
                        + " triangles, area " + m.surfaceArea() + ")");
            }
            double d = m.boundingBoxDiagonal();
            if (d < smallest) {
                smallest = d;
                small = p;
            }
            if (d > largest) {
                largest = d;
                large = p;
            }
        }
        if (largest > MAX_SIZE_RATIO * smallest) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "part %s is %.0f times the size of part %s: parts "
                    + "of one object should be in the same units", names.get(large), largest / smallest, names.get(small)));
        }
        AssemblyPreparation.Placement placement = preparation.place("parts", parts, seed);
        Assembler.Result r = assembler.assemble(placement.example());
        List<RigidPose> poses = new ArrayList<>();
        List<TriangleMesh> posed = new ArrayList<>();
        List<Double> vertices = new ArrayList<>();
        List<Integer> faces = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            RigidPose pose = placement.toParts(p, r.poses().get(p));
            poses.add(pose);
            TriangleMesh moved = parts.get(p).withVertices(pose.apply(parts.get(p).vertices()));
            posed.add(moved);
            int offset = vertices.size() / 3;
            for (double x : moved.vertices()) {
                vertices.add(x);
            }
            for (int f : moved.faces()) {
                faces.add(f + offset);
            }
        }
        TriangleMesh combined = TriangleMesh.of(vertices.stream().mapToDouble(Double::doubleValue).toArray(),
                faces.stream().mapToInt(Integer::intValue).toArray());
        return new Assembled(poses, posed, combined, placement.example().anchor());
    }

    /** Configures a {@link PartAssembler}. */
    public static final class Builder {
        private AssemblyModel model;
        private int points = 512;
        private int steps = 50;
        private long seed;

        private Builder() {}

        /**
         * @param value the trained model (required)
         * @return this builder
         */
        public Builder setModel(AssemblyModel value) {
            this.model = value;
            return this;
        }

        /**
         * @param value points per object (default 512, as the model was trained)
         * @return this builder
         */
        public Builder optPoints(int value) {
            this.points = value;
            return this;
        }

        /**
         * @param value Euler steps (default 50)
         * @return this builder
         */
        public Builder optSteps(int value) {
            this.steps = value;
            return this;
        }

        /**
         * @param value seed of sampling and noise (default 0)
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @return the assembler
         * @throws IllegalArgumentException if the model is missing
         */
        public PartAssembler build() {
            if (model == null) {
                throw new IllegalArgumentException("a model is required");
            }
            return new PartAssembler(this);
        }
    }
}
