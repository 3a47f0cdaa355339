package io.flowkit.flow.checkpoint;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.flowkit.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files of a saved model: {@code model.json} (configuration and provenance, written by the
 * model's own class) and {@code model.bin} (weights, a {@link TensorArchive}), in a folder or on the
 * classpath (a model shipped inside a jar).
 */
public final class ModelFolder {

    /** The description file. */
    public static final String DESCRIPTION = "model.json";
    /** The weights file. */
    public static final String WEIGHTS = "model.bin";

    private ModelFolder() {}

    /**
     * What a model folder holds.
     *
     * @param json the description
     * @param weights the weights by name
     * @param source where it was read from, for messages and provenance
     */
    public record Contents(String json, Map<String, TensorArchive.Tensor> weights, String source) {

        /**
         * Parses the description.
         *
         * @param <T> the model's stored form
         * @param gson the model's JSON settings
         * @param type the model's stored form
         * @return the parsed description, or {@code null} for an empty file
         * @throws IOException naming the source, if the description is not valid JSON of that form
         */
        public <T> T parse(Gson gson, Class<T> type) throws IOException {
            try {
                return gson.fromJson(json, type);
            } catch (JsonParseException e) {
                throw new IOException(source + ": model.json is not valid: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads a model from the folder's contents.
     *
     * @param <M> the model
     */
    @FunctionalInterface
    public interface Reader<M> {
        /**
         * @param contents what the model folder holds
         * @return the model
         * @throws IOException if the contents are malformed
         */
        M read(Contents contents) throws IOException;
    }

    /**
     * Reads a model folder.
     *
     * @param folder the folder
     * @param kind what model it should be, for messages (e.g. "TS-GEN")
     * @return its contents
     * @throws IOException if a file is missing (named in the message) or the weights are malformed
     */
    public static Contents read(Path folder, String kind) throws IOException {
        Path json = folder.resolve(DESCRIPTION);
        Path bin = folder.resolve(WEIGHTS);
        if (!Files.isRegularFile(json)) {
            throw new IOException("not a " + kind + " model folder: " + json + " is missing");
        }
        try (InputStream weights = Files.newInputStream(bin)) {
            String description = Files.readString(json, StandardCharsets.UTF_8);
            return new Contents(description, TensorArchive.read(weights, bin.toString()), folder.toString());
        } catch (NoSuchFileException e) {
            throw new IOException("not a " + kind + " model folder: " + bin + " is missing", e);
        }
    }

    /**
     * Reads a model shipped on the classpath.
     *
     * @param anchor a class of the jar that holds it
     * @param resource the resource folder, ending in {@code /}
     * @param missing the message when it is absent
     * @return its contents
     * @throws IOException if it is absent ({@code missing}) or malformed
     */
    public static Contents readResource(Class<?> anchor, String resource, String missing) throws IOException {
        try (InputStream json = anchor.getResourceAsStream(resource + DESCRIPTION);
                InputStream weights = anchor.getResourceAsStream(resource + WEIGHTS)) {
            if (json == null || weights == null) {
                throw new IOException(missing);
            }
            String source = "default model (classpath " + resource + ")";
            return new Contents(new String(json.readAllBytes(), StandardCharsets.UTF_8),
                    TensorArchive.read(weights, source + "/" + WEIGHTS), source);
        }
    }

    /**
     * Loads a model shipped on the classpath: the one-line entry points' default models.
     *
     * @param <M> the model
     * @param anchor a class of the jar that holds it
     * @param resource the resource folder, ending in {@code /}
     * @param missing the message when it is absent
     * @param reader builds the model from the contents
     * @return the model
     * @throws UncheckedIOException if it is absent ({@code missing}) or malformed
     */
    public static <M> M loadShipped(Class<?> anchor, String resource, String missing, Reader<M> reader) {
        try {
            return reader.read(readResource(anchor, resource, missing));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Writes a model folder, each file atomically.
     *
     * @param folder the folder, created if needed
     * @param json the description
     * @param weights the weights by name
     * @throws IOException on a write failure
     */
    public static void write(Path folder, String json, Map<String, TensorArchive.Tensor> weights) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(WEIGHTS), out -> TensorArchive.write(out, weights));
        AtomicFiles.writeString(folder.resolve(DESCRIPTION), json);
    }
}
