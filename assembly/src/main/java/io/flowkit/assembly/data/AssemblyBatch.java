package io.flowkit.assembly.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A batch of examples with the same point count as the network's condition arrays: input positions
 * {@code (B, N, 3)}, one-hot part membership {@code (B, N, K)}, anchor flags {@code (B, N, 1)} and
 * input-pose normals {@code (B, N, 3)} (zero where an example has none).
 *
 * @param size B
 * @param points N
 * @param maxParts K
 * @param input input positions, B·N·3
 * @param parts one-hot membership, B·N·K
 * @param anchor anchor flags, B·N
 * @param normals input-pose normals, B·N·3
 */
public record AssemblyBatch(int size, int points, int maxParts, float[] input, float[] parts, float[] anchor,
        float[] normals) {

    /**
     * Gathers examples.
     *
     * @param examples the examples, all with N points
     * @param maxParts K, at least the largest part count
     * @return the batch
     * @throws IllegalArgumentException if the point counts differ or an example has more than K parts
     */
    public static AssemblyBatch of(List<AssemblyExample> examples, int maxParts) {
        int b = examples.size();
        int n = examples.get(0).pointCount();
        float[] input = new float[b * n * 3];
        float[] parts = new float[b * n * maxParts];
        float[] anchor = new float[b * n];
        float[] normals = new float[b * n * 3];
        for (int e = 0; e < b; e++) {
            AssemblyExample x = examples.get(e);
            if (x.pointCount() != n) {
                throw new IllegalArgumentException("example " + x.id() + " has " + x.pointCount() + " points, the batch "
                        + n);
            }
            if (x.partCount() > maxParts) {
                throw new IllegalArgumentException("example " + x.id() + " has " + x.partCount()
                        + " parts, more than the model's " + maxParts);
            }
            int[] partOf = x.partOf();
            double[] in = x.input();
            double[] nm = x.normals();
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 3; d++) {
                    input[(e * n + i) * 3 + d] = (float) in[3 * i + d];
                    if (nm != null) {
                        normals[(e * n + i) * 3 + d] = (float) nm[3 * i + d];
                    }
                }
                parts[(e * n + i) * maxParts + partOf[i]] = 1;
                anchor[e * n + i] = partOf[i] == x.anchor() ? 1 : 0;
            }
        }
        return new AssemblyBatch(b, n, maxParts, input, parts, anchor, normals);
    }

    /**
     * The condition arrays.
     *
     * @param manager where to create them
     * @return {@code [input, parts, anchor, normals]}
     */
    public NDList condition(NDManager manager) {
        return new NDList(manager.create(input, new Shape(size, points, 3)),
                manager.create(parts, new Shape(size, points, maxParts)), manager.create(anchor, new Shape(size, points, 1)),
                manager.create(normals, new Shape(size, points, 3)));
    }
}
