package io.flowkit.validation.molecule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AtomSymmetryTest {

    /** Ethane, C0-C1 with H2-H4 on C0 and H5-H7 on C1. */
    private static final int[] ETHANE_Z = {6, 6, 1, 1, 1, 1, 1, 1};
    private static final int[][] ETHANE_BONDS = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 5}, {1, 6}, {1, 7}};

    @Test
    void countsMatchTheTextbookGroupsOfSmallMolecules() {
        // Methane: the four hydrogens in any order, 4! = 24.
        assertEquals(24, AtomSymmetry.ofMolecule(new int[] {6, 1, 1, 1, 1},
                new int[][] {{0, 1}, {0, 2}, {0, 3}, {0, 4}}).size());
        // Ethane: swap the carbons (with their hydrogens), permute each methyl: 2 × 3! × 3! = 72.
        assertEquals(72, AtomSymmetry.ofMolecule(ETHANE_Z, ETHANE_BONDS).size());
        // Benzene's graph (bond orders ignored): the dihedral group of the hexagon, 12.
        int[] z = new int[12];
        List<int[]> bonds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            z[i] = 6;
            z[6 + i] = 1;
            bonds.add(new int[] {i, (i + 1) % 6});
            bonds.add(new int[] {i, 6 + i});
        }
        assertEquals(12, AtomSymmetry.ofMolecule(z, bonds.toArray(new int[0][])).size());
    }

    @Test
    void aReactionKeepsOnlyPermutationsOfBothSides() {
        // H0-H1 + H2 -> H0 + H1-H2: each side alone has a swap, the reaction none (H1 is the one that
        // changes partner; H0 and H2 play different roles).
        int[] z = {1, 1, 1};
        assertEquals(2, AtomSymmetry.ofMolecule(z, new int[][] {{0, 1}}).size());
        AtomSymmetry reaction = AtomSymmetry.ofReaction(z, new int[][] {{0, 1}}, new int[][] {{1, 2}});
        assertEquals(1, reaction.size());
        // Ethane losing hydrogen 2 to a neighbouring atom X (here Cl, atom 8): only the other two
        // hydrogens of that methyl and the three of the other methyl stay interchangeable, 2 × 6.
        int[] zr = Arrays.copyOf(ETHANE_Z, 9);
        zr[8] = 17;
        int[][] product = {{0, 1}, {0, 3}, {0, 4}, {1, 5}, {1, 6}, {1, 7}, {2, 8}};
        assertEquals(12, AtomSymmetry.ofReaction(zr, ETHANE_BONDS, product).size());
    }

    @Test
    void agreesWithBruteForceOnRandomLabelledGraphs() {
        Random random = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + random.nextInt(5);
            int[] z = new int[n];
            for (int i = 0; i < n; i++) {
                z[i] = 1 + random.nextInt(2);
            }
            List<int[]> r = new ArrayList<>();
            List<int[]> p = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (random.nextDouble() < 0.4) {
                        r.add(new int[] {i, j});
                    }
                    if (random.nextDouble() < 0.4) {
                        p.add(new int[] {i, j});
                    }
                }
            }
            int[][] rb = r.toArray(new int[0][]);
            int[][] pb = p.toArray(new int[0][]);
            AtomSymmetry found = AtomSymmetry.ofReaction(z, rb, pb);
            Set<String> fast = new HashSet<>();
            for (int k = 0; k < found.size(); k++) {
                fast.add(Arrays.toString(found.permutation(k)));
            }
            assertEquals(found.size(), fast.size(), "no permutation is listed twice");
            assertEquals(bruteForce(z, rb, pb), fast, "trial " + trial);
            assertTrue(found.complete());
        }
    }

    @Test
    void theIdentityComesFirstAndApplyReordersAtoms() {
        AtomSymmetry ethane = AtomSymmetry.ofMolecule(ETHANE_Z, ETHANE_BONDS);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, ethane.permutation(0));
        double[] x = new double[24];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        for (int k = 0; k < ethane.size(); k++) {
            int[] p = ethane.permutation(k);
            double[] y = ethane.apply(k, x);
            for (int i = 0; i < 8; i++) {
                assertEquals(x[3 * p[i] + 2], y[3 * i + 2]);
            }
        }
    }

    @Test
    void theLimitStopsTheSearchAndSaysSo() {
        AtomSymmetry first = AtomSymmetry.of(ETHANE_Z, ETHANE_BONDS, new int[0][], 10);
        assertEquals(10, first.size());
        assertFalse(first.complete());
    }

    @Test
    void symmetryCorrectedRmsdForgivesInterchangedHydrogens() {
        // Methane with two hydrogens swapped: 1.78 Å apart in the atom order, identical structure.
        double[] ref = {0, 0, 0, 0.63, 0.63, 0.63, -0.63, -0.63, 0.63, -0.63, 0.63, -0.63, 0.63, -0.63, -0.63};
        double[] swapped = ref.clone();
        System.arraycopy(ref, 3, swapped, 6, 3);
        System.arraycopy(ref, 6, swapped, 3, 3);
        AtomSymmetry methane = AtomSymmetry.ofMolecule(new int[] {6, 1, 1, 1, 1},
                new int[][] {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
        assertTrue(StructureRmsd.rmsd(swapped, ref) > 0.3);
        assertEquals(0, StructureRmsd.rmsd(swapped, ref, methane, false), 1e-9);
        assertEquals(StructureRmsd.rmsd(swapped, ref), StructureRmsd.rmsd(swapped, ref, AtomSymmetry.identity(5), false),
                1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> StructureRmsd.rmsd(swapped, ref, AtomSymmetry.identity(4), false));
    }

    @Test
    void badBondsAreNamed() {
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> AtomSymmetry.ofMolecule(new int[] {6, 1}, new int[][] {{0, 2}}));
        assertEquals("reactant bond [0, 2] is not a pair of atoms in 0..1", out.getMessage());
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> AtomSymmetry.ofReaction(new int[] {6, 1}, new int[0][], new int[][] {{1, 1}}));
        assertEquals("product bond joins atom 1 to itself", self.getMessage());
    }

    /** Every permutation of n atoms, kept when it preserves elements and both bond sets. */
    private static Set<String> bruteForce(int[] z, int[][] rb, int[][] pb) {
        int n = z.length;
        boolean[][] r = matrix(n, rb);
        boolean[][] p = matrix(n, pb);
        Set<String> out = new HashSet<>();
        permute(new int[n], new boolean[n], 0, perm -> {
            for (int i = 0; i < n; i++) {
                if (z[perm[i]] != z[i]) {
                    return;
                }
                for (int j = 0; j < n; j++) {
                    if (r[i][j] != r[perm[i]][perm[j]] || p[i][j] != p[perm[i]][perm[j]]) {
                        return;
                    }
                }
            }
            out.add(Arrays.toString(perm));
        });
        return out;
    }

    private static boolean[][] matrix(int n, int[][] bonds) {
        boolean[][] m = new boolean[n][n];
        for (int[] b : bonds) {
            m[b[0]][b[1]] = true;
            m[b[1]][b[0]] = true;
        }
        return m;
    }

    private static void permute(int[] perm, boolean[] used, int depth, java.util.function.Consumer<int[]> visit) {
        if (depth == perm.length) {
            visit.accept(perm.clone());
            return;
        }
        for (int w = 0; w < perm.length; w++) {
            if (!used[w]) {
                used[w] = true;
                perm[depth] = w;
                permute(perm, used, depth + 1, visit);
                used[w] = false;
            }
        }
    }
}
