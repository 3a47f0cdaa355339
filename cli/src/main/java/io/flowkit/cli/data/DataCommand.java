package io.flowkit.cli.data;

import picocli.CommandLine.Command;

/** {@code flowkit data}: the data sets that tests and benchmarks read. */
@Command(name = "data", mixinStandardHelpOptions = true, header = "The data sets flowkit's benchmarks and tests read: list or fetch them.",
        footer = {"", "Example: flowkit data list"},
        description = "The data sets under FLOWKIT_DATA: list them, or download the missing ones from their original "
                + "addresses (or a mirror), verified by size and SHA-256.",
        subcommands = {DataListCommand.class, DataFetchCommand.class})
public final class DataCommand {
}
