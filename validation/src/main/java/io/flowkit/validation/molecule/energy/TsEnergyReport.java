package io.flowkit.validation.molecule.energy;

import io.flowkit.validation.report.ResultTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The energy errors of a batch of generated transition states: per record ΔE = E(generated) −
 * E(reference) in kcal/mol, and over the records that succeeded the mean absolute error, the
 * median absolute error, the mean signed error and the share within chemical accuracy,
 * |ΔE| &lt; {@value #CHEMICAL_ACCURACY_KCAL_PER_MOL} kcal/mol (the criterion of TS-GEN: Tuo, Chen and
 * Li, "Accurate generation of chemical reaction transition states by conditional flow matching",
 * arXiv:2507.10530v1, 2025, where over 87% of generated TSs are within it), plus the shares of
 * first-order saddle points when frequencies were computed. Failed records are kept with their
 * reasons and left out of every statistic.
 */
public final class TsEnergyReport {

    /** The chemical-accuracy threshold for |ΔE| used by TS-GEN, in kcal/mol: 1.58. */
    public static final double CHEMICAL_ACCURACY_KCAL_PER_MOL = 1.58;

    private final List<TsEnergyRecord> records;
    private final Map<String, Object> metadata;
    private final double[] sortedAbsolute;
    private final double meanSigned;

    private TsEnergyReport(List<TsEnergyRecord> records, Map<String, Object> metadata) {
        this.records = List.copyOf(records);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        double[] absolute = this.records.stream().filter(TsEnergyRecord::succeeded)
                .mapToDouble(r -> Math.abs(r.deltaKcalPerMol())).toArray();
        Arrays.sort(absolute);
        this.sortedAbsolute = absolute;
        this.meanSigned = this.records.stream().filter(TsEnergyRecord::succeeded)
                .mapToDouble(TsEnergyRecord::deltaKcalPerMol).average().orElse(Double.NaN);
    }

    /**
     * A report over records.
     *
     * @param records the records, in batch order
     * @return the report
     * @throws IllegalArgumentException if there are no records
     */
    public static TsEnergyReport of(List<TsEnergyRecord> records) {
        return of(records, Map.of());
    }

    /**
     * A report over records, with settings to carry into its tables' metadata.
     *
     * @param records the records, in batch order
     * @param metadata settings (method, xtb version, thresholds)
     * @return the report
     * @throws IllegalArgumentException if there are no records
     */
    public static TsEnergyReport of(List<TsEnergyRecord> records, Map<String, Object> metadata) {
        if (Objects.requireNonNull(records, "records").isEmpty()) {
            throw new IllegalArgumentException("records are empty");
        }
        return new TsEnergyReport(records, Objects.requireNonNull(metadata, "metadata"));
    }

    /** @return every record, in batch order */
    public List<TsEnergyRecord> records() {
        return records;
    }

    /** @return the records that failed, with their reasons */
    public List<TsEnergyRecord> failures() {
        return records.stream().filter(r -> !r.succeeded()).toList();
    }

    /** @return the number of records */
    public int count() {
        return records.size();
    }

    /** @return the number of records whose energies were computed */
    public int succeededCount() {
        return sortedAbsolute.length;
    }

    /** @return the settings the batch ran with */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return the mean of |ΔE| in kcal/mol over the succeeded records (NaN when none succeeded) */
    public double meanAbsoluteErrorKcalPerMol() {
        return Arrays.stream(sortedAbsolute).average().orElse(Double.NaN);
    }

    /** @return the median of |ΔE| in kcal/mol (mean of the middle two for an even count; NaN when none) */
    public double medianAbsoluteErrorKcalPerMol() {
        int n = sortedAbsolute.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sortedAbsolute[n / 2] : 0.5 * (sortedAbsolute[n / 2 - 1] + sortedAbsolute[n / 2]);
    }

    /** @return the mean of ΔE in kcal/mol (positive: generated TSs lie higher than the references; NaN when none) */
    public double meanSignedErrorKcalPerMol() {
        return meanSigned;
    }

    /**
     * @param thresholdKcalPerMol threshold in kcal/mol, positive
     * @return the share of succeeded records with |ΔE| strictly below it (NaN when none succeeded)
     * @throws IllegalArgumentException if the threshold is not positive and finite
     */
    public double shareWithin(double thresholdKcalPerMol) {
        if (!(thresholdKcalPerMol > 0) || !Double.isFinite(thresholdKcalPerMol)) {
            throw new IllegalArgumentException("threshold is not positive and finite: " + thresholdKcalPerMol);
        }
        if (sortedAbsolute.length == 0) {
            return Double.NaN;
        }
        int below = 0;
        while (below < sortedAbsolute.length && sortedAbsolute[below] < thresholdKcalPerMol) {
            below++;
        }
        return below / (double) sortedAbsolute.length;
    }

