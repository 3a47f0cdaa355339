package io.flowkit.cli.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.flowkit.core.io.AtomicFiles;
import io.flowkit.flow.engine.FlowEngine;
import io.flowkit.flow.engine.Versions;
import io.flowkit.validation.report.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark report: sections from the suites, failures with their reasons, and the machine
 * and versions every figure was measured with; written as {@code report.md} and
 * {@code report.json} in the output folder.
 */
public final class BenchReport {

    private final Path folder;
    private final long seed;
    private final String mode;
    private final List<BenchSection> sections = new ArrayList<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    /**
     * An empty report.
     *
     * @param folder where it is written
     * @param seed the seed of the runs
     * @param mode {@code quick} or {@code full}
     */
    public BenchReport(Path folder, long seed, String mode) {
        this.folder = folder;
        this.seed = seed;
        this.mode = mode;
    }

    /**
     * Adds a suite's results.
     *
     * @param section the results
     */
    public void add(BenchSection section) {
        sections.add(section);
    }

    /**
     * Records a failed suite.
     *
     * @param suite its name
     * @param error why it failed
     */
    public void fail(String suite, Throwable error) {
        failures.put(suite, error.getMessage() == null ? error.toString() : error.getMessage());
    }

    /** @return the machine and versions line that heads the report */
    public String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + FlowEngine.threads() + " intra-op threads, Java "
                + System.getProperty("java.version") + ", flowkit " + Versions.flowkit() + ", DJL " + Versions.djl() + ", "
                + Versions.engine();
    }

    /**
     * The line under every section that says what its figures were measured with.
     *
     * @param section the section
     * @return seed, mode, cores and the models' provenance
     */
    String stamp(BenchSection section) {
        return "Seed " + seed + ", " + mode + " mode, " + Runtime.getRuntime().availableProcessors() + " cores"
                + (Double.isFinite(section.seconds()) ? String.format(java.util.Locale.ROOT, ", %.1f min", section.seconds() / 60)
                        : "")
                + (section.provenance().isEmpty() ? "" : "; models: " + section.provenance()) + ".";
    }

    /** @return what each suite cost in wall time, and the total, as a table */
    ResultTable costs() {
        ResultTable.Builder t = ResultTable.builder().optTitle("time per suite").setColumns("suite", "minutes")
                .optDecimals("minutes", 1);
        double total = 0;
        for (BenchSection section : sections) {
            t.addRow(section.name(), Double.isFinite(section.seconds()) ? section.seconds() / 60 : null);
            total += Double.isFinite(section.seconds()) ? section.seconds() : 0;
        }
        t.addRow("all", total / 60);
        return t.optNote("Wall time of each suite in the run that produced it (a suite kept from an earlier run keeps "
                + "its own time).").build();
    }

    /** @return the report as text tables */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("flowkit bench (").append(mode).append(", seed ").append(seed).append(") on ").append(machine()).append("\n\n");
        if (!sections.isEmpty()) {
            sb.append(costs().toText()).append('\n');
        }
        for (BenchSection section : sections) {
            for (ResultTable table : section.tables()) {
                sb.append(table.toText()).append('\n');
            }
            for (String note : section.notes()) {
                sb.append(note).append('\n');
            }
            sb.append(stamp(section)).append('\n');
            if (section.published() != null) {
                sb.append('\n').append(section.published().toText());
            }
            sb.append('\n');
        }
        failures.forEach((suite, reason) -> sb.append("FAILED ").append(suite).append(": ").append(reason).append('\n'));
        return sb.toString();
    }

    /** @return the report as Markdown, pictures linked */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("# flowkit bench\n\n");
        sb.append("Mode `").append(mode).append("`, seed ").append(seed).append(", ").append(created).append(".  \n");
        sb.append("Machine: ").append(machine()).append(".\n\n");
        if (!sections.isEmpty()) {
            sb.append(costs().toMarkdown()).append('\n');
        }
        for (BenchSection section : sections) {
            sb.append("## ").append(section.name()).append("\n\n");
            for (ResultTable table : section.tables()) {
                sb.append(table.toMarkdown()).append('\n');
            }
            for (String note : section.notes()) {
                sb.append(note).append("\n\n");
            }
            sb.append('*').append(stamp(section)).append("*\n\n");
            if (section.published() != null) {
                sb.append(section.published().toMarkdown()).append('\n');
            }
            for (String picture : section.pictures()) {
                sb.append("![").append(picture).append("](").append(picture).append(")\n\n");
            }
        }
        if (!failures.isEmpty()) {
            sb.append("## Failed\n\n");
            failures.forEach((suite, reason) -> sb.append("- `").append(suite).append("`: ").append(reason).append('\n'));
        }
        return sb.toString();
    }

    /** @return the report as JSON */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("mode", mode);
        root.addProperty("seed", seed);
        root.addProperty("created", created);
        JsonObject machine = new JsonObject();
        machine.addProperty("cores", Runtime.getRuntime().availableProcessors());
        machine.addProperty("threads", FlowEngine.threads());
        machine.addProperty("java", System.getProperty("java.version"));
        machine.addProperty("flowkit", Versions.flowkit());
        machine.addProperty("djl", Versions.djl());
        machine.addProperty("engine", Versions.engine());
        root.add("machine", machine);
        JsonObject suites = new JsonObject();
        for (BenchSection section : sections) {
            JsonObject s = SectionStore.toJson(section);
            s.addProperty("seed", seed);
            s.addProperty("cores", Runtime.getRuntime().availableProcessors());
            suites.add(section.name(), s);
        }
        root.add("suites", suites);
        JsonObject failed = new JsonObject();
        failures.forEach(failed::addProperty);
        root.add("failed", failed);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    /** Writes {@code report.md} and {@code report.json} into the folder. */
    public void write() {
        try {
            AtomicFiles.writeString(folder.resolve("report.md"), toMarkdown());
            AtomicFiles.writeString(folder.resolve("report.json"), toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + folder + ": " + e.getMessage(), e);
        }
    }
}
