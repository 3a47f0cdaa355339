package io.flowkit.datasets.molecule;

/**
 * A bond between two atoms of a molecule.
 *
 * @param first index of the first atom, from 0
 * @param second index of the second atom, from 0; differs from {@code first}
 * @param order 1, 2 or 3, or 4 for aromatic (the MDL molfile convention)
 */
public record Bond(int first, int second, int order) {

    /**
     * Validates the indices and the order.
     *
     * @param first index of the first atom
     * @param second index of the second atom
     * @param order bond order
     */
    public Bond {
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("bond atom index is negative: " + first + "-" + second);
        }
        if (first == second) {
            throw new IllegalArgumentException("bond joins atom " + first + " to itself");
        }
        if (order < 1 || order > 4) {
            throw new IllegalArgumentException("bond order is not 1, 2, 3 or 4 (aromatic): " + order);
        }
    }
}
