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
     * Splits by a seeded shuffle (Fisher-Yates with {@link SeededRandom}).
     *
     * @param reactions the reactions in data-set order
     * @param testCount how many go to the test set, in [1, size − 1]
     * @param seed the seed
     * @return the split; both parts keep data-set order
     * @throws IllegalArgumentException if the test count does not fit
     */
    public static ReactionSplit of(List<Reaction> reactions, int testCount, long seed) {
        if (testCount < 1 || testCount >= reactions.size()) {
            throw new IllegalArgumentException(
                    "test count " + testCount + " does not fit " + reactions.size() + " reactions");
        }
        int[] order = SeededRandom.of(seed).permutation(reactions.size());
        boolean[] isTest = new boolean[reactions.size()];
        for (int i = 0; i < testCount; i++) {
            isTest[order[i]] = true;
        }
        List<Reaction> train = new ArrayList<>();
        List<Reaction> test = new ArrayList<>();
        for (int i = 0; i < reactions.size(); i++) {
            (isTest[i] ? test : train).add(reactions.get(i));
        }
        return new ReactionSplit(train, test, seed);
    }
}
