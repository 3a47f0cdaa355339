package io.flowkit.validation.molecule.energy;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.Reaction;
import io.flowkit.validation.molecule.StructureRmsd;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares generated transition states (TSs) with reference TSs through their xtb energies: per
 * record ΔE = E(generated) − E(reference) in kcal/mol, summarised as in TS-GEN (mean and median
 * absolute error, share within 1.58 kcal/mol; see {@link TsEnergyReport}), and optionally a
 * saddle-point check: the number of imaginary frequencies of both TSs, a first-order saddle point
 * having exactly one.
 *
 * <p>Both TSs of a record are computed in one electronic state: the reference's charge and
 * multiplicity (or the calculator's overrides); the generated molecule's own values are not used.
 * Records run in parallel on a bounded pool (default one single-threaded xtb per core). A record
 * that fails (different atoms, xtb failure, timeout) is reported with its reason and the batch
 * goes on; only a missing xtb stops it. Batches of {@value #PROGRESS_MINIMUM} or more records print
 * progress on standard error.
 *
 * <pre>{@code
 * TsEnergyReport r = TransitionStateEnergies.of(referenceTs, generatedTs);
 * TsEnergyReport s = TransitionStateEnergies.builder()
 *         .optCalculator(XtbCalculator.builder().optMultiplicityOverride(1).build())
 *         .optSaddlePointCheck(true).build()
 *         .compare(reactions, generatedTs);
 * System.out.println(s.summaryTable("TS-GEN").toText());
 * }</pre>
 */
public final class TransitionStateEnergies {

    /** The smallest batch that prints progress: 10 records. */
    public static final int PROGRESS_MINIMUM = 10;
    private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;

    private final XtbCalculator calculator;
    private final boolean saddlePointCheck;
    private final double imaginaryThresholdCm;
    private final int parallelism;
    private final PrintStream progress;

    private TransitionStateEnergies(Builder b) {
        this.calculator = b.calculator != null ? b.calculator : XtbCalculator.builder().build();
        this.saddlePointCheck = b.saddlePointCheck;
        this.imaginaryThresholdCm = b.imaginaryThresholdCm;
        this.parallelism = b.parallelism > 0 ? b.parallelism
                : Math.max(1, Runtime.getRuntime().availableProcessors() / calculator.threads());
        this.progress = b.progress ? System.err : null;
    }

    /** @return a builder: default GFN2-xTB calculator, no saddle-point check, one worker per core */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Energy errors with the defaults (GFN2-xTB, no saddle-point check).
     *
     * @param reference reference TSs
     * @param generated generated TSs, same length, record i with the atoms of reference i in the same order
     * @return the report
     * @throws XtbException NOT_INSTALLED when xtb is missing
     * @throws IllegalArgumentException if the lists are empty or differ in length
     */
    public static TsEnergyReport of(List<Molecule> reference, List<Molecule> generated) throws XtbException {
        return builder().build().compare(null, reference, generated);
    }

    /**
     * Compares generated TSs with the reference TSs of reactions, identified by reaction id.
     *
     * @param reactions reactions with a reference TS
     * @param generated one generated TS per reaction
     * @return the report
     * @throws XtbException NOT_INSTALLED when xtb is missing
     * @throws IllegalArgumentException if a reaction has no TS or the lists differ in length
     */
    public TsEnergyReport compare(List<Reaction> reactions, List<Molecule> generated) throws XtbException {
        List<String> ids = new ArrayList<>();
        List<Molecule> reference = new ArrayList<>();
        for (Reaction r : Objects.requireNonNull(reactions, "reactions")) {
            ids.add(r.id());
            reference.add(r.transitionState().orElseThrow(
                    () -> new IllegalArgumentException("reaction " + r.id() + " has no reference transition state")));
        }
        return compare(ids, reference, generated);
    }

    /**
     * Compares generated with reference TSs, record by record.
     *
     * @param ids one identifier per record, or null for "0", "1", ...
     * @param reference reference TSs
     * @param generated generated TSs, same length
     * @return the report, records in input order
     * @throws XtbException NOT_INSTALLED when xtb is missing (checked before any record runs)
     * @throws IllegalArgumentException if the lists are empty or differ in length
     */
    public TsEnergyReport compare(List<String> ids, List<Molecule> reference, List<Molecule> generated)
            throws XtbException {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(generated, "generated");
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("reference transition states are empty");
        }
        if (reference.size() != generated.size()) {
            throw new IllegalArgumentException("reference has " + reference.size() + " transition states but generated has "
                    + generated.size());
        }
        if (ids != null && ids.size() != reference.size()) {
            throw new IllegalArgumentException("ids has " + ids.size() + " entries, expected " + reference.size());
        }
        calculator.checkAvailable();
        int n = reference.size();
        Progress tracker = new Progress(n, progress != null && n >= PROGRESS_MINIMUM ? progress : null);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, n), runnable -> {
            Thread t = new Thread(runnable, "flowkit-xtb");
            t.setDaemon(true);
            return t;
        });
        List<TsEnergyRecord> records = new ArrayList<>();
        try {
            List<Future<TsEnergyRecord>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                String id = ids == null ? Integer.toString(i) : ids.get(i);
                futures.add(pool.submit(() -> tracker.done(record(index, id, reference.get(index), generated.get(index)))));
            }
            for (Future<TsEnergyRecord> f : futures) {
                records.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XtbException(XtbException.Kind.IO, "xtb batch was interrupted", null, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("xtb batch task failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        tracker.finish();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("method", calculator.method().displayName());
        metadata.put("xtb", calculator.executable().map(Object::toString).orElse(""));
        metadata.put("xtb version", version());
        metadata.put("saddle point check", saddlePointCheck);
        if (saddlePointCheck) {
            metadata.put("imaginary threshold (cm⁻¹)", imaginaryThresholdCm);
        }
        metadata.put("chemical accuracy (kcal/mol)", TsEnergyReport.CHEMICAL_ACCURACY_KCAL_PER_MOL);
        return TsEnergyReport.of(records, metadata);
    }

    private String version() {
        try {
            return calculator.version();
        } catch (XtbException e) {
            return "unknown";
        }
    }

    private TsEnergyRecord record(int index, String id, Molecule reference, Molecule generated) {
        String label = "record " + index + (id.equals(Integer.toString(index)) ? "" : " (" + id + ")");
        try {
            double rmsd = StructureRmsd.rmsd(generated, reference);
            XtbCalculator.ElectronicState state = calculator.stateOf(reference, label + ", reference TS");
            if (!saddlePointCheck) {
                double eRef = calculator.singlePoint(reference, label + ", reference TS", state).energyHartree();
                double eGen = calculator.singlePoint(generated, label + ", generated TS", state).energyHartree();
                return TsEnergyRecord.of(index, id, rmsd, eRef, eGen);
            }
            XtbFrequencies ref = calculator.frequencies(reference, label + ", reference TS", state);
            XtbFrequencies gen = calculator.frequencies(generated, label + ", generated TS", state);
            return TsEnergyRecord.withImaginaryCounts(index, id, rmsd, ref.energy().energyHartree(),
                    gen.energy().energyHartree(), ref.imaginaryCount(imaginaryThresholdCm),
                    gen.imaginaryCount(imaginaryThresholdCm));
        } catch (XtbException e) {
            return TsEnergyRecord.failed(index, id, e.getMessage());
        } catch (RuntimeException e) {
            // Different atoms (IllegalArgumentException from StructureRmsd) or anything unforeseen: this record only.
            return TsEnergyRecord.failed(index, id, label + ": " + e.getMessage());
        }
    }

    /** Counts finished records and prints a line at most every 5 s (and at the end). */
    private static final class Progress {
        private final int total;
        private final PrintStream out;
        private final long start = System.nanoTime();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private long lastPrint = start;

        Progress(int total, PrintStream out) {
            this.total = total;
            this.out = out;
        }

        TsEnergyRecord done(TsEnergyRecord record) {
            int d = done.incrementAndGet();
            int f = record.succeeded() ? failed.get() : failed.incrementAndGet();
            if (out != null) {
                synchronized (this) {
                    long now = System.nanoTime();
                    if (now - lastPrint >= PROGRESS_INTERVAL_NANOS && d < total) {
                        lastPrint = now;
                        print(d, f, now);
                    }
                }
            }
            return record;
        }

        void finish() {
            if (out != null) {
                print(done.get(), failed.get(), System.nanoTime());
            }
        }

        private void print(int d, int f, long now) {
            double elapsed = (now - start) / 1e9;
            double left = d == 0 ? Double.NaN : elapsed / d * (total - d);
            out.printf(java.util.Locale.ROOT, "xtb: %d/%d records, %d failed, %.0f s elapsed%s%n", d, total, f, elapsed,
                    d < total ? String.format(java.util.Locale.ROOT, ", about %.0f s left", left) : "");
        }
    }

    /** Builds {@link TransitionStateEnergies}; every setting is optional. */
    public static final class Builder {
        private XtbCalculator calculator;
        private boolean saddlePointCheck;
        private double imaginaryThresholdCm = XtbFrequencies.DEFAULT_IMAGINARY_THRESHOLD_CM;
        private int parallelism;
        private boolean progress = true;

        private Builder() {}

        /**
         * @param calculator the xtb calculator (default {@code XtbCalculator.builder().build()}: GFN2-xTB, 120 s)
         * @return this builder
         */
        public Builder optCalculator(XtbCalculator calculator) {
            this.calculator = Objects.requireNonNull(calculator, "calculator");
            return this;
        }

        /**
         * @param check compute the Hessian of both TSs and count imaginary frequencies (a Hessian
         *     costs about 20 single points; default false)
         * @return this builder
         */
        public Builder optSaddlePointCheck(boolean check) {
            this.saddlePointCheck = check;
            return this;
        }

        /**
         * @param thresholdCm the magnitude in cm⁻¹ a negative frequency must exceed to count as
         *     imaginary (default {@value XtbFrequencies#DEFAULT_IMAGINARY_THRESHOLD_CM})
         * @return this builder
         */
        public Builder optImaginaryThreshold(double thresholdCm) {
            this.imaginaryThresholdCm = thresholdCm;
            return this;
        }

        /**
         * @param workers how many records run at once (default: cores ÷ threads per xtb process)
         * @return this builder
         */
        public Builder optParallelism(int workers) {
            this.parallelism = workers;
            return this;
        }

        /**
         * @param progress print progress on standard error for batches of {@value TransitionStateEnergies#PROGRESS_MINIMUM}
         *     or more records (default true)
         * @return this builder
         */
        public Builder optProgress(boolean progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the comparer
         * @throws IllegalArgumentException on a negative parallelism or a negative or non-finite threshold
         */
        public TransitionStateEnergies build() {
            if (parallelism < 0) {
                throw new IllegalArgumentException("parallelism is negative: " + parallelism);
            }
            if (!(imaginaryThresholdCm >= 0) || !Double.isFinite(imaginaryThresholdCm)) {
                throw new IllegalArgumentException("imaginary threshold is not non-negative and finite: "
                        + imaginaryThresholdCm);
            }
            return new TransitionStateEnergies(this);
        }
    }
}
