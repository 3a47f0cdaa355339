package io.flowkit.datasets.molecule;

import java.util.Objects;
import java.util.Optional;

/**
 * An immutable elementary reaction: reactant and product geometries, an optional transition state
 * and optional energies, under an identifier. All structures share one atom order (atom i is the
 * same atom in each), which the constructor checks element by element.
 */
public final class Reaction {

    private final String id;
    private final Molecule reactant;
    private final Molecule product;
    private final Molecule transitionState;
    private final ReactionEnergies energies;

    private Reaction(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id is not set");
        this.reactant = Objects.requireNonNull(b.reactant, "reactant is not set");
        this.product = Objects.requireNonNull(b.product, "product is not set");
        this.transitionState = b.transitionState;
        this.energies = b.energies;
        checkSameAtoms(id, reactant, "reactant", product, "product");
        if (transitionState != null) {
            checkSameAtoms(id, reactant, "reactant", transitionState, "transition state");
        }
    }

    /**
     * Checks that two structures list the same elements in the same order.
     *
     * @param id the reaction, named in the message
     * @param a first structure
     * @param aName its role ("reactant")
     * @param b second structure
     * @param bName its role ("product")
     * @throws IllegalArgumentException for example "reaction rxn7: atom 3 is C in the reactant but O in the product"
     */
    public static void checkSameAtoms(String id, Molecule a, String aName, Molecule b, String bName) {
        if (a.atomCount() != b.atomCount()) {
            throw new IllegalArgumentException("reaction " + id + ": the " + aName + " has " + a.atomCount()
                    + " atoms but the " + bName + " has " + b.atomCount());
        }
        for (int i = 0; i < a.atomCount(); i++) {
            if (a.atomicNumber(i) != b.atomicNumber(i)) {
                throw new IllegalArgumentException("reaction " + id + ": atom " + i + " is " + a.symbol(i) + " in the "
                        + aName + " but " + b.symbol(i) + " in the " + bName + " (atom order differs)");
            }
        }
    }

    /**
     * A reaction without transition state or energies.
     *
     * @param id identifier
     * @param reactant reactant geometry
     * @param product product geometry, same atom order
     * @return the reaction
     */
    public static Reaction of(String id, Molecule reactant, Molecule product) {
        return builder().setId(id).setReactant(reactant).setProduct(product).build();
    }

    /** @return a builder for a new reaction */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the identifier */
    public String id() {
        return id;
    }

    /** @return the reactant */
    public Molecule reactant() {
        return reactant;
    }

    /** @return the product */
    public Molecule product() {
        return product;
    }

    /** @return the transition state, if known */
    public Optional<Molecule> transitionState() {
        return Optional.ofNullable(transitionState);
    }

    /** @return the energies in eV, if known */
    public Optional<ReactionEnergies> energies() {
        return Optional.ofNullable(energies);
    }

    /** @return the number of atoms, the same in every structure */
    public int atomCount() {
        return reactant.atomCount();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Reaction)) {
            return false;
        }
        Reaction r = (Reaction) o;
        return id.equals(r.id) && reactant.equals(r.reactant) && product.equals(r.product)
                && Objects.equals(transitionState, r.transitionState) && Objects.equals(energies, r.energies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, reactant, product, transitionState, energies);
    }

    @Override
    public String toString() {
        return "Reaction[" + id + ", " + reactant.formula() + (transitionState != null ? ", with TS" : "") + "]";
    }

    /** Builds a {@link Reaction}: set id, reactant and product; transition state and energies are optional. */
    public static final class Builder {
        private String id;
        private Molecule reactant;
        private Molecule product;
        private Molecule transitionState;
        private ReactionEnergies energies;

        private Builder() {}

        /**
         * @param id identifier
         * @return this builder
         */
        public Builder setId(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param reactant reactant geometry
         * @return this builder
         */
        public Builder setReactant(Molecule reactant) {
            this.reactant = reactant;
            return this;
        }

        /**
         * @param product product geometry
         * @return this builder
         */
        public Builder setProduct(Molecule product) {
            this.product = product;
            return this;
        }

        /**
         * @param transitionState transition-state geometry
         * @return this builder
         */
        public Builder optTransitionState(Molecule transitionState) {
            this.transitionState = transitionState;
            return this;
        }

        /**
         * @param energies energies in eV
         * @return this builder
         */
        public Builder optEnergies(ReactionEnergies energies) {
            this.energies = energies;
            return this;
        }

        /**
         * Validates (same atom order everywhere) and builds.
         *
         * @return the reaction
         * @throws IllegalArgumentException naming the reaction, the atom and the structures that differ
         */
        public Reaction build() {
            return new Reaction(this);
        }
    }
}
