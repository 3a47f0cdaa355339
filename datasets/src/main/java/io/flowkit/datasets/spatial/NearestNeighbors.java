package io.flowkit.datasets.spatial;

import io.flowkit.datasets.internal.Checks;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tinspin.index.Index.PointEntry;
import org.tinspin.index.Index.PointEntryKnn;
import org.tinspin.index.Index.PointIterator;
import org.tinspin.index.Index.PointIteratorKnn;
import org.tinspin.index.IndexConfig;
import org.tinspin.index.kdtree.KDTree;

/**
 * Exact nearest-neighbour queries (Euclidean) on a fixed set of 3D points, backed by tinspin's
 * k-d tree. Build once with {@link #of(double[])}, then query single points, or whole clouds with
 * the batch methods (which run in parallel on large batches and return the same result as a
 * sequential loop).
 *
 * <p>The points are inserted in a fixed pseudo-random order so that the (unbalanced) k-d tree stays
 * shallow even when the input is sorted, as mesh vertices often are. Ties between equidistant
 * points are broken arbitrarily but deterministically. Instances are immutable and safe to query
 * from several threads.
 */
public final class NearestNeighbors {

    private static final int PARALLEL_BATCH = 4096;
    private static final long INSERTION_SEED = 0x5DEECE66DL;

    private final KDTree<Integer> tree;
    private final double[] xyz;

    private NearestNeighbors(double[] xyz) {
        this.xyz = xyz;
        this.tree = KDTree.create(IndexConfig.create(3).setDefensiveKeyCopy(false));
        int n = xyz.length / 3;
        int[] order = IntStream.range(0, n).toArray();
        SplittableRandom random = new SplittableRandom(INSERTION_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i : order) {
            tree.insert(new double[] {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]}, i);
        }
    }

    /**
     * Indexes a set of points.
     *
     * @param xyz interleaved coordinates of at least one point (copied)
     * @return the index
     * @throws IllegalArgumentException for an empty set, a length not divisible by 3 or a non-finite coordinate
     */
    public static NearestNeighbors of(double[] xyz) {
        Checks.checkXyz(xyz, "point", "points");
        if (xyz.length == 0) {
            throw new IllegalArgumentException("cannot index an empty point set");
        }
        return new NearestNeighbors(xyz.clone());
    }

    /** @return the number of indexed points */
    public int size() {
        return xyz.length / 3;
    }

    /**
     * @param point index of an indexed point
     * @param axis 0, 1 or 2
     * @return its coordinate
     */
    public double coordinate(int point, int axis) {
        return xyz[3 * point + axis];
    }

    /**
     * The nearest indexed point.
     *
     * @param x query x
     * @param y query y
     * @param z query z
     * @return the index of the nearest indexed point
     */
    public int nearest(double x, double y, double z) {
        return tree.query1nn(new double[] {x, y, z}).value();
    }

    /**
     * The distance to the nearest indexed point.
     *
     * @param x query x
     * @param y query y
     * @param z query z
     * @return the Euclidean distance
     */
    public double nearestDistance(double x, double y, double z) {
        return tree.query1nn(new double[] {x, y, z}).dist();
    }

    /**
     * The nearest indexed point of each query point.
     *
     * @param queries interleaved xyz of the query points
     * @return one index per query point
     */
    public int[] nearest(double[] queries) {
        int m = checkQueries(queries);
        int[] out = new int[m];
        range(m).forEach(i -> out[i] = nearest(queries[3 * i], queries[3 * i + 1], queries[3 * i + 2]));
        return out;
    }

    /**
     * The distance from each query point to its nearest indexed point (the building block of
     * Chamfer and Hausdorff distances).
     *
     * @param queries interleaved xyz of the query points
     * @return one Euclidean distance per query point
     */
    public double[] nearestDistances(double[] queries) {
        int m = checkQueries(queries);
        double[] out = new double[m];
        range(m).forEach(i -> out[i] = nearestDistance(queries[3 * i], queries[3 * i + 1], queries[3 * i + 2]));
        return out;
    }

    /**
     * The k nearest indexed points, nearest first.
     *
     * @param x query x
     * @param y query y
     * @param z query z
     * @param k how many, at least 1; fewer are returned when the index holds fewer points
     * @return indices, nearest first
     */
    public int[] kNearest(double x, double y, double z, int k) {
        Checks.checkPositive(k, "k");
        int kk = Math.min(k, size());
        PointIteratorKnn<Integer> it = tree.queryKnn(new double[] {x, y, z}, kk);
        double[] dist = new double[kk];
        int[] idx = new int[kk];
        int n = 0;
        while (it.hasNext() && n < kk) {
            PointEntryKnn<Integer> e = it.next();
            dist[n] = e.dist();
            idx[n] = e.value();
            n++;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(idx[a], idx[b]));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[order[i]];
        }
        return out;
    }

    /**
     * The k nearest indexed points of each query point.
     *
     * @param queries interleaved xyz of the query points
     * @param k neighbours per query, at least 1 and at most {@link #size()}
     * @return row-major indices, {@code k} per query point, nearest first
     */
    public int[] kNearest(double[] queries, int k) {
        int m = checkQueries(queries);
        Checks.checkPositive(k, "k");
        if (k > size()) {
            throw new IllegalArgumentException("k is larger than the number of indexed points: " + k + " > " + size());
        }
        int[] out = new int[m * k];
        range(m).forEach(i -> System.arraycopy(kNearest(queries[3 * i], queries[3 * i + 1], queries[3 * i + 2], k), 0, out, i * k, k));
        return out;
    }

    /**
     * The indexed points within a distance of a query point (inclusive), in increasing index order.
     *
     * @param x query x
     * @param y query y
     * @param z query z
     * @param radius non-negative distance
     * @return indices of the points with distance ≤ radius
     */
    public int[] withinRadius(double x, double y, double z, double radius) {
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius is not a finite non-negative number: " + radius);
        }
        double r2 = radius * radius;
        PointIterator<Integer> it = tree.query(new double[] {x - radius, y - radius, z - radius},
                new double[] {x + radius, y + radius, z + radius});
        int[] found = new int[16];
        int n = 0;
        while (it.hasNext()) {
            PointEntry<Integer> e = it.next();
            double[] p = e.point();
            double dx = p[0] - x;
            double dy = p[1] - y;
            double dz = p[2] - z;
            if (dx * dx + dy * dy + dz * dz <= r2) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, 2 * n);
                }
                found[n++] = e.value();
            }
        }
        int[] out = Arrays.copyOf(found, n);
        Arrays.sort(out);
        return out;
    }

    private static int checkQueries(double[] queries) {
        if (queries.length % 3 != 0) {
            throw new IllegalArgumentException("queries length is not a multiple of 3: " + queries.length);
        }
        return queries.length / 3;
    }

    private static IntStream range(int m) {
        IntStream s = IntStream.range(0, m);
        return m >= PARALLEL_BATCH ? s.parallel() : s;
    }
}
