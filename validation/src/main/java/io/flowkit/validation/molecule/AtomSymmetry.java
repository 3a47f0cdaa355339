package io.flowkit.validation.molecule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The symmetry of a molecule or a reaction: the permutations of its atoms that keep every element
 * and every bond (the automorphisms of its labelled graph). Two geometries that differ only by such
 * a permutation are the same structure: the three hydrogens of a methyl group, say, can be listed
 * in any order. A symmetry-corrected RMSD takes the smallest RMSD over these permutations, as
 * RDKit's {@code GetBestRMS} and spyrmsd (Meli and Biggin 2020, J. Cheminform. 12:49) do.
 *
 * <p>For a reaction the permutation must keep the bonds of both sides (an atom that moves in the
 * reaction is not interchangeable with one that stays). The automorphisms are found by colour
 * refinement (element, then the multiset of bond kinds and neighbour colours, until stable) and a
 * backtracking search over atoms of equal colour, checking every bond to the atoms already mapped.
 * Highly symmetric molecules have many automorphisms; the search stops at a limit and says so.
 */
public final class AtomSymmetry {

    /** Automorphisms enumerated at most by the static factories. */
    public static final int DEFAULT_LIMIT = 20_000;

    private final int atoms;
    private final int[][] permutations;
    private final boolean complete;

    private AtomSymmetry(int atoms, int[][] permutations, boolean complete) {
        this.atoms = atoms;
        this.permutations = permutations;
        this.complete = complete;
    }

    /**
     * The trivial symmetry: the identity alone (no atom is interchangeable).
     *
     * @param atoms the number of atoms, at least 1
     * @return the symmetry
     * @throws IllegalArgumentException if atoms is below 1
     */
    public static AtomSymmetry identity(int atoms) {
        if (atoms < 1) {
            throw new IllegalArgumentException("atom count is below 1: " + atoms);
        }
        int[] id = new int[atoms];
        for (int i = 0; i < atoms; i++) {
            id[i] = i;
        }
        return new AtomSymmetry(atoms, new int[][] {id}, true);
    }

    /**
     * The automorphisms of one molecular graph (bond orders ignored: a Kekulé structure would
     * otherwise break the symmetry of an aromatic ring).
     *
     * @param atomicNumbers the element of each atom
     * @param bonds pairs of atom indices
     * @return the symmetry, at most {@link #DEFAULT_LIMIT} permutations
     * @throws IllegalArgumentException if a bond names an atom out of range or an atom itself
     */
    public static AtomSymmetry ofMolecule(int[] atomicNumbers, int[][] bonds) {
        return of(atomicNumbers, bonds, new int[0][], DEFAULT_LIMIT);
    }

    /**
     * The automorphisms of a reaction: permutations that keep the elements, the bonds of the
     * reactants and the bonds of the products.
     *
     * @param atomicNumbers the element of each atom (the same on both sides)
     * @param reactantBonds pairs of atom indices bonded in the reactants
     * @param productBonds pairs bonded in the products
     * @return the symmetry, at most {@link #DEFAULT_LIMIT} permutations
     * @throws IllegalArgumentException if a bond names an atom out of range or an atom itself
     */
    public static AtomSymmetry ofReaction(int[] atomicNumbers, int[][] reactantBonds, int[][] productBonds) {
        return of(atomicNumbers, reactantBonds, productBonds, DEFAULT_LIMIT);
    }

    /**
     * The automorphisms of a reaction, with a limit on how many are enumerated.
     *
     * @param atomicNumbers the element of each atom
     * @param reactantBonds pairs bonded in the reactants
     * @param productBonds pairs bonded in the products (empty for a single molecule)
     * @param limit permutations enumerated at most, at least 1
     * @return the symmetry; {@link #complete()} is false when the limit stopped the search
     * @throws IllegalArgumentException on a bond out of range, a self-bond, no atoms or a limit below 1
     */
    public static AtomSymmetry of(int[] atomicNumbers, int[][] reactantBonds, int[][] productBonds, int limit) {
        Objects.requireNonNull(atomicNumbers, "atomicNumbers");
        int n = atomicNumbers.length;
        if (n < 1) {
            throw new IllegalArgumentException("atom count is below 1: 0");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit is below 1: " + limit);
        }
        int[][] kind = new int[n][n];
        addBonds(kind, reactantBonds, 1, "reactant");
        addBonds(kind, productBonds, 2, "product");
        int[] colour = refine(atomicNumbers, kind);
        int[] order = searchOrder(colour, kind);
        List<int[]> found = new ArrayList<>();
        int[] image = new int[n];
        Arrays.fill(image, -1);
        boolean[] used = new boolean[n];
        boolean complete = search(0, order, colour, kind, image, used, found, limit);
        return new AtomSymmetry(n, found.toArray(new int[0][]), complete);
    }

    /** @return the number of atoms */
    public int atomCount() {
        return atoms;
    }

    /** @return the number of permutations held (the identity included) */
    public int size() {
        return permutations.length;
    }

    /** @return false when the enumeration stopped at its limit (the RMSD is then an upper bound) */
    public boolean complete() {
        return complete;
    }

