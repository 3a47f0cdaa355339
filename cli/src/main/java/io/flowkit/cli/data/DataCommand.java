package io.flowkit.cli.data;

import picocli.CommandLine.Command;

/** {@code flowkit data}: the data sets that tests and benchmarks read. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "The data sets under FLOWKIT_DATA: list them, or download the missing ones from their original "
                + "addresses (or a mirror), verified by size and SHA-256.",
        subcommands = {DataListCommand.class, DataFetchCommand.class})
public final class DataCommand {
}
