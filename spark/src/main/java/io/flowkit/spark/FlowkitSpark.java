package io.flowkit.spark;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * Spark sessions for flowkit jobs: {@link #session(String)} for the common case, local mode or a
 * cluster's master URL.
 */
public final class FlowkitSpark {

    /**
     * The JVM options Spark 3.5 needs on Java 17 (module openings, as Spark's own launcher adds
     * them): give them to the driver's JVM and, on a cluster, in {@code spark.executor.extraJavaOptions}.
     */
    public static final List<String> JAVA_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false");

    private FlowkitSpark() {}

    /**
     * A session for flowkit jobs (or the one already running): the web UI off in local mode, the
     * application named flowkit.
     *
     * @param master {@code local[N]}, {@code local[*]} or a cluster URL such as {@code spark://host:7077}
     * @return the session
     * @throws IllegalArgumentException if the master is blank
     */
    public static SparkSession session(String master) {
        Objects.requireNonNull(master, "master");
        if (master.isBlank()) {
            throw new IllegalArgumentException("master is blank");
        }
        SparkSession.Builder b = SparkSession.builder().appName("flowkit").master(master);
        if (master.startsWith("local")) {
            b.config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4");
        }
        return b.getOrCreate();
    }
}