    /**
     * One permutation: atom {@code i} may take the place of atom {@code permutation(k)[i]}.
     *
     * @param k its index, 0 ≤ k &lt; {@link #size()}; 0 is the identity
     * @return a copy of it
     */
    public int[] permutation(int k) {
        return permutations[k].clone();
    }

    /**
     * Reorders interleaved xyz positions by one permutation: atom {@code i} of the result is atom
     * {@code permutation(k)[i]} of the input.
     *
     * @param k the permutation's index
     * @param positions interleaved xyz, {@link #atomCount()} atoms
     * @return the reordered positions
     * @throws IllegalArgumentException if the positions hold another number of atoms
     */
    public double[] apply(int k, double[] positions) {
        if (positions.length != 3 * atoms) {
            throw new IllegalArgumentException("positions hold " + positions.length / 3.0 + " atoms but the symmetry "
                    + atoms);
        }
        int[] p = permutations[k];
        double[] out = new double[positions.length];
        for (int i = 0; i < atoms; i++) {
            System.arraycopy(positions, 3 * p[i], out, 3 * i, 3);
        }
        return out;
    }

    private static void addBonds(int[][] kind, int[][] bonds, int bit, String side) {
        int n = kind.length;
        for (int[] b : Objects.requireNonNull(bonds, side + " bonds")) {
            if (b.length != 2 || b[0] < 0 || b[1] < 0 || b[0] >= n || b[1] >= n) {
                throw new IllegalArgumentException(side + " bond " + Arrays.toString(b) + " is not a pair of atoms in 0.."
                        + (n - 1));
            }
            if (b[0] == b[1]) {
                throw new IllegalArgumentException(side + " bond joins atom " + b[0] + " to itself");
            }
            kind[b[0]][b[1]] |= bit;
            kind[b[1]][b[0]] |= bit;
        }
    }

    /** Colour refinement: element, then (colour, sorted bond kinds and neighbour colours) until stable. */
    private static int[] refine(int[] z, int[][] kind) {
        int n = z.length;
        int[] colour = canonical(n, i -> Integer.toString(z[i]));
        int classes = distinct(colour);
        while (true) {
            int[] c = colour;
            int[] next = canonical(n, i -> {
                List<String> around = new ArrayList<>();
                for (int j = 0; j < n; j++) {
                    if (kind[i][j] != 0) {
                        around.add(kind[i][j] + ":" + c[j]);
                    }
                }
                around.sort(null);
                return c[i] + "|" + around;
            });
            int k = distinct(next);
            colour = next;
            if (k == classes) {
                return colour;
            }
            classes = k;
        }
    }

    private static int[] canonical(int n, java.util.function.IntFunction<String> signature) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = signature.apply(i);
        }
        String[] sorted = s.clone();
        Arrays.sort(sorted);
        Map<String, Integer> id = new HashMap<>();
        for (String t : sorted) {
            id.putIfAbsent(t, id.size());
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = id.get(s[i]);
        }
        return out;
    }

    private static int distinct(int[] colour) {
        return (int) Arrays.stream(colour).distinct().count();
    }

    /** Breadth-first from the atom of the rarest colour, so each atom has mapped neighbours to check. */
    private static int[] searchOrder(int[] colour, int[][] kind) {
        int n = colour.length;
        int[] count = new int[n];
        for (int c : colour) {
            count[c]++;
        }
        boolean[] seen = new boolean[n];
        int[] order = new int[n];
        int filled = 0;
        while (filled < n) {
            int start = -1;
            for (int i = 0; i < n; i++) {
                if (!seen[i] && (start < 0 || count[colour[i]] < count[colour[start]])) {
                    start = i;
                }
            }
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                order[filled++] = v;
                for (int w = 0; w < n; w++) {
                    if (kind[v][w] != 0 && !seen[w]) {
                        seen[w] = true;
                        queue.add(w);
                    }
                }
            }
        }
        return order;
    }

    /** Depth-first over the search order; false when the limit stopped it. */
    private static boolean search(int depth, int[] order, int[] colour, int[][] kind, int[] image, boolean[] used,
            List<int[]> found, int limit) {
        int n = order.length;
        if (depth == n) {
            found.add(image.clone());
            return found.size() < limit;
        }
        int v = order[depth];
        for (int k = -1; k < n; k++) {
            // v itself first, so that the first permutation found is the identity
            int w = k < 0 ? v : k;
            if (k == v || used[w] || colour[w] != colour[v] || !consistent(v, w, depth, order, kind, image)) {
                continue;
            }
            image[v] = w;
            used[w] = true;
            boolean go = search(depth + 1, order, colour, kind, image, used, found, limit);
            used[w] = false;
            image[v] = -1;
            if (!go) {
                return false;
            }
        }
        return true;
    }

    private static boolean consistent(int v, int w, int depth, int[] order, int[][] kind, int[] image) {
        for (int d = 0; d < depth; d++) {
            int u = order[d];
            if (kind[v][u] != kind[w][image[u]]) {
                return false;
            }
        }
        return true;
    }
}
