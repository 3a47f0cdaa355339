package io.flowkit.meshes.bench;

import io.flowkit.datasets.mesh.LinearBlendSkinning;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.meshes.flow.MeshDomain;
import io.flowkit.meshes.flow.MeshFlowModel;
import io.flowkit.meshes.flow.MeshSignalGenerator;
import io.flowkit.meshes.geometry.SurfaceTransfer;
import io.flowkit.validation.distribution.Mmd;
import java.util.ArrayList;
import java.util.List;

/**
 * The triangulation-agnosticism test of a mesh flow ("Matérn Noise for Triangulation-Agnostic Flow
 * Matching on Meshes", 2026): a model trained on triangulation A of a surface generates on A and
 * on another triangulation B of the same surface; the samples from B are carried to A's vertices by
 * closest point ({@link SurfaceTransfer}) and the two sets are compared.
 *
 * <p>All distances are area-weighted L2 distances between position fields in A's unit frame,
 * {@code sqrt(Σ_i M_ii |x_i − y_i|² / area)}: the distance of each sample to its nearest training
 * signal, the diversity (mean pairwise distance within a set), and MMD² (unbiased, Gaussian kernels
 * at ½, 1 and 2 times the median distance between training signals) between the set from A and the
 * set from B, beside the MMD² between two independent sets from A (the Monte Carlo floor).
 */
public final class FlowAgnosticism {

    private final MeshDomain a;
    private final TriangleMesh meshB;
    private final List<double[]> training;
    private final double[] sqrtWeight;
    private final Mmd mmd;
    private final double trainingMedian;

    /**
     * Prepares the comparison.
     *
     * @param domainA triangulation A as the models see it (its settings do not matter here)
     * @param meshB triangulation B of the same surface, in the same coordinates
     * @param trainingSignals the training signals on A, in A's coordinates
     */
    public FlowAgnosticism(MeshDomain domainA, TriangleMesh meshB, List<double[]> trainingSignals) {
        this.a = domainA;
        this.meshB = meshB;
        double[] mass = a.mass();
        this.sqrtWeight = new double[mass.length];
        for (int i = 0; i < mass.length; i++) {
            sqrtWeight[i] = Math.sqrt(mass[i] / a.area());
        }
        this.training = new ArrayList<>();
        for (double[] s : trainingSignals) {
            training.add(embed(s));
        }
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < training.size(); i += 7) {
            for (int j = i + 7; j < training.size(); j += 7) {
                d.add(distance(training.get(i), training.get(j)));
            }
        }
        double[] sorted = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        this.trainingMedian = sorted.length == 0 ? 1 : sorted[sorted.length / 2];
        this.mmd = Mmd.builder().optBandwidths(trainingMedian / 2, trainingMedian, 2 * trainingMedian).build();
    }

    /**
     * Carries skinning weights from A to B by closest point, for posing B.
     *
     * @param skinning the skinning of A
     * @param meshB triangulation B
     * @return the skinning of B
     */
    public static LinearBlendSkinning transferSkinning(LinearBlendSkinning skinning, TriangleMesh meshB) {
        SurfaceTransfer t = SurfaceTransfer.of(skinning.rest(), meshB.vertices());
        return LinearBlendSkinning.of(meshB, t.apply(skinning.weights(), skinning.boneCount()), skinning.boneCount());
    }

    /** A position field of A in A's centred unit frame, scaled by √(M/area) per vertex. */
    private double[] embed(double[] positions) {
        double[] u = a.centre(a.toUnit(positions));
        for (int i = 0; i < u.length; i++) {
            u[i] *= sqrtWeight[i / 3];
        }
        return u;
    }

    private static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** @return the median distance between training signals (the kernel scale) */
    public double trainingMedian() {
        return trainingMedian;
    }

    /**
     * Runs the test for one model.
     *
     * @param label how to call the model in the result
     * @param model the trained model
     * @param samples samples per set, at least 2
     * @param seed seed of the first set; the others use seed + 1,000,000 and seed + 2,000,000
     * @return the figures
     */
    public Result run(String label, MeshFlowModel model, int samples, long seed) {
        MeshDomain domainA = MeshDomain.of(a.mesh(), "A", model.config());
        MeshDomain domainB = MeshDomain.of(meshB, "B", model.config());
        long start = System.nanoTime();
        List<double[]> onA = MeshSignalGenerator.builder().setModel(model).optDomain(domainA).build().generate(samples, seed);
        double secondsA = (System.nanoTime() - start) / 1e9;
        List<double[]> onA2 = MeshSignalGenerator.builder().setModel(model).optDomain(domainA).build()
                .generate(samples, seed + 1_000_000);
        start = System.nanoTime();
        List<double[]> onB = MeshSignalGenerator.builder().setModel(model).optDomain(domainB).build()
                .generate(samples, seed + 2_000_000);
        double secondsB = (System.nanoTime() - start) / 1e9;
        SurfaceTransfer toA = SurfaceTransfer.of(meshB, a.mesh().vertices());
        double[][] setA = onA.stream().map(this::embed).toArray(double[][]::new);
        double[][] setA2 = onA2.stream().map(this::embed).toArray(double[][]::new);
        double[][] setB = onB.stream().map(x -> embed(toA.apply(x, 3))).toArray(double[][]::new);
        double[][] data = training.toArray(double[][]::new);
        return new Result(label, samples, nearest(setA), nearest(setB), diversity(setA), diversity(setB),
                mmd.compute(setA, setB).squared(), mmd.compute(setA, setA2).squared(), mmd.compute(setA, data).squared(),
                mmd.compute(setB, data).squared(), secondsA / samples, secondsB / samples);
    }

    private double nearest(double[][] set) {
        double sum = 0;
        for (double[] x : set) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] y : training) {
                best = Math.min(best, distance(x, y));
            }
            sum += best;
        }
        return sum / set.length;
    }

    private static double diversity(double[][] set) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < set.length; i++) {
            for (int j = i + 1; j < set.length; j++) {
                sum += distance(set[i], set[j]);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /**
     * The figures of one model.
     *
     * @param label the model
     * @param samples samples per set
     * @param nearestA mean distance of a sample from A to its nearest training signal
     * @param nearestB the same for samples from B (carried to A)
     * @param diversityA mean pairwise distance within the set from A
     * @param diversityB the same for B
     * @param mmdAB MMD² between the sets from A and from B
     * @param mmdAA MMD² between two independent sets from A (the floor)
     * @param mmdDataA MMD² between the set from A and the training signals
     * @param mmdDataB MMD² between the set from B and the training signals
     * @param secondsPerSampleA generation time per sample on A
     * @param secondsPerSampleB generation time per sample on B
     */
    public record Result(String label, int samples, double nearestA, double nearestB, double diversityA,
            double diversityB, double mmdAB, double mmdAA, double mmdDataA, double mmdDataB, double secondsPerSampleA,
            double secondsPerSampleB) {

        /** @return a one-line summary */
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%-12s nearest A %.4f B %.4f | diversity A %.4f B %.4f | MMD² A-B %.4f"
                    + " (A-A' %.4f) | MMD² to data A %.4f B %.4f | s/sample A %.2f B %.2f", label, nearestA, nearestB,
                    diversityA, diversityB, mmdAB, mmdAA, mmdDataA, mmdDataB, secondsPerSampleA, secondsPerSampleB);
        }
    }

    @Override
    public String toString() {
        return "FlowAgnosticism(A " + a.vertexCount() + " vertices, B " + meshB.vertexCount() + " vertices, "
                + training.size() + " training signals, median distance " + trainingMedian + ")";
    }
}
