package io.flowkit.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/**
 * A partition's rows mapped one by one, lazily: what a partition function returns when each record
 * is processed alone with state made once per partition (a geometry builder, an upsampler).
 */
public final class RowMapping {

    private RowMapping() {}

    /**
     * @param rows the partition's rows
     * @param map what each row becomes
     * @return the mapped rows, computed as they are read
     */
    public static Iterator<Row> lazily(Iterator<Row> rows, Function<Row, Row> map) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                if (!rows.hasNext()) {
                    throw new NoSuchElementException();
                }
                return map.apply(rows.next());
            }
        };
    }
}
