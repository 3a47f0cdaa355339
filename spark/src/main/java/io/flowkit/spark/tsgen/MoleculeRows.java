package io.flowkit.spark.tsgen;

import io.flowkit.datasets.molecule.Bond;
import io.flowkit.datasets.molecule.Molecule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A molecule as a Spark struct: title, atomic numbers, positions (interleaved xyz, Å), charge and
 * multiplicity (null when unknown), bonds and properties (in order), so that a molecule comes back
 * exactly as it went in and writes the same file.
 */
public final class MoleculeRows {

    /** The struct type of a molecule column. */
    public static final StructType TYPE = new StructType()
            .add("title", DataTypes.StringType, false)
            .add("atomic_numbers", new ArrayType(DataTypes.IntegerType, false), false)
            .add("positions", new ArrayType(DataTypes.DoubleType, false), false)
            .add("charge", DataTypes.IntegerType, true)
            .add("multiplicity", DataTypes.IntegerType, true)
            .add("bonds", new ArrayType(new StructType().add("first", DataTypes.IntegerType, false)
                    .add("second", DataTypes.IntegerType, false).add("order", DataTypes.IntegerType, false), false), false)
            .add("properties", new ArrayType(new StructType().add("key", DataTypes.StringType, false)
                    .add("value", DataTypes.StringType, false), false), false);

    private MoleculeRows() {}

    /**
     * @param m a molecule
     * @return its row, of {@link #TYPE}
     */
    public static Row toRow(Molecule m) {
        List<Row> bonds = new ArrayList<>();
        for (Bond b : m.bonds()) {
            bonds.add(RowFactory.create(b.first(), b.second(), b.order()));
        }
        List<Row> properties = new ArrayList<>();
        for (Map.Entry<String, String> e : m.properties().entrySet()) {
            properties.add(RowFactory.create(e.getKey(), e.getValue()));
        }
        Integer[] z = new Integer[m.atomCount()];
        int[] numbers = m.atomicNumbers();
        for (int i = 0; i < z.length; i++) {
            z[i] = numbers[i];
        }
        double[] x = m.positions();
        Double[] positions = new Double[x.length];
        for (int i = 0; i < x.length; i++) {
            positions[i] = x[i];
        }
        return RowFactory.create(m.title(), z, positions, m.charge().isPresent() ? m.charge().getAsInt() : null,
                m.multiplicity().isPresent() ? m.multiplicity().getAsInt() : null, bonds.toArray(new Row[0]),
                properties.toArray(new Row[0]));
    }

    /**
     * @param row a row of {@link #TYPE}
     * @return the molecule
     * @throws IllegalArgumentException if the row does not describe a valid molecule
     */
    public static Molecule fromRow(Row row) {
        List<Integer> z = row.getList(1);
        List<Double> x = row.getList(2);
        int[] numbers = new int[z.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = z.get(i);
        }
        double[] positions = new double[x.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = x.get(i);
        }
        List<Bond> bonds = new ArrayList<>();
        for (Row b : row.<Row>getList(5)) {
            bonds.add(new Bond(b.getInt(0), b.getInt(1), b.getInt(2)));
        }
        Molecule.Builder m = Molecule.builder().setAtomicNumbers(numbers).setPositions(positions).optTitle(row.getString(0))
                .optBonds(bonds);
        if (!row.isNullAt(3)) {
            m.optCharge(row.getInt(3));
        }
        if (!row.isNullAt(4)) {
            m.optMultiplicity(row.getInt(4));
        }
        for (Row p : row.<Row>getList(6)) {
            m.optProperty(p.getString(0), p.getString(1));
        }
        return m.build();
    }
}
