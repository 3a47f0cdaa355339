package io.flowkit.cli.bench;

import io.flowkit.validation.report.ResultTable;
import java.util.List;

/**
 * What one suite contributes to the report.
 *
 * @param name the suite, e.g. {@code toy2d}
 * @param tables its result tables
 * @param pictures picture file names, relative to the report folder
 * @param notes free text printed under the tables (settings, conventions)
 */
public record BenchSection(String name, List<ResultTable> tables, List<String> pictures, List<String> notes) {

    /** Copies the lists. */
    public BenchSection {
        tables = List.copyOf(tables);
        pictures = List.copyOf(pictures);
        notes = List.copyOf(notes);
    }
}
