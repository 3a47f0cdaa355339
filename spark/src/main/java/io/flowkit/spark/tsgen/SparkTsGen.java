package io.flowkit.spark.tsgen;

import static org.apache.spark.sql.functions.col;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import io.flowkit.molecules.batch.ReactionRecord;
import io.flowkit.molecules.batch.TsGenBatch;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Transition states for a Dataset of reactions on Spark, in two stages: the 3D geometries of SMILES
 * records (CDK and xtb, {@link TsGenBatch#prepare}) record by record over every core, then
 * generation (and optional xtb refinement) by flowkit's record pipeline ({@link TsGenBatch}) block
 * by block, each executor loading the TS-GEN model once. Every
 * record comes back as a row with its status and error ({@link ReactionRows#OUTPUT}), so one bad
 * record never fails the job, and the result of each record is the single-process command's for the
 * same seed (records draw from their own random streams and are generated in the same blocks).
 *
 * <pre>{@code
 * SparkSession spark = FlowkitSpark.session("local[2]");
 * SparkTsGen job = SparkTsGen.builder().optSeed(0).build();
 * Dataset<Row> ts = job.transitionStates(SparkTsGen.fromSmiles(spark, Path.of("reactions.smi")));
 * SparkTsGen.write(ts, Path.of("ts.sdf"));   // or a .parquet folder
 * }</pre>
 */
public final class SparkTsGen {

    private final Settings settings;
    private final int partitions;

    private SparkTsGen(Builder b) {
        this.settings = new Settings(b.model, b.seed, b.conformers, b.refine, b.xtbThreads);
        this.partitions = b.partitions;
    }

    /** @return a builder with the defaults of {@code flowkit tsgen generate} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What every executor needs to build its pipeline.
     *
     * @param model the model folder, or null for the shipped model
     * @param seed the seed of the prior samples and the lifted layouts
     * @param conformers starting geometries per side for SMILES records
     * @param refine whether each transition state is refined with xtb
     * @param xtbThreads xtb optimisations a task runs at once
     */
    record Settings(String model, long seed, int conformers, boolean refine, int xtbThreads) implements Serializable {}

    /**
     * Reactions from paired reactant and product files (SDF/MOL or XYZ, record i of each file one
     * reaction), read on the driver.
     *
     * @param spark the session
     * @param reactants the reactant file
     * @param products the product file
     * @return rows of {@link ReactionRows#INPUT}, one per record
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if the files differ in length or one is malformed
     */
    public static Dataset<Row> fromGeometries(SparkSession spark, Path reactants, Path products) throws IOException {
        return rows(spark, TsGenBatch.readGeometries(reactants, products));
    }

    /**
     * Reactions from a file of atom-mapped reaction SMILES (one per line, optionally a name after
     * a space or tab), read on the driver; the geometries are built on the executors.
     *
     * @param spark the session
     * @param smiles the file
     * @return rows of {@link ReactionRows#INPUT}, one per reaction line
     * @throws IOException if the file cannot be read
     */
    public static Dataset<Row> fromSmiles(SparkSession spark, Path smiles) throws IOException {
        return rows(spark, TsGenBatch.readSmiles(smiles));
    }

    /**
     * Records as a Dataset.
     *
     * @param spark the session
     * @param records the records
     * @return rows of {@link ReactionRows#INPUT}
     */
    public static Dataset<Row> rows(SparkSession spark, List<ReactionRecord> records) {
        List<Row> rows = new ArrayList<>();
        for (ReactionRecord r : records) {
            rows.add(ReactionRows.toRow(r));
        }
        // Sliced, so that no single task carries every record.
        int slices = Math.max(1, Math.min(rows.size(), 4 * spark.sparkContext().defaultParallelism()));
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices),
                ReactionRows.INPUT);
    }

    /**
     * Generates the transition states.
     *
     * @param reactions rows of {@link ReactionRows#INPUT} (record numbers unique)
     * @return rows of {@link ReactionRows#OUTPUT}, one per input row, in no particular order
     *     ({@link #write} sorts them)
     * @throws IllegalArgumentException if the rows do not have the input schema
     */
    public Dataset<Row> transitionStates(Dataset<Row> reactions) {
        if (!reactions.schema().equals(ReactionRows.INPUT)) {
            throw new IllegalArgumentException("the reactions do not have the input schema: expected "
                    + ReactionRows.INPUT.simpleString() + ", got " + reactions.schema().simpleString());
        }
        // Geometries from SMILES first, record by record over every core (round robin); then whole
        // blocks per partition (hash of the block), in record order within a partition, for generation.
        Dataset<Row> prepared = reactions;
        if (!reactions.filter(col("smiles").isNotNull()).isEmpty()) {
            int spread = partitions > 0 ? partitions : 2 * reactions.sparkSession().sparkContext().defaultParallelism();
            prepared = reactions.repartition(spread).mapPartitions(new GeometryPartition(settings),
                    Encoders.row(ReactionRows.INPUT));
        }
        Dataset<Row> parted = partitions > 0 ? prepared.repartition(partitions, col("block"))
                : prepared.repartition(col("block"));
        return parted.sortWithinPartitions("record").mapPartitions(new TsGenPartition(settings),
                Encoders.row(ReactionRows.OUTPUT));
    }

    /**
     * What {@link #write} wrote.
     *
     * @param written transition states written
     * @param failures one line per failed record, {@code name: stage: error}, in record order
     */
    public record Written(int written, List<String> failures) {}

    /**
     * Writes transition states: a path ending in {@code .parquet} gets the whole table (every
     * record, its status, error and structure; each part file in record order) through Spark's
     * committer, which publishes it only when the whole job succeeded; an {@code .sdf} or
     * {@code .xyz} path gets the structures of the successes in record order, as
     * {@code flowkit tsgen generate} writes them, through a temporary file and a move (the rows are
     * gathered on the driver: for very large jobs, write Parquet). When no record succeeded, an
     * existing SDF/XYZ file is left as it was.
     *
     * @param transitionStates rows of {@link ReactionRows#OUTPUT}
     * @param out the output path
     * @return what was written and the failures
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException if the path's format is unknown
     */
    public static Written write(Dataset<Row> transitionStates, Path out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            // Partitions are written as they finish (each in record order); the committer publishes
            // the folder only when every task has succeeded. The counts are read back from it.
            transitionStates.write().mode(SaveMode.Overwrite).parquet(out.toString());
            Dataset<Row> written = transitionStates.sparkSession().read().parquet(out.toString());
            List<String> failures = new ArrayList<>();
            for (Row r : written.filter(col("status").equalTo("failed")).orderBy("record").collectAsList()) {
                failures.add(r.getString(1) + ": " + r.getString(4));
            }
            return new Written((int) written.filter(col("status").equalTo("ok")).count(), failures);
        }
        MoleculeFiles.checkWritable(out);
        List<Molecule> molecules = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // Sorted here rather than by Spark: a global sort would sample its input first, that is run
        // the whole generation twice.
        List<Row> rows = new ArrayList<>(transitionStates.collectAsList());
        rows.sort(Comparator.comparingLong(r -> r.getLong(0)));
        for (Row r : rows) {
            if (r.getString(2).equals("ok")) {
                molecules.add(MoleculeRows.fromRow(r.getAs(6)));
            } else {
                failures.add(r.getString(1) + ": " + r.getString(4));
            }
        }
        if (!molecules.isEmpty()) {
            MoleculeFiles.write(out, molecules);
        }
        return new Written(molecules.size(), failures);
    }

    /** Settings of a job; all optional. */
    public static final class Builder {

        private String model;
        private long seed;
        private int conformers = 3;
        private boolean refine;
        private int xtbThreads = 1;
        private int partitions;

        private Builder() {}

        /**
         * @param folder a TS-GEN model folder visible to every executor (default: the shipped model)
         * @return this builder
         */
        public Builder optModel(Path folder) {
            this.model = folder.toAbsolutePath().toString();
            return this;
        }

        /**
         * @param value the seed (default 0), as {@code --seed} of {@code flowkit tsgen generate}
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value starting geometries per side for SMILES records (default 3)
         * @return this builder
         */
        public Builder optConformers(int value) {
            this.conformers = value;
            return this;
        }

        /**
         * @param value whether to refine each transition state with xtb (default false)
         * @return this builder
         */
        public Builder optRefine(boolean value) {
            this.refine = value;
            return this;
        }

        /**
         * @param value xtb optimisations one task runs at once (default 1: the executor's cores are
         *     its tasks)
         * @return this builder
         */
        public Builder optXtbThreads(int value) {
            this.xtbThreads = value;
            return this;
        }

        /**
         * @param value partitions of the job (default 0: Spark's shuffle partitions)
         * @return this builder
         */
        public Builder optPartitions(int value) {
            this.partitions = value;
            return this;
        }

        /**
         * @return the job
         * @throws IllegalArgumentException if conformers or xtb threads is below 1 or partitions negative
         */
        public SparkTsGen build() {
            if (conformers < 1) {
                throw new IllegalArgumentException("conformers is below 1: " + conformers);
            }
            if (xtbThreads < 1) {
                throw new IllegalArgumentException("xtb threads is below 1: " + xtbThreads);
            }
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions is negative: " + partitions);
            }
            return new SparkTsGen(this);
        }
    }
}
