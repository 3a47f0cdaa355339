package io.flowkit.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {

    private static ResultTable sample() {
        return ResultTable.builder()
                .optTitle("PU-GAN x4")
                .setColumns("method", "CD (1e-3)", "HD (1e-3)", "points")
                .addRow("PU-GAN", 0.2812345, 4.64, 8192)
                .addRow("ours | v2", 1.5e-5, Double.NaN, 8192L)
                .addRow("empty", null, 12345678.9, null)
                .optDecimals("HD (1e-3)", 2)
                .optNote("CD: squared distances, unit-sphere normalised.")
                .optMetadata("seed", 42)
                .optMetadata("dataset", "pugan-meshes")
                .build();
    }

    @Test
    void printsAlignedTextWithRightAlignedNumbers() {
        String text = sample().toText();
        String[] lines = text.split("\n");
        assertEquals("PU-GAN x4", lines[0]);
        assertTrue(lines[1].startsWith("method"));
        assertTrue(lines[2].matches("-+"));
        // Every table line has the same width up to its last non-blank cell; numbers end at the column edge.
        int cdEnd = lines[1].indexOf("CD (1e-3)") + "CD (1e-3)".length();
        assertEquals(cdEnd, lines[3].indexOf("0.2812") + "0.2812".length());
        assertTrue(lines[4].contains("1.5000e-05"));
        assertTrue(lines[4].contains("NaN"));
        assertTrue(lines[5].contains("1.23e+07"), lines[5]);
        assertTrue(lines[3].contains("4.64"));
        assertTrue(lines[3].endsWith("8192"));
        assertTrue(text.contains("CD: squared distances"));
    }

    @Test
    void printsMarkdownWithEscapedPipesAndAlignment() {
        String md = sample().toMarkdown();
        assertTrue(md.startsWith("**PU-GAN x4**"));
        assertTrue(md.contains("| method | CD (1e-3) | HD (1e-3) | points |"));
        assertTrue(md.contains("|---|---:|---:|---:|"));
        assertTrue(md.contains("ours \\| v2"));
    }

    @Test
    void jsonRoundTripsValuesAndWritesNonFiniteAsNull(@TempDir Path dir) throws Exception {
        ResultTable table = sample();
        Path file = dir.resolve("sub/results.json");
        table.writeJson(file);
        String json = Files.readString(file);
        assertTrue(json.contains("\"CD (1e-3)\": 0.2812345"));
        ResultTable back = ResultTable.fromJson(json);
        assertEquals(table.columns(), back.columns());
        assertEquals(3, back.rowCount());
        assertEquals(0.2812345, back.getDouble(0, "CD (1e-3)"));
        assertEquals(8192L, back.get(0, "points"));
        assertNull(back.get(1, "HD (1e-3)"));
        assertEquals("ours | v2", back.get(1, "method"));
        assertEquals(42L, back.metadata().get("seed"));
        assertEquals(table.notes(), back.notes());
        table.writeMarkdown(dir.resolve("results.md"));
        table.writeText(dir.resolve("results.txt"));
        assertEquals(table.toText(), Files.readString(dir.resolve("results.txt")));
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file is left");
        }
    }

    @Test
    void rejectsMalformedTables() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultTable.builder().build())
                .getMessage().contains("columns are not set"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResultTable.builder().setColumns("a", "b").addRow(1).build()).getMessage().contains("row 0 has 1 cells"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResultTable.builder().setColumns("a", "a").build()).getMessage().contains("repeated"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResultTable.builder().setColumns("a").addRow(new Object()).build()).getMessage().contains("unsupported"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ResultTable.builder().setColumns("a").optDecimals("b", 2).build()).getMessage().contains("unknown column"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ResultTable.fromJson("{not json"))
                .getMessage().contains("malformed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sample().getDouble(0, "method"))
                .getMessage().contains("not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> sample().get(0, "nope"))
                .getMessage().contains("no column"));
    }
}
