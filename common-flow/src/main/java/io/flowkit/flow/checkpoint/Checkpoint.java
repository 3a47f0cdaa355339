package io.flowkit.flow.checkpoint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.flowkit.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A checkpoint: a folder {@code step-NNNNNNNN} with {@code checkpoint.json} (provenance, random
 * state, loss history) and tensor archives {@code model.bin}, {@code ema.bin} (optional) and
 * {@code optimizer.bin}. A folder is written under a temporary name and renamed when complete, so
 * a checkpoint that exists is whole.
 */
public final class Checkpoint {

    /** The file that marks and describes a checkpoint folder. */
    public static final String DESCRIPTION = "checkpoint.json";
    private static final Pattern FOLDER = Pattern.compile("step-(\\d{8,})");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path folder;
    private final Provenance provenance;
    private final byte[] randomState;
    private final List<Double> lossHistory;
    private final Map<String, TensorArchive.Tensor> model;
    private final Map<String, TensorArchive.Tensor> ema;
    private final Map<String, TensorArchive.Tensor> optimizer;

    private Checkpoint(Path folder, Provenance provenance, byte[] randomState, List<Double> lossHistory,
            Map<String, TensorArchive.Tensor> model, Map<String, TensorArchive.Tensor> ema,
            Map<String, TensorArchive.Tensor> optimizer) {
        this.folder = folder;
        this.provenance = provenance;
        this.randomState = randomState;
        this.lossHistory = lossHistory;
        this.model = model;
        this.ema = ema;
        this.optimizer = optimizer;
    }

    /**
     * A checkpoint in memory, ready to {@link #save(Path)}.
     *
     * @param provenance where it comes from
     * @param randomState the trainer's random state
     * @param lossHistory the loss of every finished step
     * @param model the parameters
     * @param ema the EMA weights, or an empty map
     * @param optimizer the optimizer moments, or an empty map
     * @return the checkpoint
     */
    public static Checkpoint of(Provenance provenance, byte[] randomState, List<Double> lossHistory,
            Map<String, TensorArchive.Tensor> model, Map<String, TensorArchive.Tensor> ema,
            Map<String, TensorArchive.Tensor> optimizer) {
        return new Checkpoint(null, provenance, randomState.clone(), List.copyOf(lossHistory),
                ordered(model), ordered(ema), ordered(optimizer));
    }

