package io.flowkit.pointclouds.eval;

import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.prepare.PointArrays;
import java.util.Arrays;
import java.util.Objects;

/**
 * One shape of {@code pointclouds/pugan-official}: the official test input and mesh with a
 * ground truth sampled from the mesh ({@link #shape}), and PU-GAN's own x4 output for that input.
 *
 * @param shape name, official mesh, official 2,048-point input and a Poisson-disk ground truth
 * @param puganX4 PU-GAN's x4 output for the official input, 8,192 points, interleaved xyz (copied)
 */
public record OfficialShape(ShapeSample shape, double[] puganX4) {

    /**
     * Validates and copies.
     *
     * @param shape non-null shape
     * @param puganX4 a non-empty finite cloud
     * @throws IllegalArgumentException on a bad cloud
     */
    public OfficialShape {
        Objects.requireNonNull(shape, "shape");
        PointArrays.count(puganX4, shape.name() + " PU-GAN output");
        puganX4 = puganX4.clone();
    }

    /** @return a copy of PU-GAN's x4 output */
    @Override
    public double[] puganX4() {
        return puganX4.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OfficialShape s && shape.equals(s.shape) && Arrays.equals(puganX4, s.puganX4);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(puganX4);
    }

    @Override
    public String toString() {
        return "OfficialShape[" + shape + ", PU-GAN x4 output of " + puganX4.length / 3 + " points]";
    }
}
