package io.flowkit.validation.mesh;

import io.flowkit.core.laplace.LaplaceBeltrami;
import io.flowkit.validation.report.ResultTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tests whether random fields on a surface depend on its triangulation: the same statistics are
 * computed for sample fields on two meshes of one surface and compared with Monte-Carlo error
 * bars. Per statistic it reports the sample mean and its standard error on each mesh, their
 * difference, and {@code z = (mean₁ − mean₂) / sqrt(se₁² + se₂²)}; {@code |z|} of a few or less is
 * consistent with no dependence, large {@code |z|} shows one. The samples of the two meshes are
 * treated as independent (Welch's unpaired comparison); for the same fields evaluated on both meshes
 * this is conservative.
 *
 * <p>The statistics, all per unit area so that the meshes' slightly different areas do not matter:
 * the area-weighted variance ({@link FieldStatistics#areaVariance}), the Dirichlet energy per area
 * ({@link FieldStatistics#dirichletEnergyPerArea}), and the spectral energy
 * ({@link SpectralProfile}) in eigenvalue bands. Band edges are the same on both meshes; by
 * default the range up to 90% of the smaller of the two largest computed eigenvalues is split into
 * four bands plus the constant mode, each edge moved to the middle of the widest gap of the first
 * spectrum nearby, so that an eigenvalue does not fall on different sides of an edge on the two
 * meshes.
 */
public final class TriangulationComparison {

    private final String firstName;
    private final String secondName;
    private final List<Row> rows;

    private TriangulationComparison(String firstName, String secondName, List<Row> rows) {
        this.firstName = firstName;
        this.secondName = secondName;
        this.rows = List.copyOf(rows);
    }

    /**
     * Compares sample fields on two triangulations with the default band edges.
     *
     * @param first the first mesh: name, operator, eigenpairs and samples
     * @param second the second mesh
     * @return the comparison
     * @throws IllegalArgumentException if a side has fewer than 2 samples or a field has the wrong
     *     length
     */
    public static TriangulationComparison of(Side first, Side second) {
        return of(first, second, defaultEdges(first.eigenpairs.values(), second.eigenpairs.values()));
    }

    /**
     * Compares sample fields on two triangulations with given eigenvalue band edges.
     *
     * @param first the first mesh
     * @param second the second mesh
     * @param bandEdges increasing eigenvalue edges; band j is {@code [edges[j], edges[j+1])}
     * @return the comparison
     * @throws IllegalArgumentException on fewer than 2 samples, bad fields or edges
     */
    public static TriangulationComparison of(Side first, Side second, double[] bandEdges) {
        if (bandEdges == null || bandEdges.length < 2) {
            throw new IllegalArgumentException("band edges need at least 2 values");
        }
        for (int j = 1; j < bandEdges.length; j++) {
            if (!(bandEdges[j] > bandEdges[j - 1])) {
                throw new IllegalArgumentException("band edges are not increasing at " + j + ": " + Arrays.toString(bandEdges));
            }
        }
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("area-weighted variance", first.map(FieldStatistics::areaVariance),
                second.map(FieldStatistics::areaVariance)));
        rows.add(Row.of("Dirichlet energy / area", first.map(FieldStatistics::dirichletEnergyPerArea),
                second.map(FieldStatistics::dirichletEnergyPerArea)));
        SpectralProfile p1 = SpectralProfile.of(first.operator, first.eigenpairs, first.samples);
        SpectralProfile p2 = SpectralProfile.of(second.operator, second.eigenpairs, second.samples);
        for (int j = 0; j + 1 < bandEdges.length; j++) {
            String name = bandEdges[j] <= 0 && j == 0 && bandEdges[1] < 1e-3 * bandEdges[bandEdges.length - 1]
                    ? "spectral energy, constant mode (λ ≈ 0)"
                    : String.format(java.util.Locale.ROOT, "spectral energy, λ in [%.3g, %.3g)", bandEdges[j], bandEdges[j + 1]);
            rows.add(Row.of(name, p1.bandEnergy(bandEdges[j], bandEdges[j + 1]), p2.bandEnergy(bandEdges[j], bandEdges[j + 1])));
        }
        return new TriangulationComparison(first.name, second.name, rows);
    }

    /**
     * The default band edges: 0, a small edge that isolates the constant mode, then four bands up to
     * 90% of the smaller largest eigenvalue, each inner edge moved to the widest gap of the first
     * spectrum within an eighth of the range.
     *
     * @param first eigenvalues of the first mesh, increasing
     * @param second eigenvalues of the second mesh, increasing
     * @return the edges
     */
    static double[] defaultEdges(double[] first, double[] second) {
        double top = 0.9 * Math.min(first[first.length - 1], second[second.length - 1]);
        if (!(top > 0)) {
            throw new IllegalArgumentException("need non-zero eigenvalues to form bands");
        }
        double[] edges = new double[6];
        edges[0] = -1e-9 * top;
        edges[1] = 1e-6 * top;
        for (int j = 1; j <= 4; j++) {
            double target = top * j / 4;
            double best = target;
            double widest = -1;
            for (int i = 0; i + 1 < first.length; i++) {
                double mid = 0.5 * (first[i] + first[i + 1]);
                double gap = first[i + 1] - first[i];
                if (Math.abs(mid - target) <= top / 8 && gap > widest && mid > edges[j]) {
                    widest = gap;
                    best = mid;
                }
            }
            edges[j + 1] = j == 4 ? Math.min(best, top) : best;
        }
        return edges;
    }

    /** @return the statistics, one row each */
    public List<Row> rows() {
        return rows;
    }

    /** @return the largest |z| over the statistics */
    public double maxAbsZ() {
        double m = 0;
        for (Row r : rows) {
            m = Math.max(m, Math.abs(r.z()));
        }
        return m;
    }

    /** @return the comparison as a table (statistic, mean ± standard error per mesh, difference, z) */
    public ResultTable toTable() {
        ResultTable.Builder b = ResultTable.builder()
                .setColumns("statistic", firstName + " mean", firstName + " s.e.", secondName + " mean",
                        secondName + " s.e.", "difference", "z")
                .optDecimals("z", 2)
                .optNote("z = difference / sqrt(s.e.₁² + s.e.₂²); |z| of a few or less: no detectable dependence on the triangulation.");
        for (Row r : rows) {
            b.addRow(r.statistic(), r.firstMean(), r.firstError(), r.secondMean(), r.secondError(), r.difference(), r.z());
        }
        return b.build();
    }

    /**
     * One side of the comparison: a mesh with its operator, eigenbasis and sample fields.
     *
     * @param name a label for tables
     * @param operator the mesh operator
     * @param eigenpairs its smallest eigenpairs
     * @param samples sample fields, one value per vertex
     */
    public record Side(String name, LaplaceBeltrami operator, Eigenpairs eigenpairs, List<double[]> samples) {

        /** Validates the side. */
        public Side {
            if (samples == null || samples.size() < 2) {
                throw new IllegalArgumentException("side '" + name + "' needs at least 2 samples for an error bar");
            }
            if (eigenpairs.dimension() != operator.size()) {
                throw new IllegalArgumentException("side '" + name + "' eigenpairs have dimension "
                        + eigenpairs.dimension() + " but the mesh has " + operator.size() + " vertices");
            }
            samples = List.copyOf(samples);
        }

        private double[] map(java.util.function.ToDoubleBiFunction<LaplaceBeltrami, double[]> statistic) {
            double[] out = new double[samples.size()];
            for (int s = 0; s < out.length; s++) {
                out[s] = statistic.applyAsDouble(operator, samples.get(s));
            }
            return out;
        }
    }

    /**
     * One compared statistic.
     *
     * @param statistic its name
     * @param firstMean mean over the first mesh's samples
     * @param firstError its standard error
     * @param secondMean mean over the second mesh's samples
     * @param secondError its standard error
     */
    public record Row(String statistic, double firstMean, double firstError, double secondMean, double secondError) {

        static Row of(String name, double[] a, double[] b) {
            return new Row(name, mean(a), standardError(a), mean(b), standardError(b));
        }

        /** @return {@code firstMean − secondMean} */
        public double difference() {
            return firstMean - secondMean;
        }

        /** @return the difference in units of its standard error (0 when both errors vanish and the means agree) */
        public double z() {
            double se = Math.sqrt(firstError * firstError + secondError * secondError);
            double d = difference();
            return se > 0 ? d / se : (d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d));
        }

        private static double mean(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            return s / x.length;
        }

        private static double standardError(double[] x) {
            double m = mean(x);
            double s = 0;
            for (double v : x) {
                s += (v - m) * (v - m);
            }
            return Math.sqrt(s / (x.length - 1) / x.length);
        }
    }
}
