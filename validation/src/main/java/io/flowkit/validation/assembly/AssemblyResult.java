package io.flowkit.validation.assembly;

import io.flowkit.validation.report.ResultTable;
import java.util.List;

/**
 * The metrics of one assembled object (see {@link AssemblyEvaluation} for the definitions).
 */
public final class AssemblyResult {

    private final PartMatching matching;
    private final double[] rotationErrorsDegrees;
    private final double[] translationErrors;
    private final double shapeChamfer;
    private final double[][] successThresholds;
    private final double[] successRates;

    AssemblyResult(PartMatching matching, double[] rotationErrorsDegrees, double[] translationErrors,
            double shapeChamfer, double[][] successThresholds, double[] successRates) {
        this.matching = matching;
        this.rotationErrorsDegrees = rotationErrorsDegrees.clone();
        this.translationErrors = translationErrors.clone();
        this.shapeChamfer = shapeChamfer;
        this.successThresholds = successThresholds;
        this.successRates = successRates.clone();
    }

    /** @return the Hungarian matching of parts with its per-part Chamfer distances */
    public PartMatching matching() {
        return matching;
    }

    /** @return the share of correct parts (Chamfer to the matched true part below the threshold) */
    public double partAccuracy() {
        return matching.partAccuracy();
    }

    /** @return per-part geodesic rotation errors in degrees */
    public double[] rotationErrorsDegrees() {
        return rotationErrorsDegrees.clone();
    }

    /** @return the mean rotation error over parts, in degrees */
    public double rotationErrorMeanDegrees() {
        double s = 0;
        for (double e : rotationErrorsDegrees) {
            s += e;
        }
        return s / rotationErrorsDegrees.length;
    }

    /** @return the root-mean-square rotation error over parts, in degrees */
    public double rotationErrorRmseDegrees() {
        return rms(rotationErrorsDegrees);
    }

    /** @return per-part translation errors (at the part centroid), in the units of the points */
    public double[] translationErrors() {
        return translationErrors.clone();
    }

    /** @return the root-mean-square translation error over parts */
    public double translationRmse() {
        return rms(translationErrors);
    }

    /** @return the Chamfer distance between the predicted and the true assembled shapes */
    public double shapeChamfer() {
        return shapeChamfer;
    }

    /** @return the (degrees, distance) threshold pairs of the success rates */
    public double[][] successThresholds() {
        double[][] out = new double[successThresholds.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = successThresholds[k].clone();
        }
        return out;
    }

    /** @return per threshold pair, the share of parts within both thresholds */
    public double[] successRates() {
        return successRates.clone();
    }

    /**
     * A table with one row per object: parts, part accuracy, rotation error (mean, RMSE), translation
     * RMSE, shape Chamfer distance and the success rates.
     *
     * @param ids one label per result
     * @param results the results, same order
     * @return the table
     * @throws IllegalArgumentException on mismatched sizes or differing success thresholds
     */
    public static ResultTable table(List<String> ids, List<AssemblyResult> results) {
        if (results == null || results.isEmpty()) {
            throw new IllegalArgumentException("results are empty");
        }
        if (ids == null || ids.size() != results.size()) {
            throw new IllegalArgumentException("ids do not match results: " + (ids == null ? 0 : ids.size())
                    + " vs " + results.size());
        }
        double[][] thresholds = results.get(0).successThresholds;
        String[] columns = new String[7 + thresholds.length];
        columns[0] = "object";
        columns[1] = "parts";
        columns[2] = "part accuracy";
        columns[3] = "rotation error (°)";
        columns[4] = "rotation RMSE (°)";
        columns[5] = "translation RMSE";
        columns[6] = "shape CD";
        for (int k = 0; k < thresholds.length; k++) {
            columns[7 + k] = "success " + fmt(thresholds[k][0]) + "°/" + fmt(thresholds[k][1]);
        }
        ResultTable.Builder b = ResultTable.builder().setColumns(columns)
                .optNote("part accuracy: Hungarian-matched parts with Chamfer (sum of directional mean squared distances) below "
                        + results.get(0).matching.threshold() + "; rotation error: geodesic angle; translation at the part centroid.");
        for (int r = 0; r < results.size(); r++) {
            AssemblyResult a = results.get(r);
            if (!java.util.Arrays.deepEquals(a.successThresholds, thresholds)) {
                throw new IllegalArgumentException("result " + r + " uses other success thresholds");
            }
            Object[] row = new Object[columns.length];
            row[0] = ids.get(r);
            row[1] = a.rotationErrorsDegrees.length;
            row[2] = a.partAccuracy();
            row[3] = a.rotationErrorMeanDegrees();
            row[4] = a.rotationErrorRmseDegrees();
            row[5] = a.translationRmse();
            row[6] = a.shapeChamfer;
            for (int k = 0; k < thresholds.length; k++) {
                row[7 + k] = a.successRates[k];
            }
            b.addRow(row);
        }
        return b.build();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double rms(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }
}
