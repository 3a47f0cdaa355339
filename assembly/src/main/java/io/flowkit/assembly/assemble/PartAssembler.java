package io.flowkit.assembly.assemble;

import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.geometry.GeometricAssembler;
import io.flowkit.assembly.geometry.PartSurface;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Assembles a user's part meshes: the parts are put in one frame ({@link AssemblyPreparation#place}:
 * the largest part is the anchor and stays where it is), assembled, and each part's pose is mapped
 * back to the parts' own coordinates. Three methods ({@link Method}): the flow alone
 * ({@link Assembler}), the geometric stage alone ({@link GeometricAssembler}, on a dense sampling of
 * the parts), or both (the default): the flow's samples are pose hypotheses that compete with the
 * geometric candidates. Each part gets a confidence, the share of its flat (candidate fracture)
 * faces that touches other parts. Checks first that there are at least two parts, that none is
 * empty or degenerate, and that their sizes are within a factor of {@value #MAX_SIZE_RATIO} of
 * each other (parts of one object share units).
 *
 * <pre>{@code
 * PartAssembler.Assembled a = PartAssembler.builder().setModel(model).build().assemble(parts, names);
 * MeshFiles.write(Path.of("assembled.ply"), a.combined());
 * }</pre>
 */
public final class PartAssembler {

    /** The largest ratio of two parts' bounding-box diagonals accepted in one object. */
    public static final double MAX_SIZE_RATIO = 100;

    /** How the parts are assembled. */
    public enum Method {
        /** The flow's first sample. */
        FLOW,
        /** The geometric stage on its own. */
        GEOMETRY,
        /** The geometric stage with the flow's samples as pose hypotheses. */
        FLOW_AND_GEOMETRY
    }

    private final AssemblyModel model;
    private final Method method;
    private final AssemblyPreparation preparation;
    private final AssemblyPreparation dense;
    private final GeometricAssembler geometry;
    private final int steps;
    private final int hypotheses;
    private final long seed;

    private PartAssembler(Builder b) {
        this.model = b.model;
        this.method = b.method;
        this.preparation = AssemblyPreparation.builder().optPoints(b.points).build();
        this.dense = AssemblyPreparation.builder().optPoints(b.densePoints).build();
        this.geometry = GeometricAssembler.builder().build();
        this.steps = b.steps;
        this.hypotheses = b.hypotheses;
        this.seed = b.seed;
    }

    /**
     * Assembles parts with the shipped model and the default settings (flow and geometry, 512 flow
     * points, 2 hypotheses of 50 Euler steps, 10,000 points for the geometry, seed 0): the same as
     * {@link io.flowkit.assembly.Assembly#assemble}, the module's one-line entry point; see
     * {@link #builder()} for the rest.
     *
     * @param parts the part meshes, in any poses
     * @return the poses and the posed parts
     * @throws IllegalArgumentException as {@link #assemble(List, List)}
     */
    public static Assembled assemble(List<TriangleMesh> parts) {
        return io.flowkit.assembly.Assembly.assemble(parts);
    }

    /** @return a builder; the model is required unless the method is {@link Method#GEOMETRY} */
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
     * @param confidence per part in [0, 1], the share of its flat (candidate fracture) faces that
     *     touches other parts; 1 for the anchor
     * @param source per part, what placed it: {@code anchor}, {@code flow}, {@code geometry},
     *     {@code hypothesis} (a flow sample, chosen by the geometric stage) or {@code none} (left
     *     where it was)
     */
    public record Assembled(List<RigidPose> poses, List<TriangleMesh> posedParts, TriangleMesh combined, int anchor,
            double[] confidence, List<String> source) {
        /** Copies the lists and the array. */
        public Assembled {
            poses = List.copyOf(poses);
            posedParts = List.copyOf(posedParts);
            confidence = confidence.clone();
            source = List.copyOf(source);
        }

        /** @return per part, its confidence (a copy) */
        @Override
        public double[] confidence() {
            return confidence.clone();
        }
    }

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
        if (model != null && parts.size() > model.config().maxParts()) {
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
        AssemblyPreparation.Placement frame = dense.place("parts", parts, seed);
        AssemblyExample example = frame.example();
        List<PartSurface> surfaces = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            surfaces.add(PartSurface.of(example, p, parts.get(p).surfaceArea() * frame.scale() * frame.scale()));
        }
        int anchor = example.anchor();
        // The flow's samples, each moved from the flow's placement (sparser sampling, so other part
        // centres) into the dense one through the parts' own coordinates.
        List<List<RigidPose>> samples = new ArrayList<>();
        if (method != Method.GEOMETRY) {
            AssemblyPreparation.Placement sparse = preparation.place("parts", parts, seed);
            int count = method == Method.FLOW ? 1 : hypotheses;
            for (int h = 0; h < count; h++) {
                Assembler flow = Assembler.builder().setModel(model).optSteps(steps).optSeed(seed + h).build();
                Assembler.Result r = flow.assemble(sparse.example());
                List<RigidPose> sample = new ArrayList<>();
                for (int p = 0; p < parts.size(); p++) {
                    sample.add(frame.fromParts(p, sparse.toParts(p, r.poses().get(p))));
                }
                samples.add(sample);
            }
        }
        List<RigidPose> found;
        double[] confidence;
        List<String> source;
        if (method == Method.FLOW) {
            found = samples.get(0);
            confidence = geometry.confidence(surfaces, anchor, found);
            source = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                source.add(p == anchor ? "anchor" : "flow");
            }
        } else {
            GeometricAssembler.Result g = geometry.assemble(surfaces, anchor, samples);
            found = g.poses();
            confidence = g.confidence();
            source = g.source();
        }
        List<RigidPose> poses = new ArrayList<>();
        List<TriangleMesh> posed = new ArrayList<>();
        List<Double> vertices = new ArrayList<>();
        List<Integer> faces = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            RigidPose pose = frame.toParts(p, found.get(p));
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
        return new Assembled(poses, posed, combined, anchor, confidence, source);
    }

    /** Configures a {@link PartAssembler}. */
    public static final class Builder {
        private AssemblyModel model;
        private Method method = Method.FLOW_AND_GEOMETRY;
        private int points = 512;
        private int densePoints = 10_000;
        private int steps = 50;
        private int hypotheses = 2;
        private long seed;

        private Builder() {}

        /**
         * @param value the trained model (required unless the method is {@link Method#GEOMETRY})
         * @return this builder
         */
        public Builder setModel(AssemblyModel value) {
            this.model = value;
            return this;
        }

        /**
         * @param value how to assemble (default {@link Method#FLOW_AND_GEOMETRY})
         * @return this builder
         */
        public Builder optMethod(Method value) {
            this.method = value;
            return this;
        }

        /**
         * @param value points per object for the geometric stage (default 10,000)
         * @return this builder
         */
        public Builder optDensePoints(int value) {
            this.densePoints = value;
            return this;
        }

        /**
         * @param value flow samples given to the geometric stage as hypotheses (default 2)
         * @return this builder
         */
        public Builder optHypotheses(int value) {
            this.hypotheses = value;
            return this;
        }

        /**
         * @param value points per object for the flow (default 512, as the model was trained)
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
         * @param value seed of sampling and noise (default 0; flow sample h uses seed + h)
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @return the assembler
         * @throws IllegalArgumentException if the model is missing where the flow is used, or a
         *     count is out of range
         */
        public PartAssembler build() {
            if (method == null) {
                throw new IllegalArgumentException("method is null");
            }
            if (model == null && method != Method.GEOMETRY) {
                throw new IllegalArgumentException("a model is required for method " + method);
            }
            if (hypotheses < 0) {
                throw new IllegalArgumentException("hypotheses is negative: " + hypotheses);
            }
            if (densePoints < 1000) {
                throw new IllegalArgumentException("dense points is below 1000: " + densePoints);
            }
            return new PartAssembler(this);
        }
    }
}
