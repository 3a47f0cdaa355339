package io.flowkit.spark.tsgen;

import io.flowkit.molecules.batch.TsGenBatch;
import io.flowkit.molecules.smiles.ReactionGeometries;
import io.flowkit.spark.RowMapping;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Builds the 3D geometries of the SMILES rows of one partition ({@link TsGenBatch#prepare}: CDK
 * and xtb, record by record); other rows pass through. This stage is spread over every core, not
 * by blocks, since each record is independent here.
 */
final class GeometryPartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final SparkTsGen.Settings settings;

    GeometryPartition(SparkTsGen.Settings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        ReactionGeometries geometries = ReactionGeometries.builder().optConformers(settings.conformers())
                .optSeed(settings.seed()).optThreads(settings.xtbThreads()).build();
        return RowMapping.lazily(rows, row -> row.isNullAt(3) ? row
                : ReactionRows.toRow(TsGenBatch.prepare(ReactionRows.record(row), geometries)));
    }
}
