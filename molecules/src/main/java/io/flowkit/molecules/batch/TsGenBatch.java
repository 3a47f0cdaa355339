package io.flowkit.molecules.batch;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import io.flowkit.molecules.generate.GenerationResult;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.refine.XtbRefiner;
import io.flowkit.molecules.smiles.ReactionGeometries;
import io.flowkit.molecules.smiles.ReactionSmilesFile;
import io.flowkit.molecules.smiles.StageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Transition states for a batch of records: SMILES records get their 3D geometries first
 * ({@link ReactionGeometries}), then every usable reaction is generated, record {@code i} drawing
 * from random stream {@code i}, and optionally refined with xtb. A record that fails at any stage is
 * reported in its outcome and the others go on.
 *
 * <p>Records are generated in blocks of {@link #BLOCK} consecutive record numbers (record
 * {@code i} in block {@code i / BLOCK}), so the batches the network sees depend only on the
 * records, not on how a job was split: a part of a job that holds whole blocks gives exactly what
 * one run over all records gives.
 */
public final class TsGenBatch {

    /** Consecutive record numbers generated together. */
    public static final int BLOCK = 32;

    private final TransitionStateGenerator generator;
    private final ReactionGeometries geometries;
    private final XtbRefiner refiner;
    private final Consumer<String> progress;

    private TsGenBatch(Builder b) {
        this.generator = b.generator;
        this.geometries = b.geometries;
        this.refiner = b.refiner;
        this.progress = b.progress;
    }

