package io.flowkit.spark.tsgen;

import io.flowkit.molecules.batch.ReactionRecord;
import io.flowkit.molecules.batch.TsGenBatch;
import io.flowkit.molecules.batch.TsRecord;
import io.flowkit.datasets.molecule.Reaction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of a transition-state job: reactions in ({@link #INPUT}), transition states with their
 * status out ({@link #OUTPUT}).
 */
public final class ReactionRows {

    /**
     * A reaction: its record number (the random stream it draws from; records are generated in
     * blocks of {@link TsGenBatch#BLOCK}, the {@code block} column), the name messages use, and
     * exactly one of a SMILES (with the title of its molecules), a problem found when reading it, or
     * a reactant and product geometry.
     */
    public static final StructType INPUT = new StructType()
            .add("record", DataTypes.LongType, false)
            .add("block", DataTypes.LongType, false)
            .add("name", DataTypes.StringType, false)
            .add("smiles", DataTypes.StringType, true)
            .add("title", DataTypes.StringType, true)
            .add("problem", DataTypes.StringType, true)
            .add("stage", DataTypes.StringType, true)
            .add("reactant", MoleculeRows.TYPE, true)
            .add("product", MoleculeRows.TYPE, true);

    /**
     * A record's outcome: {@code status} is {@code ok} (the transition state is set) or
     * {@code failed} ({@code stage} and {@code error} say where and why); {@code note} says why an
     * xtb refinement was not applied.
     */
    public static final StructType OUTPUT = new StructType()
            .add("record", DataTypes.LongType, false)
            .add("name", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("stage", DataTypes.StringType, true)
            .add("error", DataTypes.StringType, true)
            .add("note", DataTypes.StringType, true)
            .add("transition_state", MoleculeRows.TYPE, true);

    private ReactionRows() {}

    /**
     * @param r a record
     * @return its row of {@link #INPUT}
     */
    public static Row toRow(ReactionRecord r) {
        Reaction x = r.reaction();
        return RowFactory.create(r.index(), r.index() / TsGenBatch.BLOCK, r.name(), r.smiles(), r.title(), r.problem(),
                r.stage() == null ? null : r.stage().name(), x == null ? null : MoleculeRows.toRow(x.reactant()), x == null ? null : MoleculeRows.toRow(x.product()));
    }

    /**
     * @param row a row of {@link #INPUT}
     * @return the record; geometries that are not one reaction become a record with its problem
     */
    public static ReactionRecord record(Row row) {
        long index = row.getLong(0);
        String name = row.getString(2);
        if (!row.isNullAt(5)) {
            TsRecord.Stage stage = row.isNullAt(6) ? TsRecord.Stage.READ : TsRecord.Stage.valueOf(row.getString(6));
            return ReactionRecord.failed(index, name, stage, row.getString(5));
        }
        if (!row.isNullAt(3)) {
            return ReactionRecord.ofSmiles(index, name, row.isNullAt(4) ? row.getString(3) : row.getString(4),
                    row.getString(3));
        }
        if (row.isNullAt(7) || row.isNullAt(8)) {
            return ReactionRecord.invalid(index, name, "the row holds no SMILES and no reactant and product");
        }
        try {
            Row reactant = row.getAs(7);
            return ReactionRecord.ofGeometries(index, name, reactant.getString(0).isBlank() ? "record " + index
                    : reactant.getString(0), MoleculeRows.fromRow(reactant), MoleculeRows.fromRow(row.getAs(8)));
        } catch (IllegalArgumentException e) {
            return ReactionRecord.invalid(index, name, e.getMessage());
        }
    }

    /**
     * @param o an outcome
     * @return its row of {@link #OUTPUT}
     */
    public static Row toRow(TsRecord o) {
        return RowFactory.create(o.index(), o.name(), o.succeeded() ? "ok" : "failed",
                o.stage() == null ? null : o.stage().label(), o.failure(), o.note(),
                o.succeeded() ? MoleculeRows.toRow(o.transitionState()) : null);
    }
}
