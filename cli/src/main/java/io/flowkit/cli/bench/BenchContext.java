package io.flowkit.cli.bench;

import ai.djl.Device;
import java.nio.file.Path;

/**
 * What every suite runs with.
 *
 * @param folder the report folder (pictures go here; {@code full} runs keep their models under
 *     {@code models/})
 * @param seed the seed of every run
 * @param full whether to train from scratch (the published setting scaled to the machine) instead
 *     of using the shipped models
 * @param device where models run
 * @param progress where progress goes
 */
public record BenchContext(Path folder, long seed, boolean full, Device device, BenchProgress progress) {

    /** @return {@code full} or {@code quick} */
    public String mode() {
        return full ? "full" : "quick";
    }

    /**
     * @param suite a suite's name
     * @return the folder of the models that suite trains in a full run
     */
    public Path models(String suite) {
        return folder.resolve("models").resolve(suite);
    }

    /** @return the number of cores of this machine */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
