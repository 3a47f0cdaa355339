package io.flowkit.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DisjointSetsTest {

    @Test
    void agreesWithANaiveLabellingOnRandomLinks() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 60;
        DisjointSets sets = new DisjointSets(n);
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i;
        }
        for (int k = 0; k < 40; k++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            sets.union(a, b);
            int from = label[a];
            int to = label[b];
            for (int i = 0; i < n; i++) {
                if (label[i] == from) {
                    label[i] = to;
                }
            }
        }
        java.util.Set<Integer> distinct = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            distinct.add(label[i]);
            int smallest = i;
            for (int j = 0; j < n; j++) {
                if (label[j] == label[i]) {
                    smallest = Math.min(smallest, j);
                }
            }
            assertEquals(smallest, sets.find(i), "element " + i);
        }
        assertEquals(distinct.size(), sets.count());
        assertThrows(IllegalArgumentException.class, () -> new DisjointSets(-1));
    }
}
