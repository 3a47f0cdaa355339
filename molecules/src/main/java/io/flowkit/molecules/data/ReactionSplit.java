package io.flowkit.molecules.data;

import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.flow.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A train/test split of reactions by a seeded shuffle, so that the split lives in code, not in a
 * copied file. The documented split of {@code reactions/grambow-842} is
 * {@link #grambow(List)}: 100 test reactions chosen by the shuffle with seed 842, the other 642
 * for training.
 *
 * @param train the training reactions, in data-set order
 * @param test the test reactions, in data-set order
 * @param seed the seed of the shuffle
 */
public record ReactionSplit(List<Reaction> train, List<Reaction> test, long seed) {

    /** The seed of the documented Grambow split. */
    public static final long GRAMBOW_SEED = 842;
    /** The number of test reactions of the documented Grambow split. */
    public static final int GRAMBOW_TEST = 100;
    /** The number of reactions of {@code reactions/grambow-842}. */
    public static final int GRAMBOW_SIZE = 742;

    /** Copies the lists. */
    public ReactionSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * The documented split of the 742 Grambow reactions: 642 train, 100 test.
     *
     * @param reactions the reactions in data-set order
     * @return the split
     */
    public static ReactionSplit grambow(List<Reaction> reactions) {
        return of(reactions, GRAMBOW_TEST, GRAMBOW_SEED);
    }

    /**
     * The record indices of the 100 test reactions of the documented Grambow split, in increasing
     * order: the same reactions as {@link #grambow(List)}'s test set, without loading them (RDB7
     * records name their {@code grambow-842} index, so the split carries over).
     *
     * @return the indices in {@code [0, 742)}
     */
    public static int[] grambowTestIndices() {
        return testIndices(GRAMBOW_SIZE, GRAMBOW_TEST, GRAMBOW_SEED);
    }

    /**
     * The indices that {@link #of(List, int, long)} puts in the test set.
     *
     * @param size the number of reactions
     * @param testCount how many go to the test set, in [1, size − 1]
     * @param seed the seed
     * @return the test indices in increasing order
     */
    public static int[] testIndices(int size, int testCount, long seed) {
        if (testCount < 1 || testCount >= size) {
            throw new IllegalArgumentException("test count " + testCount + " does not fit " + size + " reactions");
        }
        int[] order = SeededRandom.of(seed).permutation(size);
        return java.util.Arrays.stream(order, 0, testCount).sorted().toArray();
    }

    /**
     * Splits by a seeded shuffle (Fisher-Yates with {@link SeededRandom}).
     *
     * @param reactions the reactions in data-set order
     * @param testCount how many go to the test set, in [1, size − 1]
     * @param seed the seed
     * @return the split; both parts keep data-set order
     * @throws IllegalArgumentException if the test count does not fit
     */
    public static ReactionSplit of(List<Reaction> reactions, int testCount, long seed) {
        boolean[] isTest = new boolean[reactions.size()];
        for (int i : testIndices(reactions.size(), testCount, seed)) {
            isTest[i] = true;
        }
        List<Reaction> train = new ArrayList<>();
        List<Reaction> test = new ArrayList<>();
        for (int i = 0; i < reactions.size(); i++) {
            (isTest[i] ? test : train).add(reactions.get(i));
        }
        return new ReactionSplit(train, test, seed);
    }
}
