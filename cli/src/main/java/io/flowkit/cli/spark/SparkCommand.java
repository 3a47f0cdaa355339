package io.flowkit.cli.spark;

import picocli.CommandLine.Command;

/** {@code flowkit spark}: transition states and upsampling on Apache Spark. */
@Command(name = "spark", mixinStandardHelpOptions = true, header = "Batch generation on Apache Spark: transition states, upsampling.",
        footer = {"", "Example: flowkit spark tsgen --smiles reactions.smi --out ts.parquet"},
        description = {"Batch generation on Apache Spark 3.5: each executor loads the model once, every record gets a "
            + "status row, and the result equals the single-process command's for the same seed.",
            "Local mode (--master local[2]) is the default; a cluster is one --master away (or use spark-submit with "
                + "the shaded jar of flowkit-spark, see spark/README.md)."},
        subcommands = {SparkTsGenCommand.class, SparkUpsampleCommand.class})
public final class SparkCommand {
}
