package io.flowkit.molecules.featurize;

import java.util.Arrays;

/**
 * The elements a model knows, in order: each atom is encoded as a one-hot vector over them. The
 * default is H, C, N, O (the elements of the Grambow and Transition1x data).
 */
public final class ElementVocabulary {

    private final int[] atomicNumbers;

    private ElementVocabulary(int[] atomicNumbers) {
        this.atomicNumbers = atomicNumbers;
    }

    /** @return H, C, N, O */
    public static ElementVocabulary organic() {
        return of(1, 6, 7, 8);
    }

    /**
     * A vocabulary of the given elements.
     *
     * @param atomicNumbers distinct atomic numbers from 1 to 118
     * @return the vocabulary
     * @throws IllegalArgumentException on an empty list, a repeated or impossible atomic number
     */
    public static ElementVocabulary of(int... atomicNumbers) {
        if (atomicNumbers.length == 0) {
            throw new IllegalArgumentException("element vocabulary is empty");
        }
        for (int i = 0; i < atomicNumbers.length; i++) {
            if (atomicNumbers[i] < 1 || atomicNumbers[i] > 118) {
                throw new IllegalArgumentException("atomic number is not in 1..118: " + atomicNumbers[i]);
            }
            for (int j = 0; j < i; j++) {
                if (atomicNumbers[j] == atomicNumbers[i]) {
                    throw new IllegalArgumentException("element repeated in vocabulary: " + atomicNumbers[i]);
                }
            }
        }
        return new ElementVocabulary(atomicNumbers.clone());
    }

    /** @return the number of elements (the one-hot width) */
    public int size() {
        return atomicNumbers.length;
    }

    /** @return a copy of the atomic numbers, in order */
    public int[] atomicNumbers() {
        return atomicNumbers.clone();
    }

    /**
     * The position of an element.
     *
     * @param atomicNumber the element
     * @return its index, or −1 if the vocabulary does not hold it
     */
    public int indexOf(int atomicNumber) {
        for (int i = 0; i < atomicNumbers.length; i++) {
            if (atomicNumbers[i] == atomicNumber) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElementVocabulary v && Arrays.equals(atomicNumbers, v.atomicNumbers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(atomicNumbers);
    }

    @Override
    public String toString() {
        return Arrays.toString(atomicNumbers);
    }
}
