package io.flowkit.molecules.bench;

import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.molecules.data.Rdb7Split;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import java.util.List;
import java.util.Locale;

/**
 * A generator scored on one part of the RDB7 split ({@link Rdb7Split}): RMSD beside the aligned
 * midpoint, and on test (a) also beside the 2020 model's predictions for the same Grambow records
 * (Pattanaik et al. 2020). Choose settings on {@link Part#VALIDATION}; report the two test parts.
 */
public final class Rdb7Evaluation {

    /** The parts of the split that can be scored. */
    public enum Part {
        /** The validation split: for every choice. */
        VALIDATION("validation", "RDB7 validation split"),
        /** Test (a): the Grambow test reactions, comparable with the 2020 model. */
        GRAMBOW("grambow", "RDB7 test (a): the Grambow test reactions"),
        /** Test (b): whole reactant groups held out. */
        GROUPED("grouped", "RDB7 test (b): reactant groups held out");

        private final String label;
        private final String title;

        Part(String label, String title) {
            this.label = label;
            this.title = title;
        }

        /** @return the short name used on the command line */
        public String label() {
            return label;
        }

        /** @return a title for tables */
        public String title() {
            return title;
        }

        /**
         * The part of a short name.
         *
         * @param name validation, grambow or grouped (also test-a, test-b)
         * @return the part
         * @throws IllegalArgumentException naming the accepted names
         */
        public static Part byName(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "validation" -> VALIDATION;
                case "grambow", "test-a", "a" -> GRAMBOW;
                case "grouped", "test-b", "b" -> GROUPED;
                default -> throw new IllegalArgumentException("RDB7 split part must be validation, grambow (test-a) or "
                        + "grouped (test-b): " + name);
            };
        }
    }

    /** The 2020 model's name in tables. */
    public static final String TSGEN2020 = "TS-GEN 2020 (Pattanaik et al.)";

    private Rdb7Evaluation() {}

    /**
     * The reactions of a part.
     *
     * @param split the split
     * @param part the part
     * @return its reactions, in split order
     */
    public static List<Reaction> reactions(Rdb7Split split, Part part) {
        return Rdb7Split.reactions(switch (part) {
            case VALIDATION -> split.validation();
            case GRAMBOW -> split.testGrambow();
            case GROUPED -> split.testGrouped();
        });
    }

    /**
     * The 2020 model's predictions for test (a), in its order.
     *
     * @param split the split
     * @param grambow the Grambow data set that ships them
     * @return one structure per test (a) reaction
     */
    public static List<Molecule> tsgen2020(Rdb7Split split, Grambow842 grambow) {
        return split.testGrambowRecords().stream().map(i -> grambow.predictedTransitionStates().get(i)).toList();
    }

    /**
     * Scores a generator on a part.
     *
     * @param generator the generator
     * @param name its name in the table
     * @param split the split
     * @param grambow the Grambow data set (for the 2020 baseline on test (a))
     * @param part the part
     * @return the evaluation: the generator, the 2020 model on test (a), the aligned midpoint
     */
    public static TsGenEvaluation.Result run(TransitionStateGenerator generator, String name, Rdb7Split split,
            Grambow842 grambow, Part part) {
        List<Reaction> reactions = reactions(split, part);
        return part == Part.GRAMBOW
                ? TsGenEvaluation.run(generator, name, reactions, TSGEN2020, tsgen2020(split, grambow))
                : TsGenEvaluation.run(generator, name, reactions, null, null);
    }
}
