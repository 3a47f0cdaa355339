package io.flowkit.meshes.flow;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.geometry.UnitBox;
import io.flowkit.meshes.noise.MaternNoise;
import io.flowkit.meshes.operators.PoissonSolve;
import java.util.SplittableRandom;

/**
 * One mesh as a mesh flow sees it: the rest surface moved to the unit box (scaled by its longest
 * bounding-box side, centred on its area centroid), its lumped vertex areas, its factored Poisson
 * operator and its source noise. Every part is defined by the surface, not by how it is
 * triangulated: two triangulations of one surface get the same frame, and signals expressed in it
 * can be compared point by point.
 *
 * <p>Signals are vertex-major xyz arrays (3 channels). Boundaries are treated as by the cotangent
 * Laplacian, with the natural (Neumann) condition. Immutable and thread-safe.
 */
public final class MeshDomain {

    private final TriangleMesh mesh;
    private final TriangleMesh unit;
    private final double scale;
    private final double[] centre;
    private final double[] mass;
    private final double area;
    private final PoissonSolve poisson;
    private final MaternNoise matern;
    private final MeshFlowConfig config;
    private final HostArrays host;

    /** Float copies of the constant inputs of the denoiser, copied into each step's arrays. */
    record HostArrays(int[] faces, float[] basisTransposed, float[] faceRest, float[] rest, float[] massWeight,
            float[] areaWeight) {}

    private MeshDomain(TriangleMesh mesh, String name, MeshFlowConfig config) {
        requireTriangle(mesh, name);
        this.mesh = mesh;
        this.config = config;
        this.scale = UnitBox.scaleFactor(mesh);
        double[] v = mesh.vertices();
        double[] c = new double[3];
        double total = 0;
        int[] f = mesh.faces();
        for (int t = 0; t < mesh.faceCount(); t++) {
            double a = mesh.faceArea(t);
            total += a;
            for (int i = 0; i < 3; i++) {
                for (int d = 0; d < 3; d++) {
                    c[d] += a * v[3 * f[3 * t + i] + d] / 3;
                }
            }
        }
        for (int d = 0; d < 3; d++) {
            c[d] /= total;
        }
        this.centre = c;
        for (int i = 0; i < v.length; i++) {
            v[i] = (v[i] - c[i % 3]) * scale;
        }
        this.unit = mesh.withVertices(v);
        this.matern = config.noise() == SourceNoise.MATERN
                ? MaternNoise.builder().setMesh(unit).optTau(config.tau()).optSigma(config.sigma()).optChannels(3).build()
                : null;
        // The Poisson solve inverts the denoiser's per-face gradients, so it uses their Laplacian
        // G^T A G (the classic cotangent one where defined); the noise uses the robust Laplacian.
        // The vertex areas (the loss's weights) are the Poisson operator's, as in training so far.
        LaplaceBeltrami operator = PoissonSolve.gradientLaplacian(unit);
        this.poisson = PoissonSolve.of(unit, operator, config.regularisation());
        this.mass = operator.massDiagonal();
        this.area = operator.area();
        this.host = hostArrays();
    }

