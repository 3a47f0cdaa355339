package io.flowkit.pointclouds.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.flowkit.core.math.So3;
import io.flowkit.flow.random.SeededRandom;
import io.flowkit.flow.train.FlowDataSource;
import io.flowkit.flow.train.HostBatch;
import io.flowkit.pointclouds.model.PatchNeighbours;
import io.flowkit.pointclouds.model.PufmConfig;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Stage-1 batches of PUFM++: for a random patch, {@code x0 = interpolated + σ·ε} (σ = 0.02 by
 * default), {@code x1} the matched ground truth, and as condition the interpolated points with
 * their neighbour lists. With augmentation, each drawn patch is turned by a uniformly random
 * rotation and scaled by a uniform factor in [{@value #MIN_SCALE}, {@value #MAX_SCALE}] (the same for
 * all its points, input and truth alike), the augmentation of PU-GAN (Li et al. 2019); the start
 * noise is added after scaling.
 */
public final class PatchSource implements FlowDataSource {

    /** The smallest scale factor of the augmentation. */
    public static final double MIN_SCALE = 0.8;
    /** The largest scale factor of the augmentation. */
    public static final double MAX_SCALE = 1.2;

    private final List<TrainingPatch> patches;
    private final long[][] neighbours;
    private final int points;
    private final int k;
    private final double noise;
    private final boolean augment;
    private final String description;

    /**
     * A source over training patches.
     *
     * @param patches the patches, all of {@code config.densePoints()} points
     * @param config the model configuration (patch size, neighbours, noise)
     * @param augment whether to turn each drawn patch by a random rotation and scale it by a random factor
     * @param description what the data is, for provenance
     * @throws IllegalArgumentException if there are no patches or one has the wrong size
     */
    public PatchSource(List<TrainingPatch> patches, PufmConfig config, boolean augment, String description) {
        if (patches.isEmpty()) {
            throw new IllegalArgumentException("no training patches");
        }
        this.patches = List.copyOf(patches);
        this.points = config.densePoints();
        this.k = config.neighbours();
        this.noise = config.noise();
        this.augment = augment;
        this.description = description;
        this.neighbours = new long[patches.size()][];
        for (int i = 0; i < patches.size(); i++) {
            TrainingPatch p = patches.get(i);
            if (p.points() != points) {
                throw new IllegalArgumentException("training patch " + i + " has " + p.points() + " points, the model "
                        + points);
            }
            neighbours[i] = PatchNeighbours.of(p.interpolated(), k);
        }
    }

    /** @return the number of patches */
    public int size() {
        return patches.size();
    }

    @Override
    public HostBatch next(long step, int batchSize, SeededRandom random) {
        return assemble(batchSize, () -> random.nextInt(patches.size()), random);
    }

    /**
     * Patches {@code start .. start + count − 1} in order, without choosing at random (for
     * measurements over a fixed set, such as the loss profile).
     *
     * @param start the first patch
     * @param count how many
     * @param random the stream of the start noise (and augmentation, if on)
     * @return the batch
     */
    HostBatch inOrder(int start, int count, SeededRandom random) {
        int[] next = {start};
        return assemble(count, () -> next[0]++, random);
    }

    private HostBatch assemble(int batchSize, IntSupplier choose, SeededRandom random) {
        int n = points * 3;
        float[] x0 = new float[batchSize * n];
        float[] x1 = new float[batchSize * n];
        float[] interpolated = new float[batchSize * n];
        long[] index = new long[batchSize * points * k];
        for (int b = 0; b < batchSize; b++) {
            int which = choose.getAsInt();
            TrainingPatch patch = patches.get(which);
            double[] r = augment ? So3.fromUniforms(random.nextDouble(), random.nextDouble(), random.nextDouble())
                    : So3.identity();
            double scale = augment ? MIN_SCALE + (MAX_SCALE - MIN_SCALE) * random.nextDouble() : 1;
            for (int e = 0; e < 9; e++) {
                r[e] *= scale;
            }
            double[] a = So3.transformPoints(r, new double[3], patch.interpolated());
            double[] t = So3.transformPoints(r, new double[3], patch.truth());
            float[] eps = random.gaussian(n);
            for (int i = 0; i < n; i++) {
                interpolated[b * n + i] = (float) a[i];
                x0[b * n + i] = (float) (a[i] + noise * eps[i]);
                x1[b * n + i] = (float) t[i];
            }
            System.arraycopy(neighbours[which], 0, index, b * points * k, points * k);
        }
        return new HostBatch(batchSize, new Shape(points, 3), x0, x1,
                manager -> new NDList(manager.create(interpolated, new Shape(batchSize, points, 3)),
                        manager.create(index, new Shape(batchSize, points, k))));
    }

    @Override
    public String describe() {
        return description;
    }
}
