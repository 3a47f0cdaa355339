package io.flowkit.cli.bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.flowkit.core.io.AtomicFiles;
import io.flowkit.validation.report.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The finished suites of a bench run, one JSON file each under {@code sections/} in the report
 * folder, written atomically when a suite ends. A run that was interrupted and started again reuses
 * every section whose key (suite, mode, seed, device, settings, flowkit version) is the same and
 * whose pictures are all there, and runs only the rest.
 */
public final class SectionStore {

    private final Path folder;

    /** @param reportFolder the report folder */
    public SectionStore(Path reportFolder) {
        this.folder = reportFolder.resolve("sections");
    }

    /**
     * The key of a suite's section.
     *
     * @param suite the suite
     * @param context the run's settings
     * @param version the flowkit version
     * @return the key
     */
    public static String key(BenchSuite suite, BenchContext context, String version) {
        return suite.name() + "|" + context.mode() + "|seed " + context.seed() + "|" + context.device() + "|"
                + suite.settings() + "|flowkit " + version;
    }

    /**
     * A finished section with this key, if one was stored and its pictures exist.
     *
     * @param name the suite's name
     * @param key its key
     * @return the section, or empty
     */
    public Optional<BenchSection> find(String name, String key) {
        Path file = folder.resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            if (!key.equals(root.get("key").getAsString())) {
                return Optional.empty();
            }
            BenchSection section = fromJson(root.getAsJsonObject("section"));
            for (String picture : section.pictures()) {
                if (!Files.isRegularFile(folder.getParent().resolve(picture))) {
                    return Optional.empty();
                }
            }
            return Optional.of(section);
        } catch (IOException | JsonParseException | IllegalStateException | NullPointerException
                | UnsupportedOperationException e) {
            return Optional.empty(); // unreadable: the suite runs again
        }
    }

    /**
     * Stores a finished section.
     *
     * @param section the section
     * @param key its key
     * @throws UncheckedIOException on a write failure
     */
    public void save(BenchSection section, String key) {
        JsonObject root = new JsonObject();
        root.addProperty("key", key);
        root.add("section", toJson(section));
        try {
            Files.createDirectories(folder);
            AtomicFiles.writeString(folder.resolve(section.name() + ".json"), new Gson().toJson(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the section " + section.name() + " in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    static JsonObject toJson(BenchSection section) {
        JsonObject s = new JsonObject();
        s.addProperty("name", section.name());
        JsonArray tables = new JsonArray();
        section.tables().forEach(t -> tables.add(JsonParser.parseString(t.toJson())));
        s.add("tables", tables);
        JsonArray pictures = new JsonArray();
        section.pictures().forEach(pictures::add);
        s.add("pictures", pictures);
        JsonArray notes = new JsonArray();
        section.notes().forEach(notes::add);
        s.add("notes", notes);
        s.addProperty("provenance", section.provenance());
        if (Double.isFinite(section.seconds())) {
            s.addProperty("seconds", section.seconds());
        }
        if (section.published() != null) {
            s.add("published", JsonParser.parseString(section.published().toJson()));
        }
        return s;
    }

    static BenchSection fromJson(JsonObject s) {
        List<ResultTable> tables = new ArrayList<>();
        for (JsonElement t : s.getAsJsonArray("tables")) {
            tables.add(ResultTable.fromJson(t.toString()));
        }
        List<String> pictures = new ArrayList<>();
        s.getAsJsonArray("pictures").forEach(p -> pictures.add(p.getAsString()));
        List<String> notes = new ArrayList<>();
        s.getAsJsonArray("notes").forEach(n -> notes.add(n.getAsString()));
        ResultTable published = s.has("published") ? ResultTable.fromJson(s.get("published").toString()) : null;
        return new BenchSection(s.get("name").getAsString(), tables, pictures, notes, s.get("provenance").getAsString(),
                published, s.has("seconds") ? s.get("seconds").getAsDouble() : Double.NaN);
    }
}
