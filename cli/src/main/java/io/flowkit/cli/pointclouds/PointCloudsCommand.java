package io.flowkit.cli.pointclouds;

import picocli.CommandLine.Command;

/** {@code flowkit pointclouds}: training and evaluation of PUFM++ upsampling. */
@Command(name = "pointclouds", mixinStandardHelpOptions = true, header = "Point cloud upsampling by flow matching (PUFM++): train, evaluate.",
        footer = {"", "Example: flowkit pointclouds evaluate --pred dense.xyz --mesh fandisk.off"},
        description = "Point cloud upsampling by flow matching (PUFM++): train a model, evaluate a result.",
        subcommands = {PointCloudsTrainCommand.class, PointCloudsEvaluateCommand.class})
public final class PointCloudsCommand {
}
