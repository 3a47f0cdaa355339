package io.flowkit.validation.molecule.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.validation.report.ResultTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Statistics of {@link TsEnergyReport} against a naive recomputation; no xtb needed. */
class TsEnergyReportTest {

    @Test
    void statisticsMatchANaiveComputationAndSkipFailures() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + random.nextInt(40);
            List<TsEnergyRecord> records = new ArrayList<>();
            List<Double> deltas = new ArrayList<>();
            int checked = 0;
            int generatedSaddles = 0;
            int referenceSaddles = 0;
            for (int i = 0; i < n; i++) {
                if (random.nextInt(5) == 0) {
                    records.add(TsEnergyRecord.failed(i, "r" + i, "xtb failed"));
                    continue;
                }
                double ref = -20 + random.nextDouble();
                double delta = random.nextGaussian() * 3;
                double gen = ref + delta / XtbEnergy.KCAL_PER_MOL_PER_HARTREE;
                deltas.add(XtbEnergy.toKcalPerMol(gen - ref));
                if (random.nextBoolean()) {
                    int ri = random.nextInt(3);
                    int gi = random.nextInt(3);
                    checked++;
                    referenceSaddles += ri == 1 ? 1 : 0;
                    generatedSaddles += gi == 1 ? 1 : 0;
                    records.add(TsEnergyRecord.withImaginaryCounts(i, "r" + i, 0.1, ref, gen, ri, gi));
                } else {
                    records.add(TsEnergyRecord.of(i, "r" + i, 0.1, ref, gen));
                }
            }
            TsEnergyReport report = TsEnergyReport.of(records);
            assertEquals(n, report.count());
            assertEquals(deltas.size(), report.succeededCount());
            assertEquals(n - deltas.size(), report.failures().size());
            if (deltas.isEmpty()) {
                assertTrue(Double.isNaN(report.meanAbsoluteErrorKcalPerMol()));
                assertTrue(Double.isNaN(report.shareWithinChemicalAccuracy()));
                continue;
            }
            double[] abs = deltas.stream().mapToDouble(Math::abs).toArray();
            double[] sorted = abs.clone();
            Arrays.sort(sorted);
            int m = sorted.length;
            double median = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
            long within = Arrays.stream(abs).filter(a -> a < 1.58).count();
            assertEquals(Arrays.stream(abs).average().orElseThrow(), report.meanAbsoluteErrorKcalPerMol(), 1e-9);
            assertEquals(median, report.medianAbsoluteErrorKcalPerMol(), 1e-9);
            assertEquals(deltas.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                    report.meanSignedErrorKcalPerMol(), 1e-9);
            assertEquals(within / (double) m, report.shareWithinChemicalAccuracy(), 1e-12);
            assertEquals(Arrays.stream(abs).filter(a -> a < 0.5).count() / (double) m, report.shareWithin(0.5), 1e-12);
            if (checked == 0) {
                assertTrue(report.generatedSaddlePointShare().isEmpty());
            } else {
                assertEquals(generatedSaddles / (double) checked, report.generatedSaddlePointShare().getAsDouble(), 1e-12);
                assertEquals(referenceSaddles / (double) checked, report.referenceSaddlePointShare().getAsDouble(), 1e-12);
            }
        }
    }

    @Test
    void tablesCarryRecordsFailuresAndSettings() {
        List<TsEnergyRecord> records = List.of(
                TsEnergyRecord.withImaginaryCounts(0, "rxn1", 0.12, -10.0, -10.0 + 2 / XtbEnergy.KCAL_PER_MOL_PER_HARTREE, 1, 2),
                TsEnergyRecord.failed(1, "rxn2", "xtb Hessian of record 1 (rxn2) timed out after 120 s\nmore lines"));
        TsEnergyReport report = TsEnergyReport.of(records, Map.of("method", "GFN2-xTB"));
        ResultTable table = report.table();
        assertEquals(2, table.rowCount());
        assertEquals(2.0, table.getDouble(0, "ΔE (kcal/mol)"), 1e-9);
        assertEquals(2, ((Number) table.get(0, "imaginary generated")).intValue());
        assertEquals("xtb Hessian of record 1 (rxn2) timed out after 120 s", table.get(1, "failure"));
        assertEquals("GFN2-xTB", table.metadata().get("method"));
        ResultTable summary = report.summaryTable("2020 model");
        assertEquals(1, ((Number) summary.get(0, "failed")).intValue());
        assertEquals(0.0, summary.getDouble(0, "< 1.58 kcal/mol"), 0);
        assertEquals(0.0, summary.getDouble(0, "saddle generated"), 0);
        assertEquals(1.0, summary.getDouble(0, "saddle reference"), 0);
        assertEquals(table.toJson(), ResultTable.fromJson(table.toJson()).toJson());
    }

    @Test
    void badRecordsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TsEnergyReport.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> TsEnergyRecord.of(0, "a", 0, Double.NaN, -1));
        assertThrows(IllegalArgumentException.class, () -> TsEnergyRecord.of(-1, "a", 0, -1, -1));
        assertThrows(IllegalArgumentException.class, () -> TsEnergyRecord.withImaginaryCounts(0, "a", 0, -1, -1, -2, 0));
        assertThrows(IllegalArgumentException.class,
                () -> TsEnergyReport.of(List.of(TsEnergyRecord.of(0, "a", 0, -1, -1))).shareWithin(0));
    }
}
