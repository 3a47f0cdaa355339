package io.flowkit.cli.tsgen;

import ai.djl.Device;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.cli.EnumOptions;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The sampling options that {@code tsgen generate} and {@code tsgen evaluate} share: the model and
 * how the generator draws and combines samples. Without options, the defaults are those of
 * {@link TransitionStateGenerator} (chosen on the RDB7 validation split).
 */
final class SamplerOptions {

    @Option(names = "--model", description = "a model folder (default: the model shipped with flowkit)")
    Path model;

    @Option(names = "--samples", description = "samples per reaction, combined by --consensus (default: the generator's)")
    Integer samples;

    @Option(names = "--consensus", description = "medoid or mean of the samples (default: the generator's)")
    String consensus;

    @Option(names = "--both-directions", negatable = true,
            description = "also generate from the reversed reaction P -> R and pool the samples (default: the generator's)")
    Boolean bothDirections;

    @Option(names = "--solver", description = "euler|midpoint|heun|rk4 with --steps, or dopri5 (atol 1e-6, rtol 1e-3) "
            + "(default: the generator's)")
    String solver;

    @Option(names = "--steps", description = "steps of a fixed-step solver (default: the generator's)")
    Integer steps;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the prior samples (default: ${DEFAULT-VALUE})")
    long seed;

    /**
     * Loads the chosen model.
     *
     * @return the model; close it when done
     * @throws IOException if the folder cannot be read
     */
    TsGenModel load() throws IOException {
        return model == null ? TsGenModel.loadDefault(Device.cpu()) : TsGenModel.load(model, Device.cpu());
    }

    /**
     * A generator over a model with these options.
     *
     * @param loaded the model
     * @return the generator
     */
    TransitionStateGenerator generator(TsGenModel loaded) {
        TransitionStateGenerator.Builder builder = TransitionStateGenerator.builder().setModel(loaded).optSeed(seed);
        if (samples != null) {
            builder.optSamples(samples);
        }
        if (bothDirections != null) {
            builder.optBothDirections(bothDirections);
        }
        if (consensus != null) {
            builder.optConsensus(EnumOptions.parse(TransitionStateGenerator.Consensus.class, "--consensus", consensus));
        }
        if (solver != null && solver.equalsIgnoreCase("dopri5")) {
            builder.optAdaptive(1e-6, 1e-3);
        } else if (solver != null || steps != null) {
            builder.optFixedSteps(OdeSolver.byName(solver == null ? TransitionStateGenerator.DEFAULT_SOLVER : solver),
                    steps == null ? TransitionStateGenerator.DEFAULT_STEPS : steps);
        }
        return builder.build();
    }
}