    private HostArrays hostArrays() {
        io.flowkit.meshes.operators.FaceGradients g = poisson.gradients();
        int m = g.faceCount();
        double[] basis = g.basis();
        float[] basisT = new float[9 * m];
        for (int t = 0; t < m; t++) {
            for (int c = 0; c < 3; c++) {
                for (int d = 0; d < 3; d++) {
                    // [t][c][d] with c the corner: the layout the network multiplies corner values by
                    basisT[9 * t + 3 * c + d] = (float) basis[9 * t + 3 * c + d];
                }
            }
        }
        double[] normals = g.normals();
        double[] areas = g.areas();
        double[] v = unit.vertices();
        int[] f = unit.faces();
        float[] faceRest = new float[6 * m];
        float[] areaWeight = new float[m];
        for (int t = 0; t < m; t++) {
            for (int d = 0; d < 3; d++) {
                faceRest[6 * t + d] = (float) normals[3 * t + d];
                faceRest[6 * t + 3 + d] = (float) ((v[3 * f[3 * t] + d] + v[3 * f[3 * t + 1] + d]
                        + v[3 * f[3 * t + 2] + d]) / 3);
            }
            areaWeight[t] = (float) (areas[t] / area);
        }
        float[] rest = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            rest[i] = (float) v[i];
        }
        float[] massWeight = new float[mass.length];
        for (int i = 0; i < mass.length; i++) {
            massWeight[i] = (float) (mass[i] / area);
        }
        return new HostArrays(f, basisT, faceRest, rest, massWeight, areaWeight);
    }

    HostArrays host() {
        return host;
    }

    /**
     * Prepares a mesh.
     *
     * @param mesh the rest mesh, in its own coordinates
     * @param name how to call it in messages (a file name)
     * @param config the flow's settings (noise and Poisson regulariser)
     * @return the domain
     * @throws IllegalArgumentException if no triangle of the mesh has three distinct vertices (any
     *     other triangulation is served by the robust Laplacian)
     */
    public static MeshDomain of(TriangleMesh mesh, String name, MeshFlowConfig config) {
        return new MeshDomain(mesh, name, config);
    }

    /** @return the flow settings the domain was prepared with */
    public MeshFlowConfig config() {
        return config;
    }

    /** @return the mesh as given */
    public TriangleMesh mesh() {
        return mesh;
    }

    /** @return the rest mesh in the unit frame */
    public TriangleMesh unitMesh() {
        return unit;
    }

    /** @return the number of vertices */
    public int vertexCount() {
        return unit.vertexCount();
    }

    /** @return the lumped area of each vertex in the unit frame (a copy) */
    public double[] mass() {
        return mass.clone();
    }

    /** @return the surface area in the unit frame */
    public double area() {
        return area;
    }

    /** @return the factored Poisson operator in the unit frame */
    public PoissonSolve poisson() {
        return poisson;
    }

    /**
     * Maps positions from the mesh's coordinates to the unit frame.
     *
     * @param positions vertex-major xyz of this mesh's vertices
     * @return a new array
     * @throws IllegalArgumentException if the length is not 3 · vertices
     */
    public double[] toUnit(double[] positions) {
        checkLength(positions);
        double[] out = new double[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (positions[i] - centre[i % 3]) * scale;
        }
        return out;
    }

    /**
     * Maps positions from the unit frame back to the mesh's coordinates.
     *
     * @param positions vertex-major xyz in the unit frame
     * @return a new array
     * @throws IllegalArgumentException if the length is not 3 · vertices
     */
    public double[] fromUnit(double[] positions) {
        checkLength(positions);
        double[] out = new double[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = positions[i] / scale + centre[i % 3];
        }
        return out;
    }

    /**
     * Subtracts the area-weighted mean of each channel, in place.
     *
     * @param signal vertex-major xyz
     * @return the same array
     */
    public double[] centre(double[] signal) {
        checkLength(signal);
        double[] mean = new double[3];
        for (int v = 0; v < mass.length; v++) {
            for (int d = 0; d < 3; d++) {
                mean[d] += mass[v] * signal[3 * v + d];
            }
        }
        for (int i = 0; i < signal.length; i++) {
            signal[i] -= mean[i % 3] / area;
        }
        return signal;
    }

    /**
     * One source sample x0 in the unit frame, with area-weighted mean 0.
     *
     * @param seed random seed; the same seed gives the same sample
     * @return vertex-major xyz
     */
    public double[] noise(long seed) {
        if (matern != null) {
            return matern.sample(seed);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[3 * mass.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = config.sigma() * random.nextGaussian();
        }
        return centre(x);
    }

    private void checkLength(double[] signal) {
        if (signal.length != 3 * mass.length) {
            throw new IllegalArgumentException("signal has " + signal.length + " values, expected 3 x "
                    + mass.length + " vertices");
        }
    }

    /** The robust Laplacian serves any mesh with one triangle of three distinct vertices. */
    private static void requireTriangle(TriangleMesh mesh, String name) {
        int[] f = mesh.faces();
        for (int t = 0; t < f.length; t += 3) {
            if (f[t] != f[t + 1] && f[t + 1] != f[t + 2] && f[t + 2] != f[t]) {
                return;
            }
        }
        throw new IllegalArgumentException("mesh " + name + " has no triangle with three distinct vertices");
    }
}
