package io.flowkit.molecules.data;

import io.flowkit.core.math.DisjointSets;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.flow.random.SeededRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documented split of RDB7 ({@link Rdb7}) for training TS-GEN at scale, with two test sets and a
 * validation set for every choice (never tune on a test set):
 * <ul>
 *   <li><b>test (a), Grambow</b>: the RDB7 records of the 100 test reactions of the
 *       {@code grambow-842} split ({@link ReactionSplit#grambowTestIndices()}; those of the 100 that
 *       RDB7 holds, found by {@link Rdb7#grambowRecords(Grambow842)}), in the order of the Grambow
 *       split, so that the 2020 model's predictions stay comparable. Every other reaction of
 *       their reactant groups is left out of training and validation ({@link #heldBack()}).</li>
 *   <li><b>test (b), grouped</b>: about {@value #TEST_SHARE} of the reactions, whole reactant groups
 *       drawn by a seeded shuffle.</li>
 *   <li><b>validation</b>: about {@value #VALIDATION_SHARE} of the reactions, whole groups too.</li>
 *   <li><b>train</b>: the rest.</li>
 * </ul>
 * A group is every reaction of one reactant (its canonical SMILES without atom maps, as a chemist
 * would name it), joined with the groups of reactions that are its exact reverse (the product of
 * one is the reactant of the other and vice versa), because a reversed reaction passes through the
 * same transition state and training uses every reaction reversed too. No group is on two sides.
 *
 * @param train the training reactions, in record order
 * @param validation the validation reactions, in record order
 * @param testGrambow test split (a), in the order of the Grambow test split
 * @param testGrambowRecords the {@code grambow-842} record index of each test (a) reaction, in the
 *     same order (where the 2020 model's prediction is found)
 * @param testGrouped test split (b), in record order
 * @param heldBack reactions of test (a)'s groups that are not themselves in test (a): in no split
 * @param seed the seed of the group shuffle
 */
public record Rdb7Split(List<Rdb7.Entry> train, List<Rdb7.Entry> validation, List<Rdb7.Entry> testGrambow,
        List<Integer> testGrambowRecords, List<Rdb7.Entry> testGrouped, List<Rdb7.Entry> heldBack, long seed) {

    /** The seed of the documented split. */
    public static final long SEED = 7;
    /** The target share of test (b). */
    public static final double TEST_SHARE = 0.10;
    /** The target share of the validation set. */
    public static final double VALIDATION_SHARE = 0.05;

    /** Copies the lists. */
    public Rdb7Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        testGrambow = List.copyOf(testGrambow);
        testGrambowRecords = List.copyOf(testGrambowRecords);
        if (testGrambowRecords.size() != testGrambow.size()) {
            throw new IllegalArgumentException(testGrambowRecords.size() + " Grambow record indices for "
                    + testGrambow.size() + " test (a) reactions");
        }
        testGrouped = List.copyOf(testGrouped);
        heldBack = List.copyOf(heldBack);
    }

    /**
     * The documented split (seed {@value #SEED}, 10% test, 5% validation).
     *
     * @param data the data set
     * @param grambow the {@code grambow-842} data set, whose test records define test (a)
     * @return the split
     */
    public static Rdb7Split of(Rdb7 data, Grambow842 grambow) {
        return of(data, data.grambowRecords(grambow), SEED, TEST_SHARE, VALIDATION_SHARE);
    }

    /**
     * A grouped split with given shares.
     *
     * @param data the data set
     * @param grambowRecords the RDB7 entry of each {@code grambow-842} record
     *     ({@link Rdb7#grambowRecords(Grambow842)})
     * @param seed the seed of the group shuffle
     * @param testShare the share of reactions in test (b), in (0, 1)
     * @param validationShare the share of reactions in the validation set, in (0, 1)
     * @return the split
     * @throws IllegalArgumentException if the shares do not leave a training set
     */
    public static Rdb7Split of(Rdb7 data, Map<Integer, Rdb7.Entry> grambowRecords, long seed, double testShare,
            double validationShare) {
        if (!(testShare > 0) || !(validationShare > 0) || testShare + validationShare >= 0.9) {
            throw new IllegalArgumentException("test and validation shares must be positive and leave a training set: "
                    + testShare + ", " + validationShare);
        }
        int n = data.size();
        int[] group = groups(data);
        List<Rdb7.Entry> testA = new ArrayList<>();
        List<Integer> testARecords = new ArrayList<>();
        Set<Integer> reserved = new HashSet<>();
        for (int j : ReactionSplit.grambowTestIndices()) {
            Rdb7.Entry e = grambowRecords.get(j);
            if (e != null) {
                testA.add(e);
                testARecords.add(j);
                reserved.add(group[e.record()]);
            }
        }
        // The other groups in order of first appearance, shuffled, then dealt to test (b), validation, train.
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (!reserved.contains(group[i])) {
                members.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
            }
        }
        List<Integer> order = new ArrayList<>(members.keySet());
        int[] perm = SeededRandom.of(seed).permutation(order.size());
        int[] side = new int[n]; // 0 train, 1 validation, 2 test (b), 3 held back or test (a)
        java.util.Arrays.fill(side, 3);
        int test = 0;
        int validation = 0;
        for (int p : perm) {
            List<Integer> records = members.get(order.get(p));
            int s;
            if (test < testShare * n) {
                s = 2;
                test += records.size();
            } else if (validation < validationShare * n) {
                s = 1;
                validation += records.size();
            } else {
                s = 0;
            }
            for (int r : records) {
                side[r] = s;
            }
        }
        List<Rdb7.Entry> train = new ArrayList<>();
        List<Rdb7.Entry> valid = new ArrayList<>();
        List<Rdb7.Entry> testB = new ArrayList<>();
        List<Rdb7.Entry> held = new ArrayList<>();
        Set<Integer> inA = new HashSet<>();
        testA.forEach(e -> inA.add(e.record()));
        for (Rdb7.Entry e : data.entries()) {
            switch (side[e.record()]) {
                case 0 -> train.add(e);
                case 1 -> valid.add(e);
                case 2 -> testB.add(e);
                default -> {
                    if (!inA.contains(e.record())) {
                        held.add(e);
                    }
                }
            }
        }
        return new Rdb7Split(train, valid, testA, testARecords, testB, held, seed);
    }

    /**
     * The group of each record: records with one reactant key share a group, and so do a reaction
     * and its exact reverse (union-find over the canonical reactant and product keys).
     *
     * @param data the data set
     * @return a group label per record (the smallest record index of the group)
     */
    public static int[] groups(Rdb7 data) {
        int n = data.size();
        DisjointSets sets = new DisjointSets(n);
        Map<String, Integer> byReactant = new HashMap<>();
        Map<String, Integer> byPair = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String r = data.reactantKey(i);
            String p = data.productKey(i);
            Integer first = byReactant.putIfAbsent(r, i);
            if (first != null) {
                sets.union(first, i);
            }
            byPair.putIfAbsent(r + ">>" + p, i);
        }
        for (int i = 0; i < n; i++) {
            Integer reverse = byPair.get(data.productKey(i) + ">>" + data.reactantKey(i));
            if (reverse != null) {
                sets.union(reverse, i);
            }
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = sets.find(i);
        }
        return label;
    }

    /**
     * The reactions of a list of entries.
     *
     * @param entries RDB7 entries
     * @return their reactions, in the same order
     */
    public static List<Reaction> reactions(List<Rdb7.Entry> entries) {
        return entries.stream().map(Rdb7.Entry::reaction).toList();
    }

    /** @return one line naming the sizes of the parts, for provenance and reports */
    public String describe() {
        return "RDB7 grouped split (seed " + seed + "): train " + train.size() + ", validation " + validation.size()
                + ", test (a) Grambow " + testGrambow.size() + ", test (b) grouped " + testGrouped.size() + ", held back "
                + heldBack.size() + "; groups = one reactant (canonical SMILES) joined with exact reverse reactions";
    }
}
