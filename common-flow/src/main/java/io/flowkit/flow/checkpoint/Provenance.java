package io.flowkit.flow.checkpoint;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a checkpoint comes from: enough to trace a result back to its run.
 *
 * @param flowkitVersion the flowkit version that wrote it
 * @param djlVersion the DJL version
 * @param engine the engine and its version, e.g. {@code PyTorch 2.7.1}
 * @param created the time of writing, ISO-8601 UTC
 * @param seed the training seed
 * @param step the number of finished training steps
 * @param dataset what the data was (name, split, size)
 * @param configuration every setting that shapes the model and the training, as text
 * @param metrics measured values at save time (e.g. the mean loss of the last steps)
 * @param threads the intra-op threads the run used
 */
public record Provenance(
        String flowkitVersion,
        String djlVersion,
        String engine,
        String created,
        long seed,
        long step,
        String dataset,
        Map<String, String> configuration,
        Map<String, Double> metrics,
        int threads) {

    /** Copies the maps into sorted, unmodifiable ones. */
    public Provenance {
        configuration = java.util.Collections.unmodifiableMap(new TreeMap<>(configuration));
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
    }
}
