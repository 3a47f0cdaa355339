package io.flowkit.molecules.featurize;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Several prepared reactions padded to one atom count, on the host, in the layout the network
 * reads: element one-hots {@code (B, N, E)}, R and P {@code (B, N, 3)} and an atom mask
 * {@code (B, N)} (1 for real atoms). Padded atoms sit at the origin with zero one-hot and mask.
 */
public final class ReactionBatch {

    private final int size;
    private final int atoms;
    private final int elements;
    private final float[] types;
    private final float[] reactant;
    private final float[] product;
    private final float[] atomMask;
    private final float[] coordinateMask;
    private final float[] transitionState;

    private ReactionBatch(int size, int atoms, int elements, float[] types, float[] reactant, float[] product,
            float[] atomMask, float[] coordinateMask, float[] transitionState) {
        this.size = size;
        this.atoms = atoms;
        this.elements = elements;
        this.types = types;
        this.reactant = reactant;
        this.product = product;
        this.atomMask = atomMask;
        this.coordinateMask = coordinateMask;
        this.transitionState = transitionState;
    }

    /**
     * Pads reactions to their largest atom count.
     *
     * @param reactions the prepared reactions, at least one
     * @param vocabulary the elements the model knows
     * @return the batch
     * @throws IllegalArgumentException naming the reaction and atom of an element outside the vocabulary
     */
    public static ReactionBatch of(List<ReactionFrame> reactions, ElementVocabulary vocabulary) {
        if (reactions.isEmpty()) {
            throw new IllegalArgumentException("no reactions to batch");
        }
        int b = reactions.size();
        int n = reactions.stream().mapToInt(ReactionFrame::atomCount).max().orElseThrow();
        int e = vocabulary.size();
        float[] types = new float[b * n * e];
        float[] r = new float[b * n * 3];
        float[] p = new float[b * n * 3];
        float[] mask = new float[b * n];
        float[] mask3 = new float[b * n * 3];
        boolean allTs = reactions.stream().allMatch(ReactionFrame::hasTransitionState);
        float[] ts = allTs ? new float[b * n * 3] : null;
        for (int k = 0; k < b; k++) {
            ReactionFrame f = reactions.get(k);
            int[] z = f.atomicNumbers();
            for (int a = 0; a < z.length; a++) {
                int index = vocabulary.indexOf(z[a]);
                if (index < 0) {
                    throw new IllegalArgumentException("reaction " + f.id() + ": atom " + a + " is element " + z[a]
                            + ", which the model was not trained on (it knows " + vocabulary + ")");
                }
                types[(k * n + a) * e + index] = 1;
                mask[k * n + a] = 1;
                for (int d = 0; d < 3; d++) {
                    int at = (k * n + a) * 3 + d;
                    r[at] = (float) f.reactantView()[3 * a + d];
                    p[at] = (float) f.productView()[3 * a + d];
                    mask3[at] = 1;
                    if (ts != null) {
                        ts[at] = (float) f.transitionStateView()[3 * a + d];
                    }
                }
            }
        }
        return new ReactionBatch(b, n, e, types, r, p, mask, mask3, ts);
    }

    /** @return the number of reactions */
    public int size() {
        return size;
    }

    /** @return the padded atom count {@code N} */
    public int atoms() {
        return atoms;
    }

    /** @return the shape of one sample's state, {@code (N, 3)} */
    public Shape sampleShape() {
        return new Shape(atoms, 3);
    }

    /** @return the 1/0 mask per coordinate, laid out like the states; do not modify */
    public float[] coordinateMask() {
        return coordinateMask;
    }

    /** @return the superposed transition states, padded, or {@code null} when some reaction has none; do not modify */
    public float[] transitionStates() {
        return transitionState;
    }

    /** @return the centred reactants, padded; do not modify */
    public float[] reactants() {
        return reactant;
    }

    /** @return the superposed products, padded; do not modify */
    public float[] products() {
        return product;
    }

    /**
     * The network's condition arrays in a manager.
     *
     * @param manager where to create them
     * @return {@code [types (B, N, E), R (B, N, 3), P (B, N, 3), mask (B, N)]}
     */
    public NDList condition(NDManager manager) {
        return new NDList(
                manager.create(types, new Shape(size, atoms, elements)),
                manager.create(reactant, new Shape(size, atoms, 3)),
                manager.create(product, new Shape(size, atoms, 3)),
                manager.create(atomMask, new Shape(size, atoms)));
    }
}