    /** @return a builder; the generator is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads paired reactant and product files (SDF/MOL or XYZ): record {@code i} of each file is one
     * reaction. A pair that is not one reaction becomes a record with its problem.
     *
     * @param reactants the reactant file
     * @param products the product file
     * @return one record per pair, in file order
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if the files hold different numbers of molecules, or one is malformed
     */
    public static List<ReactionRecord> readGeometries(Path reactants, Path products) throws IOException {
        List<Molecule> r = MoleculeFiles.readAll(reactants);
        List<Molecule> p = MoleculeFiles.readAll(products);
        if (r.size() != p.size()) {
            throw new IllegalArgumentException(reactants + " holds " + r.size() + " molecules but " + products + " holds "
                    + p.size() + ": record i of each file must be one reaction");
        }
        List<ReactionRecord> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            String title = r.get(i).title();
            String id = title.isBlank() ? "record " + i : title;
            String name = reactants.getFileName() + " + " + products.getFileName() + " record " + i
                    + (title.isBlank() ? "" : " (" + title + ")");
            out.add(ReactionRecord.ofGeometries(i, name, id, r.get(i), p.get(i)));
        }
        return out;
    }

    /**
     * Reads a file of atom-mapped reaction SMILES ({@link ReactionSmilesFile}: one per line,
     * optionally a name after a space or tab).
     *
     * @param smiles the file
     * @return one record per reaction line, numbered from 0 in file order
     * @throws IOException if the file cannot be read
     */
    public static List<ReactionRecord> readSmiles(Path smiles) throws IOException {
        List<ReactionSmilesFile.Line> lines = ReactionSmilesFile.read(smiles);
        List<ReactionRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReactionSmilesFile.Line line = lines.get(i);
            String name = smiles.getFileName() + " line " + line.number() + (line.name().isEmpty() ? "" : " ("
                    + line.name() + ")");
            out.add(ReactionRecord.ofSmiles(i, name, line.name().isEmpty() ? line.smiles() : line.name(), line.smiles()));
        }
        return out;
    }

    /**
     * Builds the geometries of a SMILES record (other records are returned as they are): the same
     * record as a reaction, or as a failure with its stage. {@link #run} does this itself; a job
     * that spreads the (slow, xtb-bound) geometries over more workers than the generation calls it
     * first.
     *
     * @param record the record
     * @param geometries the geometry builder
     * @return the record with its geometries, or failed
     */
    public static ReactionRecord prepare(ReactionRecord record, ReactionGeometries geometries) {
        if (record.smiles() == null) {
            return record;
        }
        try {
            ReactionGeometries.Prepared p = geometries.prepare(record.smiles(), record.title());
            return ReactionRecord.ofGeometries(record.index(), record.name(), record.title(), p.reactant(), p.product());
        } catch (StageException e) {
            return ReactionRecord.failed(record.index(), record.name(), TsRecord.Stage.of(e.stage()), e.getMessage());
        }
    }

    /**
     * Runs the pipeline.
     *
     * @param records the records, in any order (outcomes come back in the same order)
     * @return one outcome per record
     * @throws IllegalStateException if a record holds a SMILES and no geometry builder was given
     */
    public List<TsRecord> run(List<ReactionRecord> records) {
        List<TsRecord> out = new ArrayList<>();
        Reaction[] reactions = new Reaction[records.size()];
        TsRecord[] outcomes = new TsRecord[records.size()];
        int smilesCount = (int) records.stream().filter(r -> r.smiles() != null).count();
        int done = 0;
        for (int i = 0; i < records.size(); i++) {
            ReactionRecord r = records.get(i);
            if (r.smiles() != null) {
                if (geometries == null) {
                    throw new IllegalStateException("record " + r.name() + " is a SMILES but no geometry builder was given");
                }
                progress.accept(String.format(Locale.ROOT, "tsgen: geometries %d/%d (%s)", ++done, smilesCount, r.name()));
                r = prepare(r, geometries);
            }
            if (r.problem() != null) {
                outcomes[i] = new TsRecord(r.index(), r.name(), null, r.stage(), r.problem(), null);
            } else {
                reactions[i] = r.reaction();
            }
        }
        // Blocks of consecutive record numbers, each generated in one call (see the class comment).
        TreeMap<Long, List<Integer>> blocks = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (reactions[i] != null) {
                blocks.computeIfAbsent(records.get(i).index() / BLOCK, k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> block : blocks.values()) {
            List<Reaction> batch = new ArrayList<>();
            long[] streams = new long[block.size()];
            for (int k = 0; k < block.size(); k++) {
                batch.add(reactions[block.get(k)]);
                streams[k] = records.get(block.get(k)).index();
            }
            GenerationResult result = generator.generate(batch, streams);
            for (int k = 0; k < block.size(); k++) {
                int i = block.get(k);
                ReactionRecord r = records.get(i);
                if (result.failures().containsKey(k)) {
                    outcomes[i] = new TsRecord(r.index(), r.name(), null, TsRecord.Stage.GENERATE,
                            StageException.Stage.GENERATE.label() + ": " + result.failures().get(k), null);
                    continue;
                }
                Molecule ts = result.transitionStates().get(k).orElseThrow();
                String note = null;
                if (refiner != null) {
                    XtbRefiner.Refined refined = refiner.refine(reactions[i], ts);
                    if (!refined.refined()) {
                        note = refined.note();
                    }
                    ts = refined.structure();
                }
                outcomes[i] = new TsRecord(r.index(), r.name(), ts, null, null, note);
            }
            progress.accept(String.format(Locale.ROOT, "tsgen: generated block %d (%d reactions)", block.isEmpty() ? 0
                    : records.get(block.get(0)).index() / BLOCK, block.size()));
        }
        for (TsRecord o : outcomes) {
            out.add(o);
        }
        return out;
    }

    /** Settings of the pipeline. */
    public static final class Builder {

        private TransitionStateGenerator generator;
        private ReactionGeometries geometries;
        private XtbRefiner refiner;
        private Consumer<String> progress = line -> { };

        private Builder() {}

        /**
         * @param value the generator (required)
         * @return this builder
         */
        public Builder setGenerator(TransitionStateGenerator value) {
            this.generator = Objects.requireNonNull(value, "generator");
            return this;
        }

        /**
         * @param value the builder of geometries for SMILES records (default: none; {@link #run}
         *     then refuses SMILES records)
         * @return this builder
         */
        public Builder optGeometries(ReactionGeometries value) {
            this.geometries = Objects.requireNonNull(value, "geometries");
            return this;
        }

        /**
         * @param value refines every generated transition state with xtb (default: none)
         * @return this builder
         */
        public Builder optRefiner(XtbRefiner value) {
            this.refiner = Objects.requireNonNull(value, "refiner");
            return this;
        }

        /**
         * @param value receives progress lines (default: dropped)
         * @return this builder
         */
        public Builder optProgress(Consumer<String> value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * @return the pipeline
         * @throws IllegalArgumentException if no generator was set
         */
        public TsGenBatch build() {
            if (generator == null) {
                throw new IllegalArgumentException("generator is not set");
            }
            return new TsGenBatch(this);
        }
    }
}
