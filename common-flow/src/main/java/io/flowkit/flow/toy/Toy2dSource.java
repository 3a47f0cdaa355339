package io.flowkit.flow.toy;

import ai.djl.ndarray.types.Shape;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.train.FlowDataSource;
import io.flowkit.flow.train.HostBatch;

/**
 * Training batches that pair independent draws from a source distribution ({@code t = 0}) with
 * independent draws from a target distribution ({@code t = 1}).
 *
 * @param source the source distribution
 * @param target the target distribution
 */
public record Toy2dSource(Toy2d source, Toy2d target) implements FlowDataSource {

    private static final Shape SAMPLE = new Shape(2);

    /**
     * Validates the distributions.
     *
     * @throws IllegalArgumentException if either is null
     */
    public Toy2dSource {
        if (source == null || target == null) {
            throw new IllegalArgumentException("source and target distributions must not be null");
        }
    }

    @Override
    public HostBatch next(long step, int batchSize, SeededRandom random) {
        float[] x0 = source.sample(batchSize, random);
        float[] x1 = target.sample(batchSize, random);
        return new HostBatch(batchSize, SAMPLE, x0, x1, null);
    }

    @Override
    public String describe() {
        return "toy2d " + source.id() + " -> " + target.id();
    }
}