    /** @return the share with |ΔE| &lt; {@value #CHEMICAL_ACCURACY_KCAL_PER_MOL} kcal/mol */
    public double shareWithinChemicalAccuracy() {
        return shareWithin(CHEMICAL_ACCURACY_KCAL_PER_MOL);
    }

    /** @return the share of generated TSs with exactly one imaginary frequency, among the checked ones */
    public OptionalDouble generatedSaddlePointShare() {
        return saddleShare(TsEnergyRecord::generatedImaginaryCount);
    }

    /** @return the share of reference TSs with exactly one imaginary frequency, among the checked ones */
    public OptionalDouble referenceSaddlePointShare() {
        return saddleShare(TsEnergyRecord::referenceImaginaryCount);
    }

    private OptionalDouble saddleShare(Function<TsEnergyRecord, OptionalInt> count) {
        int checked = 0;
        int saddles = 0;
        for (TsEnergyRecord r : records) {
            OptionalInt c = count.apply(r);
            if (r.succeeded() && c.isPresent()) {
                checked++;
                saddles += c.getAsInt() == 1 ? 1 : 0;
            }
        }
        return checked == 0 ? OptionalDouble.empty() : OptionalDouble.of(saddles / (double) checked);
    }

    /**
     * One row per record: index, id, RMSD (Å), both energies (Eh), ΔE (kcal/mol), the imaginary
     * frequency counts (empty when not checked) and the failure reason (first line).
     *
     * @return the table
     */
    public ResultTable table() {
        ResultTable.Builder b = ResultTable.builder().optTitle("xtb energies of generated transition states")
                .setColumns("record", "id", "RMSD (Å)", "E reference (Eh)", "E generated (Eh)", "ΔE (kcal/mol)",
                        "imaginary reference", "imaginary generated", "failure")
                .optDecimals("E reference (Eh)", 8).optDecimals("E generated (Eh)", 8).optDecimals("ΔE (kcal/mol)", 3)
                .optNote("ΔE = E(generated) − E(reference); 1 Eh = " + XtbEnergy.KCAL_PER_MOL_PER_HARTREE + " kcal/mol.");
        for (TsEnergyRecord r : records) {
            if (r.succeeded()) {
                b.addRow(r.index(), r.id(), r.rmsdAngstrom(), r.referenceHartree(), r.generatedHartree(),
                        r.deltaKcalPerMol(), boxed(r.referenceImaginaryCount()), boxed(r.generatedImaginaryCount()), null);
            } else {
                b.addRow(r.index(), r.id(), null, null, null, null, null, null, r.failure().orElseThrow().lines()
                        .findFirst().orElse(""));
            }
        }
        metadata.forEach(b::optMetadata);
        return b.build();
    }

    /**
     * The summary as a one-row table: records, failed, MAE, median |ΔE|, mean ΔE (kcal/mol), the share
     * within chemical accuracy and, when checked, the saddle-point shares of generated and reference TSs.
     *
     * @param label the row label (for example the method that generated the TSs)
     * @return the table
     */
    public ResultTable summaryTable(String label) {
        List<String> columns = new ArrayList<>(List.of("method", "n", "failed", "MAE (kcal/mol)",
                "median |ΔE| (kcal/mol)", "mean ΔE (kcal/mol)", "< " + CHEMICAL_ACCURACY_KCAL_PER_MOL + " kcal/mol"));
        List<Object> row = new ArrayList<>(List.of(label, count(), count() - succeededCount(),
                meanAbsoluteErrorKcalPerMol(), medianAbsoluteErrorKcalPerMol(), meanSignedErrorKcalPerMol(),
                shareWithinChemicalAccuracy()));
        OptionalDouble generated = generatedSaddlePointShare();
        if (generated.isPresent()) {
            columns.add("saddle generated");
            row.add(generated.getAsDouble());
            columns.add("saddle reference");
            row.add(referenceSaddlePointShare().orElse(Double.NaN));
        }
        ResultTable.Builder b = ResultTable.builder().setColumns(columns.toArray(new String[0]))
                .addRow(row.toArray())
                .optNote("ΔE = E(generated TS) − E(reference TS) with xtb; shares are fractions of the records that "
                        + "succeeded; a saddle point has exactly one imaginary frequency.");
        metadata.forEach(b::optMetadata);
        return b.build();
    }

    private static Integer boxed(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    @Override
    public String toString() {
        return "TsEnergyReport[n=" + count() + ", failed=" + (count() - succeededCount()) + ", MAE="
                + meanAbsoluteErrorKcalPerMol() + " kcal/mol, median=" + medianAbsoluteErrorKcalPerMol() + "]";
    }
}
