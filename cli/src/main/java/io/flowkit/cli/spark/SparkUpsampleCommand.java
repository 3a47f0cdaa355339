package io.flowkit.cli.spark;

import io.flowkit.spark.upsample.SparkUpsample;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowkit spark upsample}: every cloud of a folder upsampled on Spark. */
@Command(name = "upsample", mixinStandardHelpOptions = true, header = "Upsamples every point cloud of a folder on Spark.",
        description = {"Upsamples every point cloud of a folder (.xyz, .txt, .pts, .ply) on Spark with PUFM++ into a "
            + "folder of clouds of the same names, each written whole; settings as flowkit upsample.",
            "A cloud that fails is listed on stderr (the exit status is then 1) and the others are written; a rerun "
                + "rewrites every cloud.",
            "Example: flowkit spark upsample --in sparse/ --ratio 4 --out dense/ --master local[2]"})
final class SparkUpsampleCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "the folder of sparse clouds")
    private Path in;

    @Option(names = "--out", required = true, description = "the folder of dense clouds (created if missing)")
    private Path out;

    @Option(names = "--ratio", defaultValue = "4", description = "any integer from 2 to 16 (default: ${DEFAULT-VALUE})")
    private int ratio;

    @Option(names = "--model", description = "a model folder visible to every executor (default: the shipped model)")
    private Path model;

    @Option(names = "--steps", defaultValue = "1", description = "solver steps per x4 pass (default: ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--solver", defaultValue = "euler", description = "euler, midpoint, heun, rk4 or dopri5[:atol,rtol] "
            + "(default: ${DEFAULT-VALUE})")
    private String solver;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the start noise (default: ${DEFAULT-VALUE})")
    private long seed;

    @Mixin
    private SparkSettings settings = new SparkSettings();

    @Override
    public Integer call() throws Exception {
        SparkUpsample.Builder b = SparkUpsample.builder().optRatio(ratio).optSteps(steps).optSolver(solver).optSeed(seed)
                .optPartitions(settings.partitions);
        if (model != null) {
            b.optModel(model);
        }
        SparkUpsample job = b.build();
        SparkUpsample.clouds(in);
        SparkSession spark = settings.start("spark upsample");
        try {
            long t0 = System.nanoTime();
            List<Row> status = job.run(spark, in, out);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long failed = 0;
            for (Row r : status) {
                if (!r.getString(3).equals("ok")) {
                    failed++;
                    System.err.println("failed: " + r.getString(4));
                }
            }
            long written = status.size() - failed;
            System.out.printf(Locale.ROOT, "wrote %d cloud%s (x%d) to %s in %.1f s (%s)%n", written, written == 1 ? "" : "s",
                    ratio, out, seconds, settings.master);
            if (failed > 0) {
                System.out.println(failed + " of " + status.size() + " clouds failed (listed on stderr)");
            }
            return failed == 0 ? 0 : 1;
        } finally {
            spark.stop();
        }
    }
}
