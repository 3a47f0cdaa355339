package io.flowkit.pointclouds.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.validation.report.ResultTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpsamplingReportTest {

    private static UpsamplingMetrics metrics(double base) {
        return new UpsamplingMetrics(base * 1e-3, 2 * base * 1e-3, 3 * base * 1e-3, 0.5e-3, new double[] {base * 1e-3, 1e-3, 1e-3, 1e-3, 1e-3});
    }

    @Test
    void hasOneRowPerMethodAndMeshThenTheAverages() {
        UpsamplingReport report = UpsamplingReport.builder().optTitle("x4")
                .add("midpoint", "cow", metrics(2)).add("oracle", "cow", metrics(1))
                .add("midpoint", "fandisk", metrics(4)).add("oracle", "fandisk", metrics(3))
                .add("flow", "cow", metrics(1.5)).optNote("seed 1").build();
        ResultTable t = report.table();
        assertEquals(UpsamplingReport.columns(), t.columns());
        assertEquals(List.of("method", "mesh", "CD ×10⁻³", "HD ×10⁻³", "P2F ×10⁻³", "P2F std ×10⁻³", "U 0.4% ×10⁻³",
                "U 0.6% ×10⁻³", "U 0.8% ×10⁻³", "U 1.0% ×10⁻³", "U 1.2% ×10⁻³"), t.columns());
        assertEquals(5 + 3, t.rowCount());
        String[][] expected = {{"midpoint", "cow"}, {"oracle", "cow"}, {"flow", "cow"}, {"midpoint", "fandisk"},
            {"oracle", "fandisk"}, {"midpoint", "average"}, {"oracle", "average"}, {"flow", "average of 1"}};
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r][0], t.get(r, "method"), "row " + r);
            assertEquals(expected[r][1], t.get(r, "mesh"), "row " + r);
        }
        assertEquals(2.0, t.getDouble(0, "CD ×10⁻³"), 1e-12, "values × 10³");
        assertEquals(6.0, t.getDouble(0, "P2F ×10⁻³"), 1e-12);
        assertEquals(3.0, t.getDouble(5, "CD ×10⁻³"), 1e-12, "midpoint average of 2 and 4");
        assertEquals(4.0, t.getDouble(6, "HD ×10⁻³"), 1e-12, "oracle average of 2 and 6");
        assertEquals(3.0, t.getDouble(5, "U 0.4% ×10⁻³"), 1e-12);
        assertTrue(t.notes().contains("seed 1"));
        assertEquals(List.of("midpoint", "oracle", "flow"), report.methods());
        assertEquals(List.of("cow", "fandisk"), report.meshes());
        assertTrue(report.metrics("flow", "fandisk").isEmpty());
    }

    @Test
    void comparesEachMethodWithTheOracleOnSharedMeshes() {
        UpsamplingReport report = UpsamplingReport.builder()
                .add("midpoint", "cow", metrics(2)).add("oracle", "cow", metrics(1))
                .add("midpoint", "fandisk", metrics(4)).add("oracle", "fandisk", metrics(3))
                .add("flow", "fandisk", metrics(6)).build();
        ResultTable rel = report.relativeTo("oracle");
        assertEquals(3, rel.rowCount());
        assertEquals(1.5, rel.getDouble(0, "CD / ref"), 1e-12, "(2 + 4) / (1 + 3)");
        assertEquals(2.0, rel.getDouble(2, "CD / ref"), 1e-12, "flow is compared on fandisk only: 6 / 3");
        assertEquals(1, ((Number) rel.get(2, "meshes")).intValue(), "flow shares one mesh with the oracle");
        assertEquals(3.0, rel.getDouble(0, "P2F − ref ×10⁻³"), 1e-12, "3 · 3 − 3 · 2");
        assertEquals("no results for reference method 'PU-GAN'; methods are [midpoint, oracle, flow]",
                assertThrows(IllegalArgumentException.class, () -> report.relativeTo("PU-GAN")).getMessage());
    }

    @Test
    void rejectsRepeatedRowsAndReservedNames() {
        UpsamplingReport.Builder b = UpsamplingReport.builder().add("midpoint", "cow", metrics(1));
        assertEquals("result of method 'midpoint' on mesh 'cow' added twice",
                assertThrows(IllegalArgumentException.class, () -> b.add("midpoint", "cow", metrics(2))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add("midpoint", "average", metrics(2)));
        assertThrows(IllegalArgumentException.class, () -> b.add(" ", "cow", metrics(2)));
        assertThrows(IllegalArgumentException.class, () -> new UpsamplingMetrics(0, 0, 0, 0, new double[4]));
    }
}
