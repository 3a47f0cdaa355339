package io.flowkit.molecules.generate;

import io.flowkit.datasets.molecule.Molecule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of generating transition states for several reactions.
 *
 * @param transitionStates for each input reaction, in order, its transition state, or empty when it
 *     failed
 * @param failures for each failed reaction (by index) the reason
 * @param seconds wall time of the generation
 * @param evaluations velocity-field evaluations of the ODE solves (summed over batches)
 */
public record GenerationResult(List<Optional<Molecule>> transitionStates, Map<Integer, String> failures, double seconds,
        int evaluations) {

    /** Copies the collections. */
    public GenerationResult {
        transitionStates = List.copyOf(transitionStates);
        failures = Map.copyOf(failures);
    }

    /** @return the number of reactions that succeeded */
    public int succeeded() {
        return (int) transitionStates.stream().filter(Optional::isPresent).count();
    }
}
