package io.flowkit.cli.spark;

import io.flowkit.cli.tsgen.ReactionInputs;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import io.flowkit.molecules.batch.ReactionRecord;
import io.flowkit.spark.tsgen.SparkTsGen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowkit spark tsgen}: transition states for many reactions on Spark. */
@Command(name = "tsgen", mixinStandardHelpOptions = true, header = "Generates transition states for many reactions on Spark.",
        description = {"Generates transition states on Spark for paired reactant and product files (record i of each "
            + "file) or for a file of atom-mapped reaction SMILES (3D geometries built with CDK and xtb on the executors).",
            "--out ending in .parquet writes the whole table (record, name, status, stage, error, note, "
                + "transition_state); .sdf or .xyz writes the structures in input order, as tsgen generate does.",
            "Failed records are listed on stderr and the exit status is then 1.",
            "Example: flowkit spark tsgen --reactants R.sdf --products P.sdf --out TS.sdf --master local[2]"})
final class SparkTsGenCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "TS.sdf, TS.xyz or a folder TS.parquet")
    private Path out;

    @Option(names = "--model", description = "a model folder visible to every executor (default: the shipped model)")
    private Path model;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the prior samples (default: ${DEFAULT-VALUE})")
    private long seed;

    @Mixin
    private ReactionInputs inputs = new ReactionInputs();

    @Mixin
    private SparkSettings settings = new SparkSettings();

    @Override
    public Integer call() throws Exception {
        inputs.checkRefine();
        boolean parquet = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
        if (parquet) {
            if (Files.isRegularFile(out)) {
                throw new IllegalArgumentException(out + " is a file: a .parquet output is a folder");
            }
        } else {
            MoleculeFiles.checkWritable(out);
        }
        inputs.checkInputs();
        SparkTsGen.Builder b = SparkTsGen.builder().optSeed(seed).optConformers(inputs.conformers()).optRefine(inputs.refine())
                .optPartitions(settings.partitions);
        if (model != null) {
            b.optModel(model);
        }
        SparkTsGen job = b.build();
        SparkSession spark = settings.start("spark tsgen");
        try {
            long t0 = System.nanoTime();
            // Read on the driver, as SparkTsGen.fromSmiles / fromGeometries do; the count needs no Spark job.
            List<ReactionRecord> read = inputs.read();
            long records = read.size();
            SparkTsGen.Written w = SparkTsGen.write(job.transitionStates(SparkTsGen.rows(spark, read)), out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (String f : w.failures()) {
                System.err.println("failed: " + f);
            }
            System.out.printf(Locale.ROOT, "wrote %d transition states to %s in %.1f s (%.2f reactions per second, %s)%n",
                    w.written(), out, seconds, records / seconds, settings.master);
            if (!w.failures().isEmpty()) {
                System.out.println(w.failures().size() + " of " + records + " reactions failed (listed on stderr)");
            }
            return w.failures().isEmpty() ? 0 : 1;
        } finally {
            spark.stop();
        }
    }
}
