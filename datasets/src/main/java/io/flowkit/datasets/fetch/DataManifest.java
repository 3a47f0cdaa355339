package io.flowkit.datasets.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The list of data sets that flowkit can download, read from a tab-separated file. Lines starting
 * with {@code #} are comments; the others are
 *
 * <pre>
 * dataset  NAME  FOLDER  LICENCE  SOURCE-PAGE
 * file     NAME  RELATIVE-PATH  BYTES  SHA-256  URL  ORIGIN  NOTE
 * </pre>
 *
 * <p>A {@code file} line belongs to the data set of the same name, declared above it. The bundled
 * manifest ({@link #load()}) lists the data sets of {@code shared/data/README.md}.
 */
public final class DataManifest {

    /** The name of the bundled manifest, beside this class. */
    public static final String RESOURCE = "manifest.tsv";

    private final Map<String, DatasetEntry> datasets;

    private DataManifest(Map<String, DatasetEntry> datasets) {
        this.datasets = datasets;
    }

    /**
     * Reads the manifest bundled with flowkit.
     *
     * @return the manifest
     * @throws UncheckedIOException if the resource is missing or unreadable
     * @throws IllegalArgumentException if it is malformed
     */
    public static DataManifest load() {
        try (InputStream in = DataManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("resource not found: " + RESOURCE));
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a manifest.
     *
     * @param in the UTF-8 text; not closed
     * @param sourceName what to call it in error messages
     * @return the manifest
     * @throws IOException if reading fails
     * @throws IllegalArgumentException naming the source and the line, if a line is malformed
     */
    public static DataManifest parse(InputStream in, String sourceName) throws IOException {
        Map<String, String[]> heads = new LinkedHashMap<>();
        Map<String, List<FileEntry>> files = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = sourceName + ": line " + number + ": ";
            try {
                if (f[0].equals("dataset") && f.length == 5) {
                    if (heads.putIfAbsent(f[1], f) != null) {
                        throw new IllegalArgumentException("data set '" + f[1] + "' declared twice");
                    }
                    files.put(f[1], new ArrayList<>());
                } else if (f[0].equals("file") && f.length == 8) {
                    List<FileEntry> list = files.get(f[1]);
                    if (list == null) {
                        throw new IllegalArgumentException("file of undeclared data set '" + f[1] + "'");
                    }
                    list.add(new FileEntry(f[2], Long.parseLong(f[3]), f[4], uri(f[5]), Origin.parse(f[6]), f[7]));
                } else {
                    throw new IllegalArgumentException("expected 'dataset' with 5 fields or 'file' with 8, found '"
                            + f[0] + "' with " + f.length);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        Map<String, DatasetEntry> datasets = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : heads.entrySet()) {
            String[] f = e.getValue();
            datasets.put(e.getKey(), new DatasetEntry(f[1], f[2], f[3], uri(f[4]), files.get(e.getKey())));
        }
        return new DataManifest(datasets);
    }

    private static URI uri(String text) {
        try {
            URI u = new URI(text);
            if (!u.isAbsolute()) {
                throw new IllegalArgumentException("not an absolute address: " + text);
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad address: " + e.getMessage(), e);
        }
    }

    /** @return the data sets, in manifest order */
    public List<DatasetEntry> datasets() {
        return List.copyOf(datasets.values());
    }

    /** @return the short names, in manifest order */
    public List<String> names() {
        return List.copyOf(datasets.keySet());
    }

    /**
     * Looks a data set up by short name ({@code grambow-842}) or folder ({@code reactions/grambow-842}).
     *
     * @param nameOrFolder the name or folder
     * @return the data set, if the manifest has it
     */
    public Optional<DatasetEntry> find(String nameOrFolder) {
        DatasetEntry byName = datasets.get(nameOrFolder);
        if (byName != null) {
            return Optional.of(byName);
        }
        return datasets.values().stream().filter(d -> d.folder().equals(nameOrFolder)).findFirst();
    }

    /**
     * Looks a data set up by short name or folder.
     *
     * @param nameOrFolder the name or folder
     * @return the data set
     * @throws IllegalArgumentException naming the unknown name and listing the known ones
     */
    public DatasetEntry dataset(String nameOrFolder) {
        return find(nameOrFolder).orElseThrow(() -> new IllegalArgumentException(
                "unknown data set '" + nameOrFolder + "'; known: " + String.join(", ", names())));
    }

    /**
     * Looks several data sets up.
     *
     * @param namesOrFolders names or folders; empty means every data set
     * @return the data sets, in the order given, without repeats
     * @throws IllegalArgumentException naming every unknown name and listing the known ones
     */
    public List<DatasetEntry> select(List<String> namesOrFolders) {
        if (namesOrFolders == null || namesOrFolders.isEmpty()) {
            return datasets();
        }
        List<String> unknown = namesOrFolders.stream().filter(n -> find(n).isEmpty()).collect(Collectors.toList());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown data set" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                    + "; known: " + String.join(", ", names()));
        }
        return namesOrFolders.stream().map(this::dataset).distinct().collect(Collectors.toList());
    }
}
