package io.flowkit.datasets.internal;

import io.flowkit.datasets.io.MalformedInputException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Builds a value type from parsed content, turning its validation failure into a file error. */
public final class Validated {

    private Validated() {}

    /**
     * Runs a value-type factory and reports its {@link IllegalArgumentException} against the file.
     *
     * @param file the file the content came from
     * @param factory builds the value
     * @param <T> the value type
     * @return the value
     * @throws MalformedInputException naming the file and the validation message
     */
    public static <T> T build(Path file, Supplier<T> factory) throws MalformedInputException {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw MalformedInputException.of(file, e.getMessage(), e);
        }
    }
}
