package io.flowkit.cli.spark;

import io.flowkit.cli.pointclouds.UpsampleOptions;
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

    @Mixin
    private UpsampleOptions upsample = new UpsampleOptions();

    @Mixin
    private SparkSettings settings = new SparkSettings();

    @Override
    public Integer call() throws Exception {
        SparkUpsample.Builder b = SparkUpsample.builder().optRatio(upsample.ratio()).optSteps(upsample.steps())
                .optSolver(upsample.solver()).optSeed(upsample.seed())
                .optPartitions(settings.partitions);
        if (upsample.model() != null) {
            b.optModel(upsample.model());
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
                    upsample.ratio(), out, seconds, settings.master);
            if (failed > 0) {
                System.out.println(failed + " of " + status.size() + " clouds failed (listed on stderr)");
            }
            return failed == 0 ? 0 : 1;
        } finally {
            spark.stop();
        }
    }
}
