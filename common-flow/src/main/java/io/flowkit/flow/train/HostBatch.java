package io.flowkit.flow.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.Function;

/**
 * One training batch on the host: source samples {@code x0} ({@code t = 0}), data samples
 * {@code x1} ({@code t = 1}) and an optional condition per data sample.
 *
 * @param size the number of samples
 * @param sampleShape the shape of one sample, e.g. {@code (2)} or {@code (1024, 3)}
 * @param x0 source samples, sample-major, {@code size × sampleShape.size()} values
 * @param x1 data samples, same layout; data sample {@code i} belongs to condition row {@code i}
 * @param condition builds the condition arrays (first axis the batch) in a given manager, or
 *     {@code null} for an unconditional flow
 * @param mask 1 for real values and 0 for padding, laid out like {@code x1} (for example molecules
 *     of different sizes padded to one atom count), or {@code null} when nothing is padded; the loss
 *     averages over real values only
 */
public record HostBatch(int size, Shape sampleShape, float[] x0, float[] x1, Function<NDManager, NDList> condition,
        float[] mask) {

    /**
     * Validates the layout.
     *
     * @throws IllegalArgumentException if the arrays do not hold {@code size} samples of the shape
     */
    public HostBatch {
        if (size < 1) {
            throw new IllegalArgumentException("batch size is not positive: " + size);
        }
        long expected = size * sampleShape.size();
        if (x0.length != expected || x1.length != expected) {
            throw new IllegalArgumentException("batch of " + size + " samples of shape " + sampleShape + " needs "
                    + expected + " values: x0 has " + x0.length + ", x1 has " + x1.length);
        }
        if (mask != null && mask.length != expected) {
            throw new IllegalArgumentException("mask has " + mask.length + " values, the batch " + expected);
        }
    }

    /**
     * A batch without padding.
     *
     * @param size the number of samples
     * @param sampleShape the shape of one sample
     * @param x0 source samples
     * @param x1 data samples
     * @param condition builds the condition arrays, or {@code null}
     */
    public HostBatch(int size, Shape sampleShape, float[] x0, float[] x1, Function<NDManager, NDList> condition) {
        this(size, sampleShape, x0, x1, condition, null);
    }

    /** @return the number of values in one sample */
    public int sampleSize() {
        return Math.toIntExact(sampleShape.size());
    }

    /** @return the batch shape {@code (size, sampleShape…)} */
    public Shape batchShape() {
        return new Shape(size).addAll(sampleShape);
    }
}
