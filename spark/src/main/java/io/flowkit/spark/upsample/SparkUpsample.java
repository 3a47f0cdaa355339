package io.flowkit.spark.upsample;

import io.flowkit.flow.solve.OdeSolver;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Upsamples every point cloud of a folder ({@code .xyz}, {@code .txt}, {@code .pts}, {@code .ply})
 * on Spark with PUFM++ ({@link io.flowkit.pointclouds.upsample.Upsampler}), into a folder of clouds
 * of the same names. Each executor loads the model once; each cloud is written whole through a
 * temporary file and a move, so a rerun of an interrupted job rewrites every cloud and leaves
 * exactly one file per input. A cloud that cannot be read or upsampled is reported in its status
 * row and the others go on. The settings are those of {@code flowkit upsample} (the same seed gives
 * the same file).
 *
 * <pre>{@code
 * List<Row> status = SparkUpsample.builder().optRatio(4).build()
 *         .run(io.flowkit.spark.FlowkitSpark.session("local[2]"), Path.of("sparse"), Path.of("dense"));
 * }</pre>
 */
public final class SparkUpsample {

    /** The status of one cloud: {@code ok} or {@code failed} with the error. */
    public static final StructType STATUS = new StructType()
            .add("record", DataTypes.LongType, false)
            .add("input", DataTypes.StringType, false)
            .add("output", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("error", DataTypes.StringType, true)
            .add("points_in", DataTypes.IntegerType, false)
            .add("points_out", DataTypes.IntegerType, false)
            .add("seconds", DataTypes.DoubleType, false);

    static final StructType INPUT = new StructType()
            .add("record", DataTypes.LongType, false)
            .add("input", DataTypes.StringType, false)
            .add("output", DataTypes.StringType, false);

    private final Settings settings;
    private final int partitions;

    private SparkUpsample(Builder b) {
        this.settings = new Settings(b.model, b.ratio, b.seed, b.steps, b.solver);
        this.partitions = b.partitions;
    }

    /** @return a builder with the defaults of {@code flowkit upsample} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What every executor needs to build its upsampler.
     *
     * @param model the model folder, or null for the shipped model
     * @param ratio the upsampling ratio
     * @param seed the seed of the start noise
     * @param steps solver steps per x4 pass
     * @param solver the solver's name
     */
    record Settings(String model, int ratio, long seed, int steps, String solver) implements Serializable {}

    /**
     * The clouds of a folder, by name.
     *
     * @param folder the folder
     * @return the cloud files in it (not its subfolders), sorted by name
     * @throws IOException if the folder cannot be listed
     * @throws IllegalArgumentException if it is not a folder or holds no cloud
     */
    public static List<Path> clouds(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder of point clouds");
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).filter(f -> isCloud(f.getFileName().toString())).sorted().forEach(out::add);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(folder + " holds no point cloud (.xyz, .txt, .pts or .ply)");
        }
        return out;
    }

    /**
     * Upsamples every cloud of a folder.
     *
     * @param spark the session
     * @param in the folder of sparse clouds
     * @param out the folder of dense clouds (created if missing; clouds of the same names are replaced)
     * @return the status of every cloud, by record (file name order)
     * @throws IOException if a folder cannot be listed or created
     * @throws IllegalArgumentException if {@code in} is not a folder of clouds or {@code out} is a file
     */
    public List<Row> run(SparkSession spark, Path in, Path out) throws IOException {
        List<Path> clouds = clouds(in);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + " is a file: give a folder for the upsampled clouds");
        }
        Files.createDirectories(out);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < clouds.size(); i++) {
            Path target = out.resolve(clouds.get(i).getFileName());
            removeStaleTemporaries(target);
            rows.add(RowFactory.create((long) i, clouds.get(i).toAbsolutePath().toString(),
                    target.toAbsolutePath().toString()));
        }
        int parts = partitions > 0 ? partitions : Math.min(rows.size(), spark.sparkContext().defaultParallelism());
        Dataset<Row> input = spark.createDataFrame(rows, INPUT).repartition(parts);
        return input.mapPartitions(new UpsamplePartition(settings), Encoders.row(STATUS)).orderBy("record")
                .collectAsList();
    }

    /** Deletes what a killed run left of its temporary files beside a target ({@code .NAME.*}). */
    private static void removeStaleTemporaries(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> files = Files.list(target.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static boolean isCloud(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".xyz") || n.endsWith(".txt") || n.endsWith(".pts") || n.endsWith(".ply"));
    }

    /** Settings of a job; all optional. */
    public static final class Builder {

        private String model;
        private int ratio = 4;
        private long seed;
        private int steps = 1;
        private String solver = "euler";
        private int partitions;

        private Builder() {}

        /**
         * @param folder a PUFM++ model folder visible to every executor (default: the shipped model)
         * @return this builder
         */
        public Builder optModel(Path folder) {
            this.model = folder.toAbsolutePath().toString();
            return this;
        }

        /**
         * @param value the ratio, 2 to 16 (default 4)
         * @return this builder
         */
        public Builder optRatio(int value) {
            this.ratio = value;
            return this;
        }

        /**
         * @param value the seed of the start noise (default 0)
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value solver steps per x4 pass (default 1)
         * @return this builder
         */
        public Builder optSteps(int value) {
            this.steps = value;
            return this;
        }

        /**
         * @param name the solver: euler, midpoint, heun, rk4 or dopri5[:atol,rtol] (default euler)
         * @return this builder
         */
        public Builder optSolver(String name) {
            this.solver = name;
            return this;
        }

        /**
         * @param value partitions of the job (default 0: one per core, at most one per cloud)
         * @return this builder
         */
        public Builder optPartitions(int value) {
            this.partitions = value;
            return this;
        }

        /**
         * @return the job
         * @throws IllegalArgumentException if the ratio is outside 2..16, steps below 1, the solver
         *     unknown or partitions negative
         */
        public SparkUpsample build() {
            if (ratio < 2 || ratio > 16) {
                throw new IllegalArgumentException("ratio is not in 2..16: " + ratio);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("steps is below 1: " + steps);
            }
            OdeSolver.byName(solver);
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions is negative: " + partitions);
            }
            return new SparkUpsample(this);
        }
    }
}
