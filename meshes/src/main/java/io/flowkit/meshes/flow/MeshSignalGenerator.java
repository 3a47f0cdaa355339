package io.flowkit.meshes.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.grid.TimeGrid;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.flow.solve.VelocityFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Generates signals on a mesh with a trained {@link MeshFlowModel}: draws the source noise of the
 * mesh and integrates {@code dx/dt = v(x, t)} from t = 0 to 1 (the paper's sampler: the midpoint
 * method with step 0.05). The mesh may be any triangulation of the surface the model was trained
 * on (or, at the user's risk, another surface): noise, operators and frame all come from the mesh
 * given here. Results are vertex positions in the mesh's own coordinates.
 *
 * <pre>{@code
 * MeshSignalGenerator g = MeshSignalGenerator.builder().setModel(model).setMesh(mesh, "elephant.obj").build();
 * List<TriangleMesh> poses = g.generateMeshes(8, 42);
 * }</pre>
 */
public final class MeshSignalGenerator {

    private final MeshFlowModel model;
    private final MeshDomain domain;
    private final TimeGrid grid;
    private final OdeSolver solver;
    private final int batchSize;

    private MeshSignalGenerator(Builder b) {
        this.model = b.model;
        this.domain = b.domain != null ? b.domain : MeshDomain.of(b.mesh, b.name, b.model.config());
        this.grid = b.grid != null ? b.grid : TimeGrid.uniform(b.steps);
        this.solver = b.solver;
        this.batchSize = b.batchSize;
    }

    /** @return a builder; model and mesh are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the mesh as the flow sees it */
    public MeshDomain domain() {
        return domain;
    }

    /**
     * Generates signals.
     *
     * @param count how many, at least 1
     * @param seed the seed; sample i uses noise seed {@code seed + i}, so the same seed gives the
     *     same samples whatever the batch size
     * @return vertex-major xyz positions in the mesh's coordinates, one array per sample
     * @throws IllegalArgumentException if count is not positive
     */
    public List<double[]> generate(int count, long seed) {
        return generate(count, seed, done -> {});
    }

    /**
     * Generates signals, reporting progress.
     *
     * @param count how many, at least 1
     * @param seed the seed (see {@link #generate(int, long)})
     * @param progress receives the number of finished samples after each batch
     * @return vertex-major xyz positions in the mesh's coordinates
     * @throws IllegalArgumentException if count is not positive
     */
    public List<double[]> generate(int count, long seed, IntConsumer progress) {
        if (count < 1) {
            throw new IllegalArgumentException("count is not positive: " + count);
        }
        int n = domain.vertexCount();
        List<double[]> out = new ArrayList<>(count);
        try (FlowEngine.GradientMode off = FlowEngine.noGradient()) {
            for (int start = 0; start < count; start += batchSize) {
                int b = Math.min(batchSize, count - start);
                float[] x0 = new float[b * 3 * n];
                for (int k = 0; k < b; k++) {
                    double[] noise = domain.noise(seed + start + k);
                    for (int i = 0; i < noise.length; i++) {
                        x0[k * 3 * n + i] = (float) noise[i];
                    }
                }
                try (NDManager scope = model.manager().newSubManager()) {
                    DomainArrays arrays = DomainArrays.of(domain, scope, b);
                    VelocityFunction field = (x, t) -> velocity(arrays, b, x, t);
                    NDArray result = solver.solve(field, scope.create(x0, new Shape(b, n, 3)), grid,
                            false).state();
                    float[] values = result.toFloatArray();
                    for (int k = 0; k < b; k++) {
                        double[] unit = new double[3 * n];
                        for (int i = 0; i < unit.length; i++) {
                            unit[i] = values[k * 3 * n + i];
                        }
                        out.add(domain.fromUnit(unit));
                    }
                }
                progress.accept(out.size());
            }
        }
        return out;
    }

    /**
     * Generates posed meshes.
     *
     * @param count how many
     * @param seed the seed (see {@link #generate(int, long)})
     * @return the mesh with generated vertex positions, one per sample
     */
    public List<TriangleMesh> generateMeshes(int count, long seed) {
        List<TriangleMesh> meshes = new ArrayList<>(count);
        for (double[] x : generate(count, seed)) {
            meshes.add(domain.mesh().withVertices(x));
        }
        return meshes;
    }

    /** One evaluation in its own manager, so that intermediates are freed at once. */
    private NDArray velocity(DomainArrays arrays, int b, NDArray x, double time) {
        NDManager outer = x.getManager();
        try (NDManager sub = outer.newSubManager()) {
            NDArray xs = x.duplicate();
            xs.attach(sub);
            NDArray t = sub.full(new Shape(b), (float) time);
            NDArray v = model.velocity(domain, arrays, xs, t);
            v.attach(outer);
            return v;
        }
    }

    /** Configures a {@link MeshSignalGenerator}. */
    public static final class Builder {
        private MeshFlowModel model;
        private TriangleMesh mesh;
        private String name = "mesh";
        private MeshDomain domain;
        private int steps = 20;
        private OdeSolver solver = OdeSolver.midpoint();
        private TimeGrid grid;
        private int batchSize = 4;

        private Builder() {}

        /**
         * @param value the trained model (required)
         * @return this builder
         */
        public Builder setModel(MeshFlowModel value) {
            this.model = value;
            return this;
        }

        /**
         * @param value the rest mesh to generate on (required, unless a domain is given)
         * @param label how to call it in messages
         * @return this builder
         */
        public Builder setMesh(TriangleMesh value, String label) {
            this.mesh = value;
            this.name = label;
            return this;
        }

        /**
         * @param value a prepared mesh (its settings must be the model's), instead of
         *     {@link #setMesh}
         * @return this builder
         */
        public Builder optDomain(MeshDomain value) {
            this.domain = value;
            return this;
        }

        /**
         * @param value the step size, dividing 1 (default 0.05: 20 steps)
         * @return this builder
         */
        public Builder optStepSize(double value) {
            if (!(value > 0) || value > 1) {
                throw new IllegalArgumentException("step size is not in (0, 1]: " + value);
            }
            this.steps = (int) Math.round(1 / value);
            this.grid = null;
            return this;
        }

        /**
         * @param value euler, midpoint (default), heun or rk4
         * @return this builder
         */
        public Builder optSolver(String value) {
            return optSolver(OdeSolver.byName(value));
        }

        /**
         * The solver, as every flowkit generator takes it.
         *
         * @param value a solver of {@link OdeSolver} (default midpoint)
         * @return this builder
         */
        public Builder optSolver(OdeSolver value) {
            this.solver = java.util.Objects.requireNonNull(value, "solver");
            return this;
        }

        /**
         * @param value steps of a fixed-step solver on a uniform grid (default 20)
         * @return this builder
         */
        public Builder optSteps(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("steps is below 1: " + value);
            }
            this.steps = value;
            this.grid = null;
            return this;
        }

        /**
         * @param value the time grid, e.g. a Bellman-optimal one (replaces the steps)
         * @return this builder
         */
        public Builder optTimeGrid(TimeGrid value) {
            this.grid = java.util.Objects.requireNonNull(value, "grid");
            return this;
        }

        /**
         * @param value samples integrated together (default 4)
         * @return this builder
         */
        public Builder optBatchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /**
         * @return the generator (factors the mesh's operators)
         * @throws IllegalArgumentException if the model or mesh is missing, the mesh is bad, or a
         *     setting is invalid
         */
        public MeshSignalGenerator build() {
            if (model == null) {
                throw new IllegalArgumentException("a model is required");
            }
            if (mesh == null && domain == null) {
                throw new IllegalArgumentException("a mesh is required");
            }
            if (domain != null && !domain.config().equals(model.config())) {
                throw new IllegalArgumentException("the mesh was prepared with settings " + domain.config()
                        + " but the model has " + model.config());
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size is not positive: " + batchSize);
            }
            Objects.requireNonNull(name, "name");
            return new MeshSignalGenerator(this);
        }
    }
}
