package io.flowkit.cli.pointclouds;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The upsampling settings that {@code upsample} and {@code spark upsample} share: ratio, model,
 * solver, steps and seed (the same defaults, so the same seed gives the same file in both).
 */
public final class UpsampleOptions {

    @Option(names = "--ratio", defaultValue = "4", description = "any integer from 2 to 16 (default: ${DEFAULT-VALUE})")
    private int ratio;

    @Option(names = "--model", description = "a model folder (default: the model shipped with flowkit); on a cluster, "
            + "one every executor can read")
    private Path model;

    @Option(names = "--steps", defaultValue = "1", description = "solver steps per x4 pass (default: ${DEFAULT-VALUE}; "
            + "PUFM++ uses 6)")
    private int steps;

    @Option(names = "--solver", defaultValue = "euler", description = "ODE solver of the flow: euler, midpoint, heun, "
            + "rk4, dopri5[:atol,rtol] (default: ${DEFAULT-VALUE})")
    private String solver;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the start noise (default: ${DEFAULT-VALUE})")
    private long seed;

    /** @return the ratio */
    public int ratio() {
        return ratio;
    }

    /** @return the model folder, or null for the shipped model */
    public Path model() {
        return model;
    }

    /** @return solver steps per x4 pass */
    public int steps() {
        return steps;
    }

    /** @return the solver's name */
    public String solver() {
        return solver;
    }

    /** @return the seed of the start noise */
    public long seed() {
        return seed;
    }
}
