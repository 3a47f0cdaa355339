package io.flowkit.assembly.data;

import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.train.FlowDataSource;
import io.flowkit.flow.train.HostBatch;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Training batches of the assembly flow (flowkit's time convention, t = 0 noise, t = 1 data):
 * {@code x1} the assembled points, {@code x0} Gaussian noise, except on the anchor, whose points
 * are held at their true positions ({@code x0 = x1}, so {@code x_t = x1} and the target is 0) and
 * left out of the loss by the mask.
 */
public final class AssemblySource implements FlowDataSource {

    private final List<AssemblyExample> examples;
    private final int maxParts;
    private final String description;

    /**
     * A source.
     *
     * @param examples training examples, all with the same point count
     * @param maxParts the model's K
     * @param description what they are, for provenance
     * @throws IllegalArgumentException if there are none, or their point counts differ
     */
    public AssemblySource(List<AssemblyExample> examples, int maxParts, String description) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        AssemblyBatch.of(examples, maxParts);
        this.examples = List.copyOf(examples);
        this.maxParts = maxParts;
        this.description = description;
    }

    @Override
    public HostBatch next(long step, int batchSize, SeededRandom random) {
        List<AssemblyExample> chosen = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            chosen.add(examples.get(random.nextInt(examples.size())));
        }
        AssemblyBatch batch = AssemblyBatch.of(chosen, maxParts);
        int n = batch.points();
        float[] x1 = new float[batchSize * n * 3];
        float[] x0 = random.gaussian(batchSize * n * 3);
        float[] mask = new float[x1.length];
        for (int e = 0; e < batchSize; e++) {
            double[] a = chosen.get(e).assembled();
            for (int i = 0; i < n; i++) {
                boolean anchor = batch.anchor()[e * n + i] > 0;
                for (int d = 0; d < 3; d++) {
                    int k = (e * n + i) * 3 + d;
                    x1[k] = (float) a[3 * i + d];
                    if (anchor) {
                        x0[k] = x1[k];
                    }
                    mask[k] = anchor ? 0 : 1;
                }
            }
        }
        return new HostBatch(batchSize, new Shape(n, 3), x0, x1, batch::condition, mask);
    }

    @Override
    public String describe() {
        return description;
    }
}
