package io.flowkit.spark.upsample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.pointcloud.io.PointCloudFiles;
import io.flowkit.pointclouds.model.PufmConfig;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.upsample.Upsampler;
import io.flowkit.spark.FlowkitSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of real clouds (PU-GAN, PU-Net) upsampled on a local Spark session, with a small untrained model. */
class SparkUpsampleTest {

    @TempDir
    static Path dir;
    private static Path model;
    private static Path sparse;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        model = dir.resolve("model");
        try (PufmModel m = PufmModel.create(PufmConfig.defaults().withSize(16, 1).withPatchSize(64), 1, Device.cpu())) {
            m.save(model, null);
        }
        sparse = Files.createDirectories(dir.resolve("sparse"));
        Path official = DataLocation.dataset("pointclouds/pugan-official");
        Path punet = DataLocation.dataset("pointclouds/punet-mc5k");
        Files.copy(official.resolve("fandisk.xyz"), sparse.resolve("fandisk.xyz"));
        // PU-GAN's official Icosahedron input repeats points: refused, in its row.
        Files.copy(official.resolve("Icosahedron.xyz"), sparse.resolve("Icosahedron.xyz"));
        Files.copy(punet.resolve("cow.xyz"), sparse.resolve("cow.xyz"));
        Files.writeString(sparse.resolve("notes.md"), "not a cloud");
        spark = FlowkitSpark.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyCloudIsTheSingleProcessFileAndABadOneIsReportedInItsRow() throws Exception {
        Path dense = dir.resolve("dense");
        SparkUpsample job = SparkUpsample.builder().optModel(model).optRatio(4).optSteps(2).optSeed(3).build();
        List<Row> status = job.run(spark, sparse, dense);
        assertEquals(3, status.size(), "the three clouds, not notes.md");
        assertEquals(List.of("Icosahedron.xyz", "cow.xyz", "fandisk.xyz"),
                status.stream().map(r -> Path.of(r.getString(1)).getFileName().toString()).toList());
        Row bad = status.get(0);
        assertEquals("failed", bad.getString(3));
        assertTrue(bad.getString(4).contains("Icosahedron.xyz") && bad.getString(4).contains("duplicate"), bad.getString(4));
        assertFalse(Files.exists(dense.resolve("Icosahedron.xyz")));
        try (PufmModel m = PufmModel.load(model, Device.cpu())) {
            Upsampler single = Upsampler.builder().setModel(m).optSteps(2).optSeed(3).build();
            for (String name : new String[] {"cow.xyz", "fandisk.xyz"}) {
                PointCloud in = PointCloudFiles.read(sparse.resolve(name));
                Path expected = dir.resolve("single-" + name);
                PointCloudFiles.write(expected, single.upsample(in, 4));
                assertEquals(Files.readString(expected), Files.readString(dense.resolve(name)), name);
                assertEquals(4 * in.size(), PointCloudFiles.read(dense.resolve(name)).size());
            }
        }
        assertEquals("ok", status.get(2).getString(3));
        assertEquals(8192, status.get(2).getInt(6));
    }

    @Test
    void aRerunAfterAKilledRunLeavesOneWholeFilePerCloud() throws Exception {
        Path dense = Files.createDirectories(dir.resolve("rerun"));
        // What a killed run leaves: a half-written temporary file and an older output.
        Files.writeString(dense.resolve(".cow.xyz.1f2e3d.part"), "0 0 0\n1 1");
        Files.writeString(dense.resolve("fandisk.xyz"), "0 0 0\n");
        SparkUpsample job = SparkUpsample.builder().optModel(model).optSteps(1).build();
        List<Row> status = job.run(spark, sparse, dense);
        assertEquals(2, status.stream().filter(r -> r.getString(3).equals("ok")).count());
        try (Stream<Path> files = Files.list(dense)) {
            assertEquals(List.of("cow.xyz", "fandisk.xyz"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(8192, PointCloudFiles.read(dense.resolve("fandisk.xyz")).size());
        assertEquals(4 * PointCloudFiles.read(sparse.resolve("cow.xyz")).size(),
                PointCloudFiles.read(dense.resolve("cow.xyz")).size());
    }

    @Test
    void badSettingsAndFoldersAreNamed() throws Exception {
        assertEquals("ratio is not in 2..16: 64",
                assertThrows(IllegalArgumentException.class, () -> SparkUpsample.builder().optRatio(64).build())
                        .getMessage());
        Path file = dir.resolve("a-file.xyz");
        Files.writeString(file, "0 0 0\n");
        IllegalArgumentException notFolder = assertThrows(IllegalArgumentException.class,
                () -> SparkUpsample.builder().build().run(spark, file, dir.resolve("x")));
        assertTrue(notFolder.getMessage().contains("a-file.xyz"), notFolder.getMessage());
        IllegalArgumentException outFile = assertThrows(IllegalArgumentException.class,
                () -> SparkUpsample.builder().build().run(spark, sparse, file));
        assertTrue(outFile.getMessage().startsWith(file + " is a file"), outFile.getMessage());
    }
}
