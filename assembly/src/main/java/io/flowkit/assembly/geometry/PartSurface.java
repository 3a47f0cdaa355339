package io.flowkit.assembly.geometry;

import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.datasets.spatial.NearestNeighbors;
import java.util.Arrays;
import java.util.List;

/**
 * One part's surface as the geometric stage sees it: dense points with unit outward normals, in
 * the part's input pose, indexed for nearest-neighbour queries. Immutable.
 */
public final class PartSurface {

    private final double[] points;
    private final double[] normals;
    private final NearestNeighbors index;
    private final double spacing;
    private final double areaPerPoint;
    private final boolean[] flat;

    private PartSurface(double[] points, double[] normals, NearestNeighbors index, double spacing, double areaPerPoint,
            boolean[] flat) {
        this.points = points;
        this.normals = normals;
        this.index = index;
        this.spacing = spacing;
        this.areaPerPoint = areaPerPoint;
        this.flat = flat;
    }

    /**
     * This surface with its points in flat regions marked (candidate fracture faces; see
     * {@link Contact} for how the marks are used).
     *
     * @param regions flat regions of this surface
     * @return a copy that shares the points and the index
     */
    public PartSurface withFlatRegions(List<PlanarRegion> regions) {
        boolean[] marks = new boolean[size()];
        for (PlanarRegion r : regions) {
            for (int i : r.members()) {
                marks[i] = true;
            }
        }
        return new PartSurface(points, normals, index, spacing, areaPerPoint, marks);
    }

    /** Whether point i lies in a marked flat region (false when none are marked). */
    boolean flat(int i) {
        return flat != null && flat[i];
    }

    /**
     * A part from points sampled uniformly on its surface.
     *
     * @param name the part, for messages
     * @param points interleaved xyz, at least 16 points (copied)
     * @param normals interleaved outward normals, one per point, not zero (copied and normalised)
     * @param area the part's surface area, positive
     * @return the surface
     * @throws IllegalArgumentException for too few points, mismatched lengths, a non-finite value,
     *     a zero normal or an area that is not positive
     */
    public static PartSurface of(String name, double[] points, double[] normals, double area) {
        if (points.length % 3 != 0 || points.length / 3 < 16) {
            throw new IllegalArgumentException(name + ": too few points for the geometric stage: " + points.length / 3
                    + " (at least 16)");
        }
        if (normals.length != points.length) {
            throw new IllegalArgumentException(name + ": " + points.length / 3 + " points but " + normals.length / 3
                    + " normals");
        }
        if (!(area > 0) || Double.isInfinite(area)) {
            throw new IllegalArgumentException(name + ": area is not positive: " + area);
        }
        double[] x = points.clone();
        double[] n = normals.clone();
        for (int i = 0; i < x.length / 3; i++) {
            double len = Math.sqrt(n[3 * i] * n[3 * i] + n[3 * i + 1] * n[3 * i + 1] + n[3 * i + 2] * n[3 * i + 2]);
            if (!(len > 0) || !Double.isFinite(len) || !Double.isFinite(x[3 * i] + x[3 * i + 1] + x[3 * i + 2])) {
                throw new IllegalArgumentException(name + ": point " + i + " has a non-finite coordinate or a zero normal");
            }
            for (int d = 0; d < 3; d++) {
                n[3 * i + d] /= len;
            }
        }
        NearestNeighbors index = NearestNeighbors.of(x);
        int count = x.length / 3;
        int[] pairs = index.kNearest(x, 2);
        double[] gaps = new double[count];
        for (int i = 0; i < count; i++) {
            int j = pairs[2 * i] == i ? pairs[2 * i + 1] : pairs[2 * i];
            gaps[i] = Math.sqrt(squared(x, i, x, j));
        }
        Arrays.sort(gaps);
        // Uniform samples: the typical distance between neighbours is about sqrt(area per point),
        // the median nearest-neighbour distance about half of it.
        double spacing = Math.max(Math.sqrt(area / count), 2 * gaps[count / 2]);
        return new PartSurface(x, n, index, spacing, area / count, null);
    }

    /**
     * One part of an assembly example in its input pose, with the example's normals.
     *
     * @param example the example (its points in the model's frame), with normals
     * @param part the part
     * @param area the part's surface area in the example's frame
     * @return the surface
     * @throws IllegalArgumentException if the example has no normals, or as {@link #of(String,
     *     double[], double[], double)}
     */
    public static PartSurface of(AssemblyExample example, int part, double area) {
        double[] all = example.normals();
        if (all == null) {
            throw new IllegalArgumentException(example.id() + ": no normals for the geometric stage");
        }
        double[] x = example.partPoints(part, false);
        double[] n = new double[x.length];
        int[] partOf = example.partOf();
        int q = 0;
        for (int i = 0; i < partOf.length; i++) {
            if (partOf[i] == part) {
                System.arraycopy(all, 3 * i, n, 3 * q++, 3);
            }
        }
        return of(example.id() + " part " + part, x, n, area);
    }

    /** @return the number of points */
    public int size() {
        return points.length / 3;
    }

    /** @return interleaved xyz (a copy) */
    public double[] points() {
        return points.clone();
    }

    /** @return interleaved unit normals (a copy) */
    public double[] normals() {
        return normals.clone();
    }

    /** @return the typical distance between neighbouring points */
    public double spacing() {
        return spacing;
    }

    /** @return the surface area each point stands for */
    public double areaPerPoint() {
        return areaPerPoint;
    }

    /** @return the nearest-neighbour index of the points */
    public NearestNeighbors index() {
        return index;
    }

    /** Coordinate d of point i, without copying. */
    double x(int i, int d) {
        return points[3 * i + d];
    }

    /** Normal component d of point i, without copying. */
    double n(int i, int d) {
        return normals[3 * i + d];
    }

    static double squared(double[] a, int i, double[] b, int j) {
        double dx = a[3 * i] - b[3 * j];
        double dy = a[3 * i + 1] - b[3 * j + 1];
        double dz = a[3 * i + 2] - b[3 * j + 2];
        return dx * dx + dy * dy + dz * dz;
    }
}
