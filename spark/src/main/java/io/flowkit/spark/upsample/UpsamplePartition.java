package io.flowkit.spark.upsample;

import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.pointcloud.io.PointCloudFiles;
import io.flowkit.flow.solve.OdeSolver;
import io.flowkit.pointclouds.upsample.Upsampler;
import io.flowkit.spark.ExecutorModels;
import io.flowkit.spark.RowMapping;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Upsamples the clouds of one partition, one at a time, with the executor's model. */
final class UpsamplePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final SparkUpsample.Settings settings;

    UpsamplePartition(SparkUpsample.Settings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Upsampler upsampler = Upsampler.builder().setModel(ExecutorModels.pufm(settings.model()))
                .optSteps(settings.steps()).optSolver(OdeSolver.byName(settings.solver())).optSeed(settings.seed())
                .build();
        return RowMapping.lazily(rows, r -> upsample(upsampler, r.getLong(0), r.getString(1), r.getString(2)));
    }

    private Row upsample(Upsampler upsampler, long record, String input, String output) {
        long start = System.nanoTime();
        int in = 0;
        try {
            PointCloud sparse = PointCloudFiles.read(Path.of(input));
            in = sparse.size();
            PointCloud dense = upsampler.upsample(sparse, settings.ratio());
            PointCloudFiles.write(Path.of(output), dense);
            return RowFactory.create(record, input, output, "ok", null, in, dense.size(), seconds(start));
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return RowFactory.create(record, input, output, "failed", message.contains(input) ? message
                    : input + ": " + message, in, 0, seconds(start));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
