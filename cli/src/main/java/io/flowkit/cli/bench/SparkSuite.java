package io.flowkit.cli.bench;

import ai.djl.Device;
import io.flowkit.datasets.catalog.Rdb7;
import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.io.MoleculeFiles;
import io.flowkit.molecules.batch.ReactionRecord;
import io.flowkit.molecules.batch.TsGenBatch;
import io.flowkit.molecules.batch.TsRecord;
import io.flowkit.molecules.generate.TransitionStateGenerator;
import io.flowkit.molecules.model.TsGenModel;
import io.flowkit.molecules.smiles.ReactionGeometries;
import io.flowkit.spark.ExecutorModels;
import io.flowkit.spark.FlowkitSpark;
import io.flowkit.spark.tsgen.SparkTsGen;
import io.flowkit.validation.molecule.energy.XtbCalculator;
import io.flowkit.validation.report.ResultTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark} suite: transition states for RDB7 reactions by one process ({@code tsgen
 * generate}'s pipeline) and by Spark in local mode with one and two cores, in one run: reactions
 * per second, the time to start a session, the heap the JVM (driver and executor in local mode)
 * used at most, and whether the output files are identical. Geometry input (generation only) and,
 * when xtb is installed, SMILES input (geometries built with xtb, which dominate).
 */
public final class SparkSuite implements BenchSuite {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public BenchSection run(BenchContext context) {
        boolean full = context.full();
        int geometries = full ? 4096 : 1024;
        int smiles = full ? 64 : 16;
        boolean xtb = XtbCalculator.isAvailable();
        BenchProgress.Task task = context.progress().start(name(), xtb ? 6 : 3);
        List<String> notes = new ArrayList<>();
        try {
            Path folder = Files.createDirectories(context.folder().resolve("spark"));
            List<Rdb7.Entry> entries = Rdb7.load().entries();
            List<Molecule> r = new ArrayList<>();
            List<Molecule> p = new ArrayList<>();
            StringBuilder smi = new StringBuilder();
            for (int i = 0; i < geometries; i++) {
                Rdb7.Entry e = entries.get(i);
                r.add(e.reaction().reactant().toBuilder().optTitle(e.id()).build());
                p.add(e.reaction().product());
                if (i < smiles) {
                    smi.append(e.smiles()).append('\t').append(e.id()).append('\n');
                }
            }
            Path rf = folder.resolve("reactants.sdf");
            Path pf = folder.resolve("products.sdf");
            Path sf = folder.resolve("reactions.smi");
            MoleculeFiles.write(rf, r);
            MoleculeFiles.write(pf, p);
            Files.writeString(sf, smi.toString());
            ResultTable.Builder table = ResultTable.builder()
                    .optTitle("spark: tsgen on RDB7, one process against Spark local mode")
                    .setColumns("input", "reactions", "run", "start s", "job s", "reactions per s", "heap peak MB",
                            "RSS peak MB", "same file")
                    .optDecimals("start s", 1).optDecimals("job s", 1).optDecimals("reactions per s", 2)
                    .optDecimals("heap peak MB", 0).optDecimals("RSS peak MB", 0);
            run(table, "geometries", geometries, TsGenBatch.readGeometries(rf, pf), folder, false, context.seed(), task);
            if (xtb) {
                run(table, "SMILES", smiles, TsGenBatch.readSmiles(sf), folder, true, context.seed(), task);
            } else {
                notes.add("SMILES input: not measured, xtb is not installed.");
            }
            table.optNote("One process: TsGenBatch (the pipeline of flowkit tsgen generate) with the shipped model loaded "
                    + "in the timed run, xtb two at a time. Spark: flowkit spark tsgen's job in the same JVM (local mode: "
                    + "driver and executor), a fresh session per run (start s), the model loaded once per run inside the "
                    + "job; SMILES geometries one xtb at a time per task. Job s: from the records read to the SDF written. "
                    + "Heap peak: the JVM's heap pools at most during the run; RSS peak: the whole process's resident "
                    + "memory at most during the run (heap, libtorch's native memory, Spark's off-heap). "
                    + "Same file: the SDF equals the one-process SDF byte for byte.")
                    .optMetadata("cores", BenchContext.cores()).optMetadata("seed", context.seed());
            task.finish();
            return new BenchSection(name(), List.of(table.build()), List.of(), notes);
        } catch (IOException e) {
            throw new UncheckedIOException("spark suite: " + e.getMessage(), e);
        }
    }

    private static void run(ResultTable.Builder table, String input, int count, List<ReactionRecord> records, Path folder,
            boolean fromSmiles, long seed, BenchProgress.Task task) throws IOException {
        Path single = folder.resolve(input.toLowerCase(java.util.Locale.ROOT) + "-single.sdf");
        ExecutorModels.clear();
        resetPeaks();
        long t0 = System.nanoTime();
        try (TsGenModel model = TsGenModel.loadDefault(Device.cpu())) {
            TsGenBatch.Builder b = TsGenBatch.builder()
                    .setGenerator(TransitionStateGenerator.builder().setModel(model).optSeed(seed).build());
            if (fromSmiles) {
                b.optGeometries(ReactionGeometries.builder().optSeed(seed).build());
            }
            List<Molecule> written = new ArrayList<>();
            for (TsRecord o : b.build().run(records)) {
                o.optTransitionState().ifPresent(written::add);
            }
            MoleculeFiles.write(single, written);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        table.addRow(input, count, "one process", null, seconds, count / seconds, heapPeakMb(), rssPeakMb(), "reference");
        task.step(input + ": one process");
        String expected = Files.readString(single);
        for (int cores : new int[] {1, 2}) {
            ExecutorModels.clear();
            resetPeaks();
            long s0 = System.nanoTime();
            SparkSession spark = FlowkitSpark.session("local[" + cores + "]");
            double start = (System.nanoTime() - s0) / 1e9;
            try {
                Path out = folder.resolve(input.toLowerCase(java.util.Locale.ROOT) + "-local" + cores + ".sdf");
                long j0 = System.nanoTime();
                SparkTsGen.write(SparkTsGen.builder().optSeed(seed).build()
                        .transitionStates(SparkTsGen.rows(spark, records)), out);
                double job = (System.nanoTime() - j0) / 1e9;
                table.addRow(input, count, "Spark local[" + cores + "]", start, job, count / job, heapPeakMb(), rssPeakMb(),
                        Files.readString(out).equals(expected) ? "yes" : "NO");
            } finally {
                spark.stop();
            }
            task.step(input + ": local[" + cores + "]");
        }
        ExecutorModels.clear();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        // Linux: writing 5 to clear_refs resets the process's peak resident set (VmHWM).
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the RSS column then shows the peak since the JVM started
        }
    }

    /** The process's peak resident set (VmHWM) in MB: heap, libtorch's native memory and the rest; NaN off Linux. */
    private static double rssPeakMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static double heapPeakMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1e6;
    }
}
