package io.flowkit.flow.train;

import io.flowkit.flow.random.SeededRandom;

/**
 * Supplies training batches. A source must draw all its randomness from the stream it is given
 * and keep no other mutable state, so that a run resumed from a checkpoint sees exactly the
 * batches of an uninterrupted run.
 */
public interface FlowDataSource {

    /**
     * Draws a batch.
     *
     * @param step the zero-based training step (for sources that walk through a data set)
     * @param batchSize the number of samples
     * @param random the trainer's random stream
     * @return the batch
     */
    HostBatch next(long step, int batchSize, SeededRandom random);

    /** @return what the data is, for provenance (name, split, size) */
    String describe();
}
