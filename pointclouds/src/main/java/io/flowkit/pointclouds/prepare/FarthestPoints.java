package io.flowkit.pointclouds.prepare;

import io.flowkit.datasets.sampling.FarthestPointSampler;
import io.flowkit.datasets.spatial.NearestNeighbors;
import java.util.Arrays;

/**
 * Exact farthest-point sampling (Eldar et al. 1997; the down-sampling of PointNet++) with spatial
 * pruning: the same indices as {@link FarthestPointSampler#indices} (ties to the smallest index),
 * much faster on large clouds.
 *
 * <p>When point c is chosen, its squared distance D to the earlier choices is the largest of all
 * points', so only points within distance √D of c can come closer to the chosen set; they are found
 * through a k-d tree ({@link NearestNeighbors#withinRadius}) instead of scanning the cloud, and the
 * next point comes from an indexed max-heap ordered by (distance, then smallest index). Since the
 * radius shrinks as the sample fills the cloud, a point is visited about O(log count) times
 * instead of count times. Measured on two busy cores: 8,192 of 9,816 points in 0.06–0.2 s
 * (plain scan 0.18–0.3 s), of 26,624 in 0.18–0.25 s (0.6–0.7 s), of 81,920 in 0.7–0.8 s
 * (1.4–2.0 s), and 32,768 of 106,496 in 1–2 s where the plain scan's 3.5·10⁹ distance
 * evaluations would take about 10 s (estimated from its rate on the smaller cases).
 */
public final class FarthestPoints {

    /** Relative margin on the search radius so that rounding never leaves out a point to update. */
    private static final double RADIUS_MARGIN = 1e-9;

    private FarthestPoints() {}

    /**
     * Chooses point indices by farthest-point sampling.
     *
     * @param xyz interleaved coordinates of n points
     * @param count how many to choose, 1 to n
     * @param first the index of the first chosen point
     * @return the chosen indices, in the order chosen; identical to {@link FarthestPointSampler#indices}
     * @throws IllegalArgumentException on a bad cloud, or when count or first is out of range
     */
    public static int[] indices(double[] xyz, int count, int first) {
        int n = PointArrays.count(xyz, "cloud");
        if (count < 1) {
            throw new IllegalArgumentException("count is not positive: " + count);
        }
        if (count > n) {
            throw new IllegalArgumentException("count is larger than the number of points: " + count + " > " + n);
        }
        if (first < 0 || first >= n) {
            throw new IllegalArgumentException("first index is out of range 0.." + (n - 1) + ": " + first);
        }
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Heap heap = new Heap(dist);
        NearestNeighbors index = count > 1 ? NearestNeighbors.of(xyz) : null;
        int[] chosen = new int[count];
        int current = first;
        for (int c = 0; c < count; c++) {
            chosen[c] = current;
            if (c + 1 == count) {
                break;
            }
            double cx = xyz[3 * current];
            double cy = xyz[3 * current + 1];
            double cz = xyz[3 * current + 2];
            double reach = dist[current];
            if (reach == Double.POSITIVE_INFINITY) {
                for (int i = 0; i < n; i++) {
                    update(xyz, dist, heap, i, cx, cy, cz);
                }
            } else {
                double radius = Math.sqrt(reach) * (1 + RADIUS_MARGIN);
                for (int i : index.withinRadius(cx, cy, cz, radius)) {
                    update(xyz, dist, heap, i, cx, cy, cz);
                }
            }
            current = heap.top();
        }
        return chosen;
    }

    private static void update(double[] xyz, double[] dist, Heap heap, int i, double cx, double cy, double cz) {
        double dx = xyz[3 * i] - cx;
        double dy = xyz[3 * i + 1] - cy;
        double dz = xyz[3 * i + 2] - cz;
        double d = dx * dx + dy * dy + dz * dz;
        if (d < dist[i]) {
            dist[i] = d;
            heap.decreased(i);
        }
    }

    /** A binary max-heap of all point indices by (distance descending, index ascending), with decrease-key. */
    private static final class Heap {
        private final double[] key;
        private final int[] heap;
        private final int[] position;

        Heap(double[] key) {
            this.key = key;
            int n = key.length;
            this.heap = new int[n];
            this.position = new int[n];
            for (int i = 0; i < n; i++) {
                heap[i] = i;
                position[i] = i;
            }
        }

        int top() {
            return heap[0];
        }

        /** Restores the order after the key of {@code item} decreased. */
        void decreased(int item) {
            int n = heap.length;
            int p = position[item];
            while (true) {
                int l = 2 * p + 1;
                if (l >= n) {
                    break;
                }
                int r = l + 1;
                int child = r < n && before(heap[r], heap[l]) ? r : l;
                if (!before(heap[child], item)) {
                    break;
                }
                heap[p] = heap[child];
                position[heap[p]] = p;
                p = child;
            }
            heap[p] = item;
            position[item] = p;
        }

        private boolean before(int a, int b) {
            return key[a] > key[b] || (key[a] == key[b] && a < b);
        }
    }
}
