package io.flowkit.cli.spark;

import io.flowkit.spark.FlowkitSpark;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The Spark options every {@code flowkit spark} command takes, and the session they give. */
final class SparkSettings {

    @Option(names = "--master", defaultValue = "local[2]", description = "local[N], local[*] or a cluster URL such as "
            + "spark://host:7077 (default: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--partitions", defaultValue = "0", description = "partitions of the job (default: Spark's)")
    int partitions;

    /**
     * Starts the session and prints the progress of its tasks on stderr.
     *
     * @param what the job's name in progress lines
     * @return the session; stop it when done
     */
    SparkSession start(String what) {
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions is negative: " + partitions);
        }
        long t0 = System.nanoTime();
        SparkSession spark = FlowkitSpark.session(master);
        System.err.printf(java.util.Locale.ROOT, "%s: Spark %s on %s started in %.1f s%n", what, spark.version(), master,
                (System.nanoTime() - t0) / 1e9);
        AtomicInteger total = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onStageSubmitted(SparkListenerStageSubmitted s) {
                total.addAndGet(s.stageInfo().numTasks());
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd e) {
                System.err.printf("%s: %d/%d tasks done%n", what, done.incrementAndGet(), total.get());
            }
        });
        return spark;
    }
}
