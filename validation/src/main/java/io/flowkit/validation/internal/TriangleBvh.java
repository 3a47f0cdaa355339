package io.flowkit.validation.internal;

/**
 * A bounding-volume hierarchy of axis-aligned boxes over the triangles of a mesh, for exact
 * closest-point queries by branch and bound: subtrees whose box is farther than the best triangle
 * found so far are skipped. Built by median splits of triangle centroids along the longest axis of
 * each node, with up to 4 triangles per leaf. Immutable after construction and safe to query from
 * several threads.
 */
public final class TriangleBvh {

    private static final int LEAF_SIZE = 4;

    private final double[] vertices;
    private final int[] faces;
    /** Triangle indices, permuted so that every node covers a contiguous range. */
    private final int[] order;
    /** Per node: minX, minY, minZ, maxX, maxY, maxZ. */
    private double[] box;
    /** Per node: first index into {@code order}, and count (leaves) or −(right child) (inner nodes). */
    private int[] start;
    private int[] count;
    private int nodes;

    /**
     * Builds the hierarchy. The arrays are used as given (not copied); callers pass private copies.
     *
     * @param vertices interleaved vertex coordinates, finite
     * @param faces vertex index triples, in range
     */
    public TriangleBvh(double[] vertices, int[] faces) {
        this.vertices = vertices;
        this.faces = faces;
        int n = faces.length / 3;
        this.order = new int[n];
        double[] centroid = new double[3 * n];
        for (int t = 0; t < n; t++) {
            order[t] = t;
            for (int a = 0; a < 3; a++) {
                centroid[3 * t + a] = (vertices[3 * faces[3 * t] + a] + vertices[3 * faces[3 * t + 1] + a]
                        + vertices[3 * faces[3 * t + 2] + a]) / 3;
            }
        }
        int capacity = Math.max(1, 2 * (n / LEAF_SIZE + 1));
        box = new double[6 * capacity];
        start = new int[capacity];
        count = new int[capacity];
        build(0, n, centroid);
    }

    /** @return the number of triangles */
    public int triangleCount() {
        return order.length;
    }

    private int build(int from, int to, double[] centroid) {
        int node = nodes++;
        ensureCapacity(nodes);
        double minX = Double.POSITIVE_INFINITY, minY = minX, minZ = minX;
        double maxX = Double.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
        for (int k = from; k < to; k++) {
            int t = order[k];
            for (int c = 0; c < 3; c++) {
                int v = 3 * faces[3 * t + c];
                minX = Math.min(minX, vertices[v]);
                minY = Math.min(minY, vertices[v + 1]);
                minZ = Math.min(minZ, vertices[v + 2]);
                maxX = Math.max(maxX, vertices[v]);
                maxY = Math.max(maxY, vertices[v + 1]);
                maxZ = Math.max(maxZ, vertices[v + 2]);
            }
        }
        box[6 * node] = minX;
        box[6 * node + 1] = minY;
        box[6 * node + 2] = minZ;
        box[6 * node + 3] = maxX;
        box[6 * node + 4] = maxY;
        box[6 * node + 5] = maxZ;
        start[node] = from;
        if (to - from <= LEAF_SIZE) {
            count[node] = to - from;
            return node;
        }
        double ex = maxX - minX, ey = maxY - minY, ez = maxZ - minZ;
        int axis = ex >= ey && ex >= ez ? 0 : ey >= ez ? 1 : 2;
        int mid = (from + to) >>> 1;
        select(from, to - 1, mid, axis, centroid);
        build(from, mid, centroid); // the left child is node + 1
        int right = build(mid, to, centroid);
        count[node] = -right;
        return node;
    }

    private void ensureCapacity(int n) {
        if (n > start.length) {
            int cap = Math.max(n, 2 * start.length);
            box = java.util.Arrays.copyOf(box, 6 * cap);
            start = java.util.Arrays.copyOf(start, cap);
            count = java.util.Arrays.copyOf(count, cap);
        }
    }

    /** Quickselect on {@code order[lo..hi]} so that position k holds the k-th smallest centroid coordinate. */
    private void select(int lo, int hi, int k, int axis, double[] centroid) {
        while (hi > lo) {
            double pivot = centroid[3 * order[(lo + hi) >>> 1] + axis];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (centroid[3 * order[i] + axis] < pivot) {
                    i++;
                }
                while (centroid[3 * order[j] + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /**
     * The closest point of the mesh surface to a query point.
     *
     * @param px query x
     * @param py query y
     * @param pz query z
     * @param closest receives the closest point (length 3), or null
     * @return the index of the closest triangle; the squared distance is
     *     {@code |p − closest|²}, also returned by {@link #squaredDistance}
     */
    public int nearestTriangle(double px, double py, double pz, double[] closest) {
        double[] best = {Double.POSITIVE_INFINITY};
        int bestTriangle = -1;
        double[] tmp = new double[3];
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (boxDistance2(node, px, py, pz) >= best[0]) {
                continue;
            }
            int c = count[node];
            if (c >= 0) {
                for (int k = start[node]; k < start[node] + c; k++) {
                    int t = order[k];
                    double d = PointTriangle.closest(vertices, faces[3 * t], faces[3 * t + 1], faces[3 * t + 2],
                            px, py, pz, tmp);
                    if (d < best[0]) {
                        best[0] = d;
                        bestTriangle = t;
                        if (closest != null) {
                            System.arraycopy(tmp, 0, closest, 0, 3);
                        }
                    }
                }
            } else {
                int left = node + 1;
                int right = -c;
                double dl = boxDistance2(left, px, py, pz);
                double dr = boxDistance2(right, px, py, pz);
                if (top + 2 > stack.length) {
                    stack = java.util.Arrays.copyOf(stack, 2 * stack.length);
                }
                // Push the farther child first so that the nearer one is searched first.
                if (dl <= dr) {
                    stack[top++] = right;
                    stack[top++] = left;
                } else {
                    stack[top++] = left;
                    stack[top++] = right;
                }
            }
        }
        return bestTriangle;
    }

    /**
     * The squared distance from a point to the mesh surface.
     *
     * @param px query x
     * @param py query y
     * @param pz query z
     * @return the squared distance to the closest triangle
     */
    public double squaredDistance(double px, double py, double pz) {
        double[] q = new double[3];
        nearestTriangle(px, py, pz, q);
        double dx = px - q[0], dy = py - q[1], dz = pz - q[2];
        return dx * dx + dy * dy + dz * dz;
    }

    private double boxDistance2(int node, double px, double py, double pz) {
        int o = 6 * node;
        double dx = Math.max(0, Math.max(box[o] - px, px - box[o + 3]));
        double dy = Math.max(0, Math.max(box[o + 1] - py, py - box[o + 4]));
        double dz = Math.max(0, Math.max(box[o + 2] - pz, pz - box[o + 5]));
        return dx * dx + dy * dy + dz * dz;
    }
}
