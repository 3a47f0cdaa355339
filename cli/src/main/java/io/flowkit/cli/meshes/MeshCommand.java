package io.flowkit.cli.meshes;

import picocli.CommandLine.Command;

/** {@code flowkit mesh}: signals on triangle meshes independent of the triangulation. */
@Command(name = "mesh", mixinStandardHelpOptions = true, header = "Signals on meshes independent of the triangulation: noise, training, generation, tests.",
        footer = {"", "Example: flowkit mesh noise --mesh bunny.obj --out noise/"},
        description = "Signals on triangle meshes, independent of the triangulation: Matérn noise, flow training and "
                + "generation, and the triangulation test of a trained flow.",
        subcommands = {MeshNoiseCommand.class, MeshTrainCommand.class, MeshGenerateCommand.class,
            MeshAgnosticCommand.class})
public final class MeshCommand {
}
