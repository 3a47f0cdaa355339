package io.flowkit.pointclouds.eval;

import io.flowkit.validation.pointcloud.Chamfer;
import io.flowkit.validation.pointcloud.Uniformity;
import io.flowkit.validation.report.ResultTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The side-by-side table of upsampling results: one row per (method, mesh), then one average row
 * per method, values × 10³ as in PU-GAN and PUFM++ tables.
 *
 * <p>Columns: {@code method}, {@code mesh}, {@code CD ×10⁻³}, {@code HD ×10⁻³},
 * {@code P2F ×10⁻³} (mean), {@code P2F std ×10⁻³}, then the uniformity at each of PU-GAN's five
 * disk shares ({@code U 0.4% ×10⁻³} … {@code U 1.2% ×10⁻³}), so that rows compare with PU-GAN's
 * Table 1 column by column; see {@link UpsamplingMetrics} for the conventions. Mesh rows are
 * grouped by mesh (meshes and methods in the order first added); the average row of a method is
 * labelled {@value #AVERAGE}, or {@code average of k} when it covers only k of the meshes.
 *
 * <p>Build it with {@link #builder()}; a caller adds its own method's rows (the flow model) next
 * to the baselines'.
 */
public final class UpsamplingReport {

    /** The mesh label of a method's average row when it covers every mesh. */
    public static final String AVERAGE = "average";

    private final String title;
    private final List<String> notes;
    private final Map<String, Map<String, UpsamplingMetrics>> byMethod;
    private final List<String> meshes;

    private UpsamplingReport(Builder b) {
        this.title = b.title;
        this.notes = List.copyOf(b.notes);
        Map<String, Map<String, UpsamplingMetrics>> copy = new LinkedHashMap<>();
        b.byMethod.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.byMethod = java.util.Collections.unmodifiableMap(copy);
        this.meshes = List.copyOf(b.meshes);
    }

    /** @return a builder without rows */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the column names of {@link #table()}, in order */
    public static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("method", "mesh", "CD ×10⁻³", "HD ×10⁻³", "P2F ×10⁻³", "P2F std ×10⁻³"));
        for (double p : Uniformity.PU_GAN_PERCENTAGES) {
            c.add(uniformityColumn(p));
        }
        return c;
    }

    private static String uniformityColumn(double p) {
        return String.format(Locale.ROOT, "U %.1f%% ×10⁻³", 100 * p);
    }

    /** @return the methods, in the order first added */
    public List<String> methods() {
        return List.copyOf(byMethod.keySet());
    }

    /** @return the meshes, in the order first added */
    public List<String> meshes() {
        return meshes;
    }

    /**
     * The metrics of one method on one mesh.
     *
     * @param method a method name
     * @param mesh a mesh name
     * @return the metrics, if that row was added
     */
    public Optional<UpsamplingMetrics> metrics(String method, String mesh) {
        Map<String, UpsamplingMetrics> m = byMethod.get(method);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(mesh));
    }

    /**
     * The mean of a method's metrics over its meshes.
     *
     * @param method a method name
     * @return the element-wise mean
     * @throws IllegalArgumentException when the method has no row
     */
    public UpsamplingMetrics average(String method) {
        Map<String, UpsamplingMetrics> m = byMethod.get(method);
        if (m == null) {
            throw new IllegalArgumentException("no results for method '" + method + "'; methods are " + byMethod.keySet());
        }
        return UpsamplingMetrics.mean(new ArrayList<>(m.values()));
    }

    /** @return the table: mesh rows grouped by mesh, then one average row per method */
    public ResultTable table() {
        ResultTable.Builder b = ResultTable.builder().optTitle(title).setColumns(columns().toArray(new String[0]));
        for (String mesh : meshes) {
            for (Map.Entry<String, Map<String, UpsamplingMetrics>> e : byMethod.entrySet()) {
                UpsamplingMetrics m = e.getValue().get(mesh);
                if (m != null) {
                    b.addRow(row(e.getKey(), mesh, m));
                }
            }
        }
        for (String method : byMethod.keySet()) {
            int k = byMethod.get(method).size();
            b.addRow(row(method, k == meshes.size() ? AVERAGE : "average of " + k, average(method)));
        }
        b.optNote("CD, HD: PU-GAN convention (each cloud normalised into the unit sphere; CD = sum of the two mean squared "
                + "nearest-neighbour distances, HD = sum of the two maxima of squared distances). P2F: distance of each "
                + "predicted point to the mesh surface, mean and standard deviation. U p%: PU-GAN uniformity for disks "
                + "covering p% of the surface (1,000 disks). All values × 10³; lower is better.");
        notes.forEach(b::optNote);
        return b.build();
    }

    /**
     * How far each method is from a reference method (the oracle), over the meshes both have: the
     * ratio of its mean CD and HD to the reference's, and the difference of the mean P2F (a ratio
     * would be meaningless: the oracle's points lie on the surface, P2F ≈ 0).
     *
     * @param reference the reference method
     * @return a table with columns {@code method}, {@code meshes}, {@code CD / ref}, {@code HD / ref},
     *     {@code P2F − ref ×10⁻³}
     * @throws IllegalArgumentException when the reference has no row
     */
    public ResultTable relativeTo(String reference) {
        Map<String, UpsamplingMetrics> ref = byMethod.get(reference);
        if (ref == null) {
            throw new IllegalArgumentException("no results for reference method '" + reference + "'; methods are "
                    + byMethod.keySet());
        }
        ResultTable.Builder b = ResultTable.builder().optTitle("relative to " + reference)
                .setColumns("method", "meshes", "CD / ref", "HD / ref", "P2F − ref ×10⁻³").optDecimals("CD / ref", 2)
                .optDecimals("HD / ref", 2);
        for (Map.Entry<String, Map<String, UpsamplingMetrics>> e : byMethod.entrySet()) {
            List<UpsamplingMetrics> mine = new ArrayList<>();
            List<UpsamplingMetrics> theirs = new ArrayList<>();
            for (Map.Entry<String, UpsamplingMetrics> row : e.getValue().entrySet()) {
                UpsamplingMetrics r = ref.get(row.getKey());
                if (r != null) {
                    mine.add(row.getValue());
                    theirs.add(r);
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            UpsamplingMetrics a = UpsamplingMetrics.mean(mine);
            UpsamplingMetrics r = UpsamplingMetrics.mean(theirs);
            b.addRow(e.getKey(), mine.size(), a.chamfer() / r.chamfer(), a.hausdorff() / r.hausdorff(),
                    (a.p2fMean() - r.p2fMean()) * Chamfer.REPORT_SCALE);
        }
        b.optNote("Means over the meshes a method shares with " + reference + ": CD and HD as ratios (1 is as good as "
                + reference + "), P2F as a difference × 10³.");
        return b.build();
    }

    private static Object[] row(String method, String mesh, UpsamplingMetrics m) {
        double s = Chamfer.REPORT_SCALE;
        double[] u = m.uniformity();
        Object[] row = new Object[6 + u.length];
        row[0] = method;
        row[1] = mesh;
        row[2] = m.chamfer() * s;
        row[3] = m.hausdorff() * s;
        row[4] = m.p2fMean() * s;
        row[5] = m.p2fStd() * s;
        for (int k = 0; k < u.length; k++) {
            row[6 + k] = u[k] * s;
        }
        return row;
    }

    @Override
    public String toString() {
        return table().toText();
    }

    /** Collects the rows of an {@link UpsamplingReport}; every setting is optional. */
    public static final class Builder {
        private String title = "Point cloud upsampling";
        private final List<String> notes = new ArrayList<>();
        private final Map<String, Map<String, UpsamplingMetrics>> byMethod = new LinkedHashMap<>();
        private final LinkedHashSet<String> meshes = new LinkedHashSet<>();

        private Builder() {}

        /**
         * @param value the table title (default "Point cloud upsampling")
         * @return this builder
         */
        public Builder optTitle(String value) {
            this.title = value == null ? "" : value;
            return this;
        }

        /**
         * @param note a note printed under the table (data, seeds, ratio)
         * @return this builder
         */
        public Builder optNote(String note) {
            notes.add(note == null ? "" : note);
            return this;
        }

        /**
         * Adds the result of one method on one mesh.
         *
         * @param method the method's name, for example "midpoint" or "PUFM++"
         * @param mesh the mesh's name
         * @param metrics its metrics
         * @return this builder
         * @throws IllegalArgumentException when that (method, mesh) row was already added, or a name is
         *     blank or the reserved label {@value UpsamplingReport#AVERAGE}
         */
        public Builder add(String method, String mesh, UpsamplingMetrics metrics) {
            Objects.requireNonNull(metrics, "metrics");
            if (method == null || method.isBlank()) {
                throw new IllegalArgumentException("method name is blank");
            }
            if (mesh == null || mesh.isBlank() || mesh.startsWith(AVERAGE)) {
                throw new IllegalArgumentException("mesh name is blank or starts with '" + AVERAGE + "': " + mesh);
            }
            Map<String, UpsamplingMetrics> rows = byMethod.computeIfAbsent(method, k -> new LinkedHashMap<>());
            if (rows.containsKey(mesh)) {
                throw new IllegalArgumentException("result of method '" + method + "' on mesh '" + mesh + "' added twice");
            }
            rows.put(mesh, metrics);
            meshes.add(mesh);
            return this;
        }

        /** @return the report */
        public UpsamplingReport build() {
            return new UpsamplingReport(this);
        }
    }
}