    /**
     * Writes the checkpoint into {@code directory/step-NNNNNNNN}, replacing nothing that exists.
     *
     * @param directory the checkpoint directory
     * @return the checkpoint folder
     * @throws IOException on a write failure (no partial folder is left under the final name)
     */
    public Path save(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(String.format("step-%08d", provenance.step()));
        Path tmp = Files.createTempDirectory(directory, ".partial-step-");
        try {
            writeArchive(tmp.resolve("model.bin"), model);
            if (!ema.isEmpty()) {
                writeArchive(tmp.resolve("ema.bin"), ema);
            }
            if (!optimizer.isEmpty()) {
                writeArchive(tmp.resolve("optimizer.bin"), optimizer);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("provenance", provenance);
            json.put("randomState", Base64.getEncoder().encodeToString(randomState));
            json.put("lossHistory", lossHistory);
            AtomicFiles.writeString(tmp.resolve(DESCRIPTION), GSON.toJson(json));
            if (Files.exists(target)) {
                deleteRecursively(target);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
            return target;
        } catch (IOException | RuntimeException e) {
            deleteRecursively(tmp);
            throw e;
        }
    }

    /**
     * Reads a checkpoint folder.
     *
     * @param folder a {@code step-NNNNNNNN} folder, or a checkpoint directory (then its latest)
     * @return the checkpoint
     * @throws IOException if it is missing or damaged (the message names the file)
     */
    public static Checkpoint load(Path folder) throws IOException {
        Path f = folder;
        if (!Files.isRegularFile(f.resolve(DESCRIPTION))) {
            f = latestFolder(folder).orElseThrow(() -> new IOException("no checkpoint in " + folder));
        }
        Path description = f.resolve(DESCRIPTION);
        Stored stored;
        try {
            stored = GSON.fromJson(Files.readString(description, StandardCharsets.UTF_8), Stored.class);
        } catch (JsonParseException e) {
            throw new IOException(description + " is not valid checkpoint JSON: " + e.getMessage(), e);
        }
        if (stored == null || stored.provenance == null || stored.randomState == null) {
            throw new IOException(description + " lacks provenance or random state");
        }
        Map<String, TensorArchive.Tensor> ema = Files.exists(f.resolve("ema.bin"))
                ? TensorArchive.read(f.resolve("ema.bin")) : Map.of();
        Map<String, TensorArchive.Tensor> optimizer = Files.exists(f.resolve("optimizer.bin"))
                ? TensorArchive.read(f.resolve("optimizer.bin")) : Map.of();
        return new Checkpoint(f, stored.provenance, Base64.getDecoder().decode(stored.randomState),
                stored.lossHistory == null ? List.of() : List.copyOf(stored.lossHistory),
                TensorArchive.read(f.resolve("model.bin")), ema, optimizer);
    }

    /**
     * The newest complete checkpoint folder in a directory.
     *
     * @param directory the checkpoint directory (may not exist)
     * @return the folder with the highest step, if any
     * @throws IOException if the directory cannot be listed
     */
    public static Optional<Path> latestFolder(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> FOLDER.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(DESCRIPTION)))
                    .max(Comparator.comparingLong(Checkpoint::stepOf));
        }
    }

    /**
     * Deletes all but the newest {@code keep} checkpoint folders.
     *
     * @param directory the checkpoint directory
     * @param keep how many to keep, at least 1
     * @throws IOException if deleting fails
     */
    public static void prune(Path directory, int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep is not positive: " + keep);
        }
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(p -> FOLDER.matcher(p.getFileName().toString()).matches()).forEach(folders::add);
        }
        folders.sort(Comparator.comparingLong(Checkpoint::stepOf).reversed());
        for (int i = keep; i < folders.size(); i++) {
            deleteRecursively(folders.get(i));
        }
    }

    /**
     * Settings that guard a run against overflow without changing any finite step: a run may resume
     * with another value (for example to skip the one batch that overflowed and stopped it).
     */
    public static final java.util.Set<String> NOT_REQUIRED_ON_RESUME = java.util.Set.of("trainer.skipNonFinite");

    /**
     * Checks that this checkpoint was written by the same configuration.
     *
     * @param configuration the current configuration
     * @throws IllegalArgumentException listing each setting that differs
     */
    public void requireConfiguration(Map<String, String> configuration) {
        TreeSet<String> keys = new TreeSet<>(configuration.keySet());
        keys.addAll(provenance.configuration().keySet());
        keys.removeAll(NOT_REQUIRED_ON_RESUME);
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            String stored = provenance.configuration().get(key);
            String current = configuration.get(key);
            if (!java.util.Objects.equals(stored, current)) {
                differences.add(key + " = " + stored + " there, " + current + " here");
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + (folder == null ? "" : folder + " ")
                    + "was written by another configuration: " + String.join("; ", differences));
        }
    }

    /** @return the folder it was read from, or {@code null} if not read from disk */
    public Path folder() {
        return folder;
    }

    /** @return its provenance */
    public Provenance provenance() {
        return provenance;
    }

    /** @return a copy of the saved random state */
    public byte[] randomState() {
        return randomState.clone();
    }

    /** @return the loss of every finished step */
    public List<Double> lossHistory() {
        return lossHistory;
    }

    /** @return the parameters by name */
    public Map<String, TensorArchive.Tensor> model() {
        return model;
    }

    /** @return the EMA weights by name, or an empty map */
    public Map<String, TensorArchive.Tensor> ema() {
        return ema;
    }

    /** @return the optimizer moments by name, or an empty map */
    public Map<String, TensorArchive.Tensor> optimizer() {
        return optimizer;
    }

    private static Map<String, TensorArchive.Tensor> ordered(Map<String, TensorArchive.Tensor> tensors) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    private static void writeArchive(Path file, Map<String, TensorArchive.Tensor> tensors) throws IOException {
        AtomicFiles.write(file, out -> TensorArchive.write(out, tensors));
    }

    private static long stepOf(Path folder) {
        Matcher m = FOLDER.matcher(folder.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The JSON layout of {@code checkpoint.json}. */
    private static final class Stored {
        Provenance provenance;
        String randomState;
        List<Double> lossHistory;
    }
}
