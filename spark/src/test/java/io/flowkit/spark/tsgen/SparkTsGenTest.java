package io.flowkit.spark.tsgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.datasets.catalog.Grambow842;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import io.flowkit.molecules.batch.TsGenBatch;
import io.flowkit.molecules.batch.TsRecord;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.smiles.ReactionGeometries;
import io.flowkit.spark.FlowkitSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transition states on a local Spark session against the single-process pipeline, on real reactions. */
class SparkTsGenTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = FlowkitSpark.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** The first n Grambow test reactions as paired files; record 5's product is another reaction's. */
    private static Path[] files(Path dir, int n) throws Exception {
        List<Reaction> reactions = Grambow842.load().reactions().subList(0, n + 1);
        List<Molecule> r = new ArrayList<>();
        List<Molecule> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(reactions.get(i).reactant().toBuilder().optTitle(reactions.get(i).id()).build());
            p.add(reactions.get(i == 5 ? n : i).product());
        }
        Path rf = dir.resolve("r.sdf");
        Path pf = dir.resolve("p.sdf");
        MoleculeFiles.write(rf, r);
        MoleculeFiles.write(pf, p);
        return new Path[] {rf, pf};
    }

    private static Path singleProcess(Path dir, List<io.flowkit.molecules.batch.ReactionRecord> records,
            boolean smiles) throws Exception {
        try (TsGenModel model = TsGenModel.loadDefault(Device.cpu())) {
            TsGenBatch.Builder b = TsGenBatch.builder()
                    .setGenerator(TransitionStateGenerator.builder().setModel(model).optSeed(4).build());
            if (smiles) {
                b.optGeometries(ReactionGeometries.builder().optConformers(2).optSeed(4).build());
            }
            List<Molecule> written = new ArrayList<>();
            for (TsRecord o : b.build().run(records)) {
                o.optTransitionState().ifPresent(written::add);
            }
            Path out = dir.resolve("single.sdf");
            MoleculeFiles.write(out, written);
            return out;
        }
    }

    @Test
    void geometriesGiveTheSingleProcessFileByteForByteAndABadRecordItsRow(@TempDir Path dir) throws Exception {
        int n = TsGenBatch.BLOCK + 12;
        Path[] in = files(dir, n);
        Path single = singleProcess(dir, TsGenBatch.readGeometries(in[0], in[1]), false);
        SparkTsGen job = SparkTsGen.builder().optSeed(4).optPartitions(3).build();
        Dataset<Row> out = job.transitionStates(SparkTsGen.fromGeometries(spark, in[0], in[1])).cache();
        Path sdf = dir.resolve("spark.sdf");
        SparkTsGen.Written w = SparkTsGen.write(out, sdf);
        assertEquals(n - 1, w.written());
        assertEquals(1, w.failures().size());
        assertTrue(w.failures().get(0).startsWith("r.sdf + p.sdf record 5 ("), w.failures().get(0));
        assertEquals(Files.readString(single), Files.readString(sdf));
        Row bad = out.filter("record = 5").collectAsList().get(0);
        assertEquals("failed", bad.getString(2));
        assertEquals("read", bad.getString(3));
        assertFalse(bad.getString(4).isBlank());
        assertTrue(bad.isNullAt(6));
        assertEquals(n - 1, out.filter("status = 'ok'").count());
        // Parquet keeps every record with its status; structures come back exactly.
        Path table = dir.resolve("ts.parquet");
        SparkTsGen.write(out, table);
        List<Row> back = spark.read().parquet(table.toString()).orderBy("record").collectAsList();
        assertEquals(n, back.size());
        List<Molecule> fromFile = MoleculeFiles.readAll(sdf);
        assertArrayEquals(fromFile.get(0).atomicNumbers(), MoleculeRows.fromRow(back.get(0).getAs(6)).atomicNumbers());
        out.unpersist();
    }

    @Test
    void smilesRecordsAreBuiltOnTheExecutorsAndMatchTheSingleProcessRun(@TempDir Path dir) throws Exception {
        Path smiles = dir.resolve("reactions.smi");
        Files.writeString(smiles, String.join("\n",
                "[O:1]([C:2]([C:3]#[N:4])([H:6])[H:7])[H:5]>>[O:1]([C:2]([N+:4]#[C-:3])([H:6])[H:7])[H:5]\trdb7-5098",
                "CCO>>CC=O unmapped",
                "[C:1]([H:2])([H:3])([H:4])[O:5][H:6]>>[C:1]([H:2])([H:3])[O:5][H:6].[H:4] methanol-h-loss", ""));
        Path single = singleProcess(dir, TsGenBatch.readSmiles(smiles), true);
        SparkTsGen job = SparkTsGen.builder().optSeed(4).optConformers(2).optPartitions(2).build();
        Dataset<Row> out = job.transitionStates(SparkTsGen.fromSmiles(spark, smiles));
        Path sdf = dir.resolve("spark.sdf");
        SparkTsGen.Written w = SparkTsGen.write(out, sdf);
        assertEquals(Files.readString(single), Files.readString(sdf));
        assertTrue(w.written() >= 1, "written " + w.written());
        assertTrue(w.failures().stream().anyMatch(f -> f.startsWith("reactions.smi line 2 (unmapped): parse: ")),
                w.failures().toString());
    }

    @Test
    void anInterruptedJobRerunLeavesEveryRecordExactlyOnce(@TempDir Path dir) throws Exception {
        int n = 4 * TsGenBatch.BLOCK;
        Path[] in = files(dir, n);
        Path table = dir.resolve("ts.parquet");
        SparkTsGen job = SparkTsGen.builder().optPartitions(4).build();
        // Interrupt the write as soon as a first task has put its part file down (others still running).
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                SparkTsGen.write(job.transitionStates(SparkTsGen.fromGeometries(spark, in[0], in[1])), table);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (writer.isAlive() && !hasPartFile(table) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        spark.sparkContext().cancelAllJobs();
        writer.join();
        assertTrue(failure.get() != null, "the job was interrupted");
        assertFalse(Files.exists(table.resolve("_SUCCESS")), "the interrupted job committed nothing");
        SparkTsGen.write(job.transitionStates(SparkTsGen.fromGeometries(spark, in[0], in[1])), table);
        Dataset<Row> back = spark.read().parquet(table.toString());
        assertEquals(n, back.count());
        assertEquals(n, back.select("record").distinct().count());
        assertEquals(n - 1, back.filter("status = 'ok'").count());
    }

    private static boolean hasPartFile(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("part-"));
        }
    }
}
