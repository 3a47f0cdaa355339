package io.flowkit.molecules.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.catalog.Rdb7;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Rdb7SplitTest {

    private static Rdb7 data;
    private static Rdb7Split split;
    private static Grambow842 grambow;

    @BeforeAll
    static void load() throws IOException {
        data = Rdb7.load();
        grambow = Grambow842.load();
        split = Rdb7Split.of(data, grambow);
        System.out.println(split.describe());
    }

    @Test
    void everyRecordIsOnExactlyOneSide() {
        Set<Integer> seen = new HashSet<>();
        for (List<Rdb7.Entry> part : List.of(split.train(), split.validation(), split.testGrambow(), split.testGrouped(),
                split.heldBack())) {
            for (Rdb7.Entry e : part) {
                assertTrue(seen.add(e.record()), "record " + e.record() + " is on two sides");
            }
        }
        assertEquals(data.size(), seen.size());
    }

    @Test
    void testAIsTheGrambowTestSplitWithTheSameReactions() {
        int[] indices = ReactionSplit.grambowTestIndices();
        assertEquals(100, indices.length);
        ReactionSplit old = ReactionSplit.grambow(grambow.reactions());
        assertTrue(split.testGrambow().size() >= 95, split.testGrambow().size() + " of the 100 are in RDB7");
        for (int k = 0; k < split.testGrambow().size(); k++) {
            int record = split.testGrambowRecords().get(k);
            assertTrue(java.util.Arrays.binarySearch(indices, record) >= 0, "record " + record);
            assertTrue(old.test().contains(grambow.reactions().get(record)));
            double rmsd = io.flowkit.core.math.Kabsch.rmsd(grambow.reactions().get(record).transitionState().orElseThrow()
                    .positions(), split.testGrambow().get(k).reaction().transitionState().orElseThrow().positions());
            assertTrue(rmsd < 1e-3, "record " + record + " and " + split.testGrambow().get(k).id() + ": " + rmsd);
        }
    }

    @Test
    void noReactantIsOnTwoSidesAndNoReactionMeetsItsReverse() {
        Set<String> train = keys(split.train());
        for (List<Rdb7.Entry> held : List.of(split.validation(), split.testGrambow(), split.testGrouped())) {
            for (Rdb7.Entry e : held) {
                String r = data.reactantKey(e.record());
                String p = data.productKey(e.record());
                assertFalse(train.contains(r), "reactant of " + e.id() + " is also a training reactant");
                // The reverse reaction P -> R is not in training either.
                for (Rdb7.Entry t : split.train()) {
                    if (data.reactantKey(t.record()).equals(p)) {
                        assertFalse(data.productKey(t.record()).equals(r), e.id() + " has its reverse " + t.id()
                                + " in training");
                    }
                }
            }
        }
        Set<String> validation = keys(split.validation());
        for (Rdb7.Entry e : split.testGrouped()) {
            assertFalse(validation.contains(data.reactantKey(e.record())), e.id());
        }
    }

    @Test
    void sharesAreNearTheTargetsAndTheSplitIsSeeded() {
        double n = data.size();
        assertEquals(Rdb7Split.TEST_SHARE, split.testGrouped().size() / n, 0.01);
        assertEquals(Rdb7Split.VALIDATION_SHARE, split.validation().size() / n, 0.01);
        // Test (a)'s reactant groups are large (RDB7 holds about ten reactions per reactant): about 10% is held back.
        assertTrue(split.train().size() > 0.7 * n && split.heldBack().size() < 0.15 * n, split.describe());
        Rdb7Split again = Rdb7Split.of(data, grambow);
        assertEquals(split.testGrouped(), again.testGrouped());
        Rdb7Split other = Rdb7Split.of(data, data.grambowRecords(grambow), 8, Rdb7Split.TEST_SHARE,
                Rdb7Split.VALIDATION_SHARE);
        assertFalse(split.testGrouped().equals(other.testGrouped()));
    }

    private static Set<String> keys(List<Rdb7.Entry> entries) {
        Set<String> keys = new HashSet<>();
        entries.forEach(e -> keys.add(data.reactantKey(e.record())));
        return keys;
    }
}
