package io.flowkit.cli.assembly;

import picocli.CommandLine.Command;

/** {@code flowkit assembly}: reassembly of fractured parts by a flow on points. */
@Command(name = "assembly", mixinStandardHelpOptions = true, header = "Assembly of fractured parts: fracture a mesh, train, evaluate.",
        footer = {"", "Example: flowkit assembly fracture --mesh cow.off --parts 4 --out parts/"},
        description = "Reassembly of fractured parts (Rectified Point Flow): fracture a mesh, train, evaluate.",
        subcommands = {AssemblyFractureCommand.class, AssemblyTrainCommand.class, AssemblyEvaluateCommand.class,
            AssemblyTeacherCommand.class, AssemblyConvergenceCommand.class})
public final class AssemblyCommand {
}
