package io.flowkit.validation.molecule;

import io.flowkit.validation.report.ResultTable;
import java.util.Arrays;

/**
 * A summary of per-structure (or per-reaction) RMSDs: count, mean, median, and the share of
 * structures below each threshold (for example 0.1 and 0.2 Å for transition-state geometries, as
 * reported by generative TS models such as OA-ReactDiff, Duan et al. 2023, and React-OT, Duan et al.
 * 2025). A value equal to a threshold counts as below ("≤").
 */
public final class RmsdSummary {

    /** Common thresholds for transition-state geometries, in Å. */
    public static final double[] DEFAULT_THRESHOLDS = {0.1, 0.2, 0.5};

    private final double[] sorted;
    private final double[] thresholds;
    private final double mean;

    private RmsdSummary(double[] sorted, double[] thresholds, double mean) {
        this.sorted = sorted;
        this.thresholds = thresholds;
        this.mean = mean;
    }

    /**
     * Summarises RMSDs with the {@link #DEFAULT_THRESHOLDS}.
     *
     * @param rmsds one RMSD per structure in Å, at least one, finite and non-negative
     * @return the summary
     * @throws IllegalArgumentException on an empty list or a bad value
     */
    public static RmsdSummary of(double[] rmsds) {
        return of(rmsds, DEFAULT_THRESHOLDS);
    }

    /**
     * Summarises RMSDs with given thresholds.
     *
     * @param rmsds one RMSD per structure in Å, at least one, finite and non-negative
     * @param thresholds thresholds in Å, positive
     * @return the summary
     * @throws IllegalArgumentException on an empty list, a bad value or a bad threshold
     */
    public static RmsdSummary of(double[] rmsds, double... thresholds) {
        if (rmsds == null || rmsds.length == 0) {
            throw new IllegalArgumentException("rmsds are empty");
        }
        double sum = 0;
        for (int i = 0; i < rmsds.length; i++) {
            if (!(rmsds[i] >= 0) || !Double.isFinite(rmsds[i])) {
                throw new IllegalArgumentException("rmsd " + i + " is not finite and non-negative: " + rmsds[i]);
            }
            sum += rmsds[i];
        }
        if (thresholds == null) {
            throw new IllegalArgumentException("thresholds are null");
        }
        for (double t : thresholds) {
            io.flowkit.validation.internal.Checks.positive(t, "threshold");
        }
        double[] sorted = rmsds.clone();
        Arrays.sort(sorted);
        return new RmsdSummary(sorted, thresholds.clone(), sum / rmsds.length);
    }

    /** @return the number of structures */
    public int count() {
        return sorted.length;
    }

    /** @return the mean RMSD in Å */
    public double mean() {
        return mean;
    }

    /** @return the median RMSD in Å (mean of the two middle values for an even count) */
    public double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /**
     * The share of structures with RMSD at or below a threshold.
     *
     * @param threshold in Å
     * @return the fraction in [0, 1]
     */
    public double shareBelow(double threshold) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo / (double) sorted.length;
    }

    /** @return a copy of the thresholds */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /**
     * The summary as a one-row table: count, mean, median, then one "≤ t Å" share column per
     * threshold.
     *
     * @param label the row label (for example the method's name)
     * @return the table
     */
    public ResultTable toTable(String label) {
        String[] columns = new String[4 + thresholds.length];
        Object[] row = new Object[columns.length];
        columns[0] = "method";
        columns[1] = "n";
        columns[2] = "mean RMSD (Å)";
        columns[3] = "median RMSD (Å)";
        row[0] = label;
        row[1] = count();
        row[2] = mean();
        row[3] = median();
        for (int k = 0; k < thresholds.length; k++) {
            columns[4 + k] = "≤ " + thresholds[k] + " Å";
            row[4 + k] = shareBelow(thresholds[k]);
        }
        return ResultTable.builder().setColumns(columns).addRow(row)
                .optNote("RMSD after optimal superposition (Kabsch); shares are fractions of structures.").build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RmsdSummary[n=" + count() + ", mean=" + mean + ", median=" + median());
        for (double t : thresholds) {
            sb.append(", ≤").append(t).append('=').append(shareBelow(t));
        }
        return sb.append(']').toString();
    }
}
