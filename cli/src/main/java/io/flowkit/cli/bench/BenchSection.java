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
 * @param provenance where the models behind the figures come from (one line; empty when no model)
 * @param published the published figures of the reproduced paper, for context, or {@code null}
 * @param seconds how long the suite ran (wall time), NaN when not measured
 */
public record BenchSection(String name, List<ResultTable> tables, List<String> pictures, List<String> notes,
        String provenance, ResultTable published, double seconds) {

    /** Copies the lists. */
    public BenchSection {
        tables = List.copyOf(tables);
        pictures = List.copyOf(pictures);
        notes = List.copyOf(notes);
        provenance = provenance == null ? "" : provenance;
    }

    /**
     * A section without model provenance or published figures.
     *
     * @param name the suite
     * @param tables its tables
     * @param pictures its pictures
     * @param notes its notes
     */
    public BenchSection(String name, List<ResultTable> tables, List<String> pictures, List<String> notes) {
        this(name, tables, pictures, notes, "", null, Double.NaN);
    }

    /**
     * @param value the model provenance line
     * @return this section with that provenance
     */
    public BenchSection withProvenance(String value) {
        return new BenchSection(name, tables, pictures, notes, value, published, seconds);
    }

    /**
     * @param table the published figures, for context
     * @return this section with them
     */
    public BenchSection withPublished(ResultTable table) {
        return new BenchSection(name, tables, pictures, notes, provenance, table, seconds);
    }

    /**
     * @param value how long the suite ran, seconds
     * @return this section with that time
     */
    public BenchSection withSeconds(double value) {
        return new BenchSection(name, tables, pictures, notes, provenance, published, value);
    }
}
