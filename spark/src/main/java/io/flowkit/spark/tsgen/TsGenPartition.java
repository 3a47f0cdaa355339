package io.flowkit.spark.tsgen;

import io.flowkit.molecules.batch.ReactionRecord;
import io.flowkit.molecules.batch.TsGenBatch;
import io.flowkit.molecules.batch.TsRecord;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.refine.XtbRefiner;
import io.flowkit.spark.ExecutorModels;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Runs flowkit's record pipeline ({@link TsGenBatch}) over one partition, block by block: the rows
 * arrive sorted by record number, the rows of one block are generated together, and their outcomes
 * are handed on before the next block is read. The model is the executor's
 * ({@link ExecutorModels}).
 */
final class TsGenPartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final SparkTsGen.Settings settings;

    TsGenPartition(SparkTsGen.Settings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        TransitionStateGenerator generator = TransitionStateGenerator.builder()
                .setModel(ExecutorModels.tsgen(settings.model())).optSeed(settings.seed()).build();
        // The geometries were built by GeometryPartition: no SMILES row arrives here.
        TsGenBatch.Builder b = TsGenBatch.builder().setGenerator(generator);
        if (settings.refine()) {
            b.optRefiner(XtbRefiner.builder().build());
        }
        TsGenBatch batch = b.build();
        return new Iterator<>() {
            private final Deque<Row> ready = new ArrayDeque<>();
            private Row pending;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && (pending != null || rows.hasNext())) {
                    List<ReactionRecord> block = new ArrayList<>();
                    Row first = pending != null ? pending : rows.next();
                    pending = null;
                    long id = first.getLong(1);
                    block.add(ReactionRows.record(first));
                    while (rows.hasNext()) {
                        Row next = rows.next();
                        if (next.getLong(1) != id) {
                            pending = next;
                            break;
                        }
                        block.add(ReactionRows.record(next));
                    }
                    for (TsRecord o : batch.run(block)) {
                        ready.add(ReactionRows.toRow(o));
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }
}
