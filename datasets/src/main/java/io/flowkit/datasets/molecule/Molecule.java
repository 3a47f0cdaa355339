package io.flowkit.datasets.molecule;

import io.flowkit.datasets.internal.Checks;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * An immutable molecule: elements (atomic numbers), Cartesian positions in ångström (Å), an
 * optional total charge (elementary charges) and spin multiplicity (2S + 1), optional bonds, a
 * title and free-form string properties (SD data items, extended-XYZ info).
 *
 * <p>Positions are interleaved {@code x0, y0, z0, x1, ...}; {@link #positions()} copies them and
 * {@link #positionView()} gives a read-only view without copying. Build one with
 * {@link #of(int[], double[])} or {@link #builder()}.
 */
public final class Molecule {

    private final int[] atomicNumbers;
    private final double[] positions;
    private final Integer charge;
    private final Integer multiplicity;
    private final List<Bond> bonds;
    private final String title;
    private final Map<String, String> properties;

    private Molecule(Builder b) {
        if (b.atomicNumbers == null) {
            throw new IllegalArgumentException("atomic numbers are not set");
        }
        if (b.atomicNumbers.length == 0) {
            throw new IllegalArgumentException("molecule has no atoms");
        }
        for (int i = 0; i < b.atomicNumbers.length; i++) {
            int z = b.atomicNumbers[i];
            if (z < 1 || z > Elements.MAX_ATOMIC_NUMBER) {
                throw new IllegalArgumentException("atom " + i + " has an atomic number out of range 1.."
                        + Elements.MAX_ATOMIC_NUMBER + ": " + z);
            }
        }
        Checks.checkXyz(b.positions, "atom", "positions");
        if (b.positions.length != 3 * b.atomicNumbers.length) {
            throw new IllegalArgumentException("positions hold " + b.positions.length / 3 + " atoms but there are "
                    + b.atomicNumbers.length + " atomic numbers");
        }
        if (b.multiplicity != null && b.multiplicity < 1) {
            throw new IllegalArgumentException("multiplicity is not positive: " + b.multiplicity);
        }
        for (Bond bond : b.bonds) {
            if (bond.first() >= b.atomicNumbers.length || bond.second() >= b.atomicNumbers.length) {
                throw new IllegalArgumentException("bond " + bond.first() + "-" + bond.second() + " refers to an atom beyond "
                        + (b.atomicNumbers.length - 1));
            }
        }
        this.atomicNumbers = b.atomicNumbers.clone();
        this.positions = b.positions.clone();
        this.charge = b.charge;
        this.multiplicity = b.multiplicity;
        this.bonds = List.copyOf(b.bonds);
        this.title = b.title;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    /**
     * A molecule with elements and positions only.
     *
     * @param atomicNumbers one per atom, 1 to 118
     * @param positionsAngstrom interleaved xyz in Å, three per atom
     * @return the molecule
     * @throws IllegalArgumentException on mismatched lengths, non-finite coordinates or bad elements
     */
    public static Molecule of(int[] atomicNumbers, double[] positionsAngstrom) {
        return builder().setAtomicNumbers(atomicNumbers).setPositions(positionsAngstrom).build();
    }

    /** @return a builder for a new molecule */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this molecule's content, to derive a modified copy */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.atomicNumbers = atomicNumbers;
        b.positions = positions;
        b.charge = charge;
        b.multiplicity = multiplicity;
        b.bonds = bonds;
        b.title = title;
        b.properties.putAll(properties);
        return b;
    }

    /**
     * The same molecule at other positions (same elements, charge, bonds, title, properties).
     *
     * @param positionsAngstrom interleaved xyz in Å, three per atom
     * @return the new molecule
     */
    public Molecule withPositions(double[] positionsAngstrom) {
        return toBuilder().setPositions(positionsAngstrom).build();
    }

    /** @return the number of atoms (at least 1) */
    public int atomCount() {
        return atomicNumbers.length;
    }

    /**
     * @param atom atom index from 0
     * @return its atomic number
     */
    public int atomicNumber(int atom) {
        return atomicNumbers[atom];
    }

    /**
     * @param atom atom index from 0
     * @return its element symbol
     */
    public String symbol(int atom) {
        return Elements.symbol(atomicNumbers[atom]);
    }

    /** @return a copy of the atomic numbers */
    public int[] atomicNumbers() {
        return atomicNumbers.clone();
    }

    /** @return a copy of the positions, interleaved xyz in Å */
    public double[] positions() {
        return positions.clone();
    }

    /** @return a read-only view of the interleaved positions in Å, without copying */
    public DoubleBuffer positionView() {
        return DoubleBuffer.wrap(positions).asReadOnlyBuffer();
    }

    /**
     * @param atom atom index from 0
     * @param axis 0, 1 or 2 for x, y, z
     * @return the coordinate in Å
     */
    public double coordinate(int atom, int axis) {
        return positions[3 * atom + axis];
    }

    /** @return the total charge in elementary charges, if known */
    public OptionalInt charge() {
        return charge == null ? OptionalInt.empty() : OptionalInt.of(charge);
    }

    /** @return the spin multiplicity 2S + 1, if known */
    public OptionalInt multiplicity() {
        return multiplicity == null ? OptionalInt.empty() : OptionalInt.of(multiplicity);
    }

    /** @return the bonds (empty when not known) */
    public List<Bond> bonds() {
        return bonds;
    }

    /** @return the title (a comment line, an SDF title), possibly empty */
    public String title() {
        return title;
    }

    /** @return read-only string properties in insertion order (SD data items, extended-XYZ info) */
    public Map<String, String> properties() {
        return properties;
    }

    /** @return the molecular formula in Hill order (C, H, then the rest alphabetically), e.g. "C2H6O" */
    public String formula() {
        Map<String, Integer> counts = new TreeMap<>();
        for (int z : atomicNumbers) {
            counts.merge(Elements.symbol(z), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        boolean carbon = counts.containsKey("C");
        if (carbon) {
            append(sb, "C", counts.remove("C"));
            if (counts.containsKey("H")) {
                append(sb, "H", counts.remove("H"));
            }
        }
        counts.forEach((s, n) -> append(sb, s, n));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String symbol, int count) {
        sb.append(symbol);
        if (count > 1) {
            sb.append(count);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Molecule)) {
            return false;
        }
        Molecule m = (Molecule) o;
        return Arrays.equals(atomicNumbers, m.atomicNumbers) && Arrays.equals(positions, m.positions)
                && Objects.equals(charge, m.charge) && Objects.equals(multiplicity, m.multiplicity)
                && bonds.equals(m.bonds) && title.equals(m.title) && properties.equals(m.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(atomicNumbers), Arrays.hashCode(positions), charge, multiplicity, bonds, title);
    }

    @Override
    public String toString() {
        return "Molecule[" + formula() + ", " + atomCount() + " atoms" + (title.isEmpty() ? "" : ", " + title) + "]";
    }

    /** Builds a {@link Molecule}: set the atomic numbers and positions; the rest is optional. */
    public static final class Builder {
        private int[] atomicNumbers;
        private double[] positions;
        private Integer charge;
        private Integer multiplicity;
        private List<Bond> bonds = List.of();
        private String title = "";
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {}

        /**
         * @param atomicNumbers one per atom, 1 to 118 (copied at build)
         * @return this builder
         */
        public Builder setAtomicNumbers(int[] atomicNumbers) {
            this.atomicNumbers = atomicNumbers;
            return this;
        }

        /**
         * @param positionsAngstrom interleaved xyz in Å (copied at build)
         * @return this builder
         */
        public Builder setPositions(double[] positionsAngstrom) {
            this.positions = positionsAngstrom;
            return this;
        }

        /**
         * @param charge total charge in elementary charges
         * @return this builder
         */
        public Builder optCharge(int charge) {
            this.charge = charge;
            return this;
        }

        /**
         * @param multiplicity spin multiplicity 2S + 1, at least 1
         * @return this builder
         */
        public Builder optMultiplicity(int multiplicity) {
            this.multiplicity = multiplicity;
            return this;
        }

        /**
         * @param bonds the bonds
         * @return this builder
         */
        public Builder optBonds(List<Bond> bonds) {
            this.bonds = Objects.requireNonNull(bonds, "bonds");
            return this;
        }

        /**
         * @param title a one-line title; line breaks are replaced by spaces
         * @return this builder
         */
        public Builder optTitle(String title) {
            this.title = Objects.requireNonNull(title, "title").replaceAll("[\\r\\n]+", " ");
            return this;
        }

        /**
         * @param key property name
         * @param value property value
         * @return this builder
         */
        public Builder optProperty(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the molecule
         * @throws IllegalArgumentException naming the first problem found
         */
        public Molecule build() {
            return new Molecule(this);
        }
    }
}
