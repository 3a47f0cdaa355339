package io.flowkit.cli.tsgen;

import picocli.CommandLine.Command;

/** {@code flowkit tsgen}: transition states from reactant and product by conditional flow matching (TS-GEN). */
@Command(name = "tsgen", mixinStandardHelpOptions = true, header = "Transition states by conditional flow matching (TS-GEN): train, generate, evaluate.",
        footer = {"", "Example: flowkit tsgen generate --reactants R.sdf --products P.sdf --out TS.sdf"},
        description = "Transition states from reactant and product by conditional flow matching (TS-GEN).",
        subcommands = {TsGenTrainCommand.class, TsGenGenerateCommand.class, TsGenEvaluateCommand.class})
public final class TsGenCommand {
}
