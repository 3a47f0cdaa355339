package io.flowkit.cli;

import io.flowkit.flow.engine.Versions;
import picocli.CommandLine.IVersionProvider;

/** Prints flowkit's, DJL's and the engine's versions. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"flowkit " + Versions.flowkit(), "DJL " + Versions.djl(), Versions.engine(),
            "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores"};
    }
}
