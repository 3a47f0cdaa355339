package io.flowkit.assembly.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import io.flowkit.flow.loss.AuxiliaryLoss;
import io.flowkit.flow.loss.LossContext;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * TORA's representation alignment term ("TORA: Topological Representation Alignment for 3D Shape
 * Assembly", 2026): the flow network's projected middle-layer features S (its second output) are
 * compared with a frozen teacher's features T of the assembled object, on a random subset of
 * points of each object:
 * <ul>
 *   <li>{@link Kind#CKA}: {@code 1 − CKA(S, T)}, linear centred kernel alignment (Kornblith et al.
 *       2019, "Similarity of Neural Network Representations Revisited"):
 *       {@code ‖SᵀT‖²_F / (‖SᵀS‖_F ‖TᵀT‖_F)} with column-centred S and T;
 *   <li>{@link Kind#COSINE}: the mean of {@code 1 − cos(s_i, t_i)} over the points.
 * </ul>
 * averaged over the batch; the flow loss adds it with weight 0.5. The teacher gets no gradient.
 */
public final class RepresentationAlignment implements AuxiliaryLoss {

    /** The comparison. */
    public enum Kind {
        /** Linear centred kernel alignment. */
        CKA,
        /** Per-point cosine similarity. */
        COSINE;

        /**
         * Parses a name.
         *
         * @param name cka or cosine
         * @return the kind
         * @throws IllegalArgumentException for another name
         */
        public static Kind parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown alignment: " + name + " (known: cka, cosine)", e);
            }
        }
    }

    /** The weight TORA gives the term. */
    public static final double WEIGHT = 0.5;

    private final ContactTeacher teacher;
    private final ParameterStore store;
    private final Kind kind;
    private final int subset;
    private final SplittableRandom random;

    /**
     * An alignment term.
     *
     * @param teacher the pretrained teacher (frozen: its output is detached)
     * @param store the parameter store the teacher reads its weights through
     * @param kind CKA or cosine
     * @param subset points per object compared (a random subset, drawn anew each step)
     * @param seed seed of the subsets
     */
    public RepresentationAlignment(ContactTeacher teacher, ParameterStore store, Kind kind, int subset, long seed) {
        this.teacher = teacher;
        this.store = store;
        this.kind = kind;
        this.subset = subset;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public NDArray compute(LossContext context) {
        NDArray x1 = context.x1();
        NDList condition = context.condition();
        NDArray parts = condition.get(1);
        NDArray t = teacher.forward(store, new NDList(x1, parts), false).get(0).stopGradient();
        NDArray s = context.outputs().get(1);
        long n = x1.getShape().get(1);
        int m = (int) Math.min(subset, n);
        long[] pick = new long[m];
        long[] perm = random.longs(n).toArray();
        Integer[] order = new Integer[(int) n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(perm[a], perm[b]));
        for (int i = 0; i < m; i++) {
            pick[i] = order[i];
        }
        NDArray index = x1.getManager().create(pick);
        NDArray ss = s.get(new NDIndex(":, {}", index));
        NDArray tt = t.get(new NDIndex(":, {}", index));
        if (kind == Kind.COSINE) {
            NDArray dot = ss.mul(tt).sum(new int[] {2});
            NDArray norms = ss.norm(new int[] {2}).mul(tt.norm(new int[] {2})).maximum(1e-8f);
            return dot.div(norms).mul(-1f).add(1f).mean();
        }
        NDArray sc = ss.sub(ss.mean(new int[] {1}, true));
        NDArray tc = tt.sub(tt.mean(new int[] {1}, true));
        NDArray cross = sc.transpose(0, 2, 1).matMul(tc).square().sum(new int[] {1, 2});
        NDArray selfS = sc.transpose(0, 2, 1).matMul(sc).square().sum(new int[] {1, 2}).sqrt();
        NDArray selfT = tc.transpose(0, 2, 1).matMul(tc).square().sum(new int[] {1, 2}).sqrt();
        NDArray cka = cross.div(selfS.mul(selfT).maximum(1e-12f));
        return cka.mul(-1f).add(1f).mean();
    }
}
