package io.flowkit.datasets.pointcloud;

import io.flowkit.datasets.internal.Checks;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * An immutable, non-empty point cloud: positions and optional per-point normals, both interleaved
 * {@code x0, y0, z0, x1, ...}. Units are those of the source (the PU-GAN/PU-Net sets are in a
 * unit-sphere frame). Normals are stored as given (not renormalised).
 *
 * <p>{@link #positions()} copies; {@link #positionView()} is a read-only view without copying, for
 * metrics and featurisers that read millions of coordinates.
 */
public final class PointCloud {

    private final double[] positions;
    private final double[] normals;

    private PointCloud(double[] positions, double[] normals) {
        Checks.checkXyz(positions, "point", "positions");
        if (positions.length == 0) {
            throw new IllegalArgumentException("point cloud is empty");
        }
        if (normals != null) {
            Checks.checkXyz(normals, "normal", "normals");
            if (normals.length != positions.length) {
                throw new IllegalArgumentException("normals hold " + normals.length / 3 + " vectors but the cloud has "
                        + positions.length / 3 + " points");
            }
        }
        this.positions = positions.clone();
        this.normals = normals == null ? null : normals.clone();
    }

    /**
     * A cloud without normals.
     *
     * @param positions interleaved xyz, at least one point (copied)
     * @return the cloud
     * @throws IllegalArgumentException for an empty cloud, a length not divisible by 3, or a non-finite coordinate
     */
    public static PointCloud of(double[] positions) {
        return new PointCloud(positions, null);
    }

    /**
     * A cloud with normals.
     *
     * @param positions interleaved xyz, at least one point (copied)
     * @param normals interleaved normal vectors, one per point (copied)
     * @return the cloud
     * @throws IllegalArgumentException as {@link #of(double[])}, or when the normals do not match the points
     */
    public static PointCloud of(double[] positions, double[] normals) {
        return new PointCloud(positions, java.util.Objects.requireNonNull(normals, "normals"));
    }

    /** @return the number of points (at least 1) */
    public int size() {
        return positions.length / 3;
    }

    /** @return a copy of the positions, interleaved xyz */
    public double[] positions() {
        return positions.clone();
    }

    /** @return a read-only view of the interleaved positions, without copying */
    public DoubleBuffer positionView() {
        return DoubleBuffer.wrap(positions).asReadOnlyBuffer();
    }

    /**
     * @param point index from 0
     * @param axis 0, 1 or 2 for x, y, z
     * @return the coordinate
     */
    public double coordinate(int point, int axis) {
        return positions[3 * point + axis];
    }

    /** @return whether the cloud has normals */
    public boolean hasNormals() {
        return normals != null;
    }

    /** @return a copy of the normals, interleaved, if present */
    public Optional<double[]> normals() {
        return normals == null ? Optional.empty() : Optional.of(normals.clone());
    }

    /** @return a read-only view of the normals, if present, without copying */
    public Optional<DoubleBuffer> normalView() {
        return normals == null ? Optional.empty() : Optional.of(DoubleBuffer.wrap(normals).asReadOnlyBuffer());
    }

    /** @return this cloud without normals */
    public PointCloud withoutNormals() {
        return normals == null ? this : new PointCloud(positions, null);
    }

    /**
     * The points at the given indices, in that order, with their normals.
     *
     * @param indices point indices (repeats allowed)
     * @return the sub-cloud
     * @throws IndexOutOfBoundsException for an index outside the cloud
     */
    public PointCloud subset(int[] indices) {
        double[] p = new double[3 * indices.length];
        double[] n = normals == null ? null : new double[3 * indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = java.util.Objects.checkIndex(indices[k], size());
            System.arraycopy(positions, 3 * i, p, 3 * k, 3);
            if (n != null) {
                System.arraycopy(normals, 3 * i, n, 3 * k, 3);
            }
        }
        return new PointCloud(p, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointCloud && Arrays.equals(positions, ((PointCloud) o).positions)
                && Arrays.equals(normals, ((PointCloud) o).normals);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(positions) + Arrays.hashCode(normals);
    }

    @Override
    public String toString() {
        return "PointCloud[" + size() + " points" + (normals != null ? ", with normals" : "") + "]";
    }
}
