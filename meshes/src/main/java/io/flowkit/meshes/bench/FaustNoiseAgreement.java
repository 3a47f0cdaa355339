package io.flowkit.meshes.bench;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.datasets.catalog.FaustRemeshed;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.geometry.UnitBox;
import io.flowkit.meshes.noise.MaternNoise;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Matérn noise ("Matérn Noise for Triangulation-Agnostic Flow Matching on Meshes", 2026) on every
 * remeshing of the FAUST bodies in the data (iso, qes, marching cubes, dense): the variance of the
 * noise's area-weighted mean over one fixed region of the body, which is a property of the surface
 * and should not depend on the triangulation. The region is the ball of radius 0.1 (unit box) around
 * the point of the iso remeshing that the FAUST template's vertex {@value #LANDMARK} maps to, the same
 * point for every remeshing of a body. σ = 5, τ = 100 (the human-body defaults).
 */
public final class FaustNoiseAgreement {

    /** The FAUST template vertex at the centre of the region. */
    public static final int LANDMARK = 3500;
    /** The radius of the region, in the unit box. */
    public static final double RADIUS = 0.1;
    /** The noise amplitude used for human bodies. */
    public static final double SIGMA = 5;

    private FaustNoiseAgreement() {}

    /**
     * One remeshing's figures.
     *
     * @param shape the FAUST body ("080", "081")
     * @param remeshing iso, qes, mc or dense
     * @param vertices its vertex count
     * @param operator what building the robust Laplacian met (flips, mollification, degenerate triangles)
     * @param regionArea the area of the region on this remeshing
     * @param variance the variance of the region's area-weighted mean over the samples' channels
     * @param ratio the variance over the iso remeshing's variance of the same body
     */
    public record Row(String shape, String remeshing, int vertices, LaplaceBeltrami.Report operator, double regionArea,
            double variance, double ratio) {}

    /**
     * Samples the noise on every remeshing of every body.
     *
     * @param seeds samples per remeshing (3 channels each), at least 2
     * @return one row per body and remeshing, iso first for each body
     * @throws IOException if the data cannot be read
     * @throws IllegalArgumentException if seeds is below 2
     */
    public static List<Row> run(int seeds) throws IOException {
        if (seeds < 2) {
            throw new IllegalArgumentException("seeds is below 2: " + seeds);
        }
        FaustRemeshed faust = FaustRemeshed.load();
        List<Row> rows = new ArrayList<>();
        for (String shape : FaustRemeshed.SHAPES) {
            FaustRemeshed.Shape iso = faust.read(shape, "iso");
            double[] centre = landmark(iso);
            double isoVariance = Double.NaN;
            for (String remeshing : FaustRemeshed.REMESHINGS) {
                TriangleMesh mesh = UnitBox.scale((remeshing.equals("iso") ? iso : faust.read(shape, remeshing)).mesh());
                MaternNoise noise = MaternNoise.builder().setMesh(mesh).optSigma(SIGMA).optChannels(3).build();
                double[] v = mesh.vertices();
                double[] mass = noise.operator().massDiagonal();
                double[] weight = new double[mass.length];
                double area = 0;
                for (int i = 0; i < mass.length; i++) {
                    double dx = v[3 * i] - centre[0];
                    double dy = v[3 * i + 1] - centre[1];
                    double dz = v[3 * i + 2] - centre[2];
                    if (dx * dx + dy * dy + dz * dz < RADIUS * RADIUS) {
                        weight[i] = mass[i];
                        area += mass[i];
                    }
                }
                double sum = 0;
                for (int s = 0; s < seeds; s++) {
                    double[] x = noise.sample(s);
                    for (int c = 0; c < 3; c++) {
                        double mean = 0;
                        for (int i = 0; i < weight.length; i++) {
                            mean += weight[i] * x[3 * i + c];
                        }
                        mean /= area;
                        sum += mean * mean;
                    }
                }
                double variance = sum / (3.0 * seeds);
                if (remeshing.equals("iso")) {
                    isoVariance = variance;
                }
                rows.add(new Row(shape, remeshing, mesh.vertexCount(), noise.operator().report(), area, variance,
                        variance / isoVariance));
            }
        }
        return rows;
    }

    /** The unit-box position of the landmark on the iso remeshing. */
    private static double[] landmark(FaustRemeshed.Shape iso) {
        TriangleMesh mesh = UnitBox.scale(iso.mesh());
        double[] v = mesh.vertices();
        int[] template = iso.templateIndex();
        for (int i = 0; i < template.length; i++) {
            if (template[i] == LANDMARK) {
                return new double[] {v[3 * i], v[3 * i + 1], v[3 * i + 2]};
            }
        }
        throw new IllegalStateException("no vertex of the iso remeshing maps to template vertex " + LANDMARK);
    }
}
