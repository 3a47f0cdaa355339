package io.flowkit.validation.molecule.energy;

import io.flowkit.datasets.molecule.Molecule;
import io.flowkit.datasets.molecule.io.XyzFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Energies and vibrational frequencies from the semi-empirical tight-binding program xtb
 * (Bannwarth et al., WIREs Comput. Mol. Sci. 11, e01493, 2021), GFN2-xTB by default, run as an
 * external process. Install it with {@code apt-get install xtb} (Debian package, version 6.5.1)
 * or point {@value #ENVIRONMENT_VARIABLE} at the executable.
 *
 * <p>Each call runs in a new temporary folder (deleted afterwards unless
 * {@link Builder#optKeepFiles(boolean) kept}): the molecule is written as XYZ in Å, xtb is called
 * with {@code --chrg} (the molecule's charge, 0 when unknown) and {@code --uhf} (multiplicity − 1;
 * when the multiplicity is unknown, 0 for an even and 1 for an odd number of electrons), without
 * a restart file, single-threaded by default, and killed when it exceeds the timeout. A
 * multiplicity that the electron count cannot have (a doublet with an even count) is refused
 * before xtb runs, since xtb would silently compute another state.
 *
 * <pre>{@code
 * XtbCalculator xtb = XtbCalculator.builder().optTimeout(Duration.ofSeconds(60)).build();
 * double e = xtb.singlePoint(molecule).energyKcalPerMol();
 * int imaginary = xtb.frequencies(transitionState).imaginaryCount();
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads; every call starts its own process.
 */
public final class XtbCalculator {

    /** The environment variable that names the xtb executable, checked before PATH. */
    public static final String ENVIRONMENT_VARIABLE = "FLOWKIT_XTB";
    /** The default timeout per call: 120 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    static final String NOT_INSTALLED = "xtb is not installed: install the Debian package xtb or set "
            + ENVIRONMENT_VARIABLE;
    private static final String INPUT_FILE = "molecule.xyz";
    private static final String CONTROL_FILE = "xcontrol";
    /*
     * Skips xtb's point-group detection: xtb 6.5.1 (Debian) aborts with "stack smashing detected"
     * in it after the Hessian of a linear molecule. It only affects the rotational symmetry number of
     * the thermochemistry, not energies or frequencies.
     */
    private static final String CONTROL = "$symmetry\n   maxat=0\n$end\n";
    private static final Pattern VERSION = Pattern.compile("xtb version\\s+(\\S+)");

    private final Path executable;
    private final String searched;
    private final Duration timeout;
    private final int threads;
    private final XtbMethod method;
    private final String solvent;
    private final boolean keepFiles;
    private final Path workDirectory;
    private final Integer chargeOverride;
    private final Integer multiplicityOverride;

    private XtbCalculator(Builder b, Path executable, String searched) {
        this.executable = executable;
        this.searched = searched;
        this.timeout = b.timeout;
        this.threads = b.threads;
        this.method = b.method;
        this.solvent = b.solvent;
        this.keepFiles = b.keepFiles;
        this.workDirectory = b.workDirectory;
        this.chargeOverride = b.chargeOverride;
        this.multiplicityOverride = b.multiplicityOverride;
    }

    /** @return a builder with the defaults: xtb from {@value #ENVIRONMENT_VARIABLE} or PATH, GFN2-xTB, 120 s, 1 thread */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds xtb: the file named by {@value #ENVIRONMENT_VARIABLE} when that is set, otherwise the
     * first executable {@code xtb} on PATH.
     *
     * @return the executable, or empty when there is none
     */
    public static Optional<Path> find() {
        return Optional.ofNullable(locate(System.getenv()).path);
    }

    /** @return whether {@link #find()} finds xtb */
    public static boolean isAvailable() {
        return find().isPresent();
    }

    /** A located executable (or null) and a description of where it was looked for. */
    record Location(Path path, String searched) {}

    static Location locate(Map<String, String> environment) {
        String named = environment.get(ENVIRONMENT_VARIABLE);
        if (named != null && !named.isBlank()) {
            Path p = Paths.get(named.strip());
            return executableFile(p) ? new Location(p, ENVIRONMENT_VARIABLE + "=" + p)
                    : new Location(null, ENVIRONMENT_VARIABLE + "=" + p + " is not an executable file");
        }
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (!dir.isEmpty()) {
                Path p = Paths.get(dir, "xtb");
                if (executableFile(p)) {
                    return new Location(p, "found on PATH");
                }
            }
        }
        return new Location(null, "no xtb on PATH and " + ENVIRONMENT_VARIABLE + " is not set");
    }

    private static boolean executableFile(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    /** @return the xtb executable this calculator runs, or empty when none was found */
    public Optional<Path> executable() {
        return Optional.ofNullable(executable);
    }

    /** @return the method */
    public XtbMethod method() {
        return method;
    }

    /** @return the timeout per call */
    public Duration timeout() {
        return timeout;
    }

    /** @return the OpenMP threads each xtb process uses */
    public int threads() {
        return threads;
    }

    /**
     * Checks that the executable exists.
     *
     * @throws XtbException NOT_INSTALLED with the message "xtb is not installed: install the Debian
     *     package xtb or set FLOWKIT_XTB", followed by where it was looked for
     */
    public void checkAvailable() throws XtbException {
        checkAvailable(null);
    }

    private void checkAvailable(String subject) throws XtbException {
        if (executable == null || !executableFile(executable)) {
            throw new XtbException(XtbException.Kind.NOT_INSTALLED, NOT_INSTALLED + " ("
                    + (executable == null ? searched : executable + " is not an executable file") + ")"
                    + (subject == null ? "" : "; needed for " + subject), null, null);
        }
    }

    /**
     * Runs {@code xtb --version}.
     *
     * @return the version xtb prints, for example "6.5.1"
     * @throws XtbException when xtb is missing, fails or prints no version
     */
    public String version() throws XtbException {
        return inFolder("xtb --version", folder -> {
            XtbProcess.Outcome o = XtbProcess.run(List.of(executable.toString(), "--version"), folder, environment(),
                    timeout, "xtb --version");
            Matcher m = VERSION.matcher(o.stdout() + "\n" + o.stderr());
            if (!m.find()) {
                throw new XtbException(XtbException.Kind.UNPARSEABLE_OUTPUT, "xtb --version printed no 'xtb version'"
                        + " line (exit code " + o.exitCode() + ")", o.tail(), null);
            }
            return m.group(1);
        });
    }

    /**
     * A single-point energy, named in messages by its title or formula.
     *
     * @param molecule the molecule, positions in Å
     * @return the energy
     * @throws XtbException when xtb is missing, times out, fails, does not converge or prints no
     *     energy, or the multiplicity is impossible for the electron count
     */
    public XtbEnergy singlePoint(Molecule molecule) throws XtbException {
        return singlePoint(molecule, describe(molecule));
    }

    /**
     * A single-point energy.
     *
     * @param molecule the molecule, positions in Å
     * @param label how messages name it, for example "record 12 (rxn010218)"
     * @return the energy
     * @throws XtbException as {@link #singlePoint(Molecule)}
     */
    public XtbEnergy singlePoint(Molecule molecule, String label) throws XtbException {
        return singlePoint(molecule, label, stateOf(molecule, label));
    }

    /**
     * Harmonic frequencies from xtb's Hessian at the given geometry ({@code --hess}, no optimisation).
     *
     * @param molecule the molecule, positions in Å, at least 2 atoms
     * @return the vibrational frequencies in cm⁻¹, rigid-body modes left out
     * @throws XtbException as {@link #singlePoint(Molecule)}, or when xtb writes no
     *     {@code vibspectrum} with 3N modes
     */
    public XtbFrequencies frequencies(Molecule molecule) throws XtbException {
        return frequencies(molecule, describe(molecule));
    }

    /**
     * Harmonic frequencies from xtb's Hessian at the given geometry.
     *
     * @param molecule the molecule, positions in Å, at least 2 atoms
     * @param label how messages name it
     * @return the vibrational frequencies
     * @throws XtbException as {@link #frequencies(Molecule)}
     */
    public XtbFrequencies frequencies(Molecule molecule, String label) throws XtbException {
        return frequencies(molecule, label, stateOf(molecule, label));
    }

    /**
     * A geometry optimisation ({@code xtb --opt}) with some interatomic distances held at their
     * starting values by harmonic restraints (xtb's {@code $constrain} block, force constant
     * {@value #CONSTRAINT_FORCE_CONSTANT} Eh/bohr²): every other direction relaxes. Used to relax a
     * transition-state guess orthogonally to the bonds that form and break.
     *
     * @param molecule the start geometry, positions in Å
     * @param fixedDistances atom pairs (from 0) whose distances are held
     * @param label how messages name it
     * @return the optimised geometry, its energy and whether xtb reported convergence
     * @throws XtbException as {@link #singlePoint(Molecule)}, or when xtb writes no optimised geometry
     */
    public XtbOptimization optimize(Molecule molecule, List<int[]> fixedDistances, String label) throws XtbException {
        List<Restraint> restraints = new java.util.ArrayList<>();
        for (int[] pair : fixedDistances) {
            if (pair.length != 2) {
                throw invalid(label, "constrained pair " + java.util.Arrays.toString(pair) + " does not name two atoms of "
                        + molecule.atomCount());
            }
            restraints.add(new Restraint(pair[0], pair[1], Double.NaN));
        }
        return optimizeRestrained(molecule, restraints, label);
    }

    /**
     * A distance restraint of {@link #optimizeRestrained}.
     *
     * @param first an atom, from 0
     * @param second another atom
     * @param angstrom the distance to hold, Å; NaN holds the starting distance
     */
    public record Restraint(int first, int second, double angstrom) {}

    /**
     * A geometry optimisation ({@code xtb --opt}) with distances pulled towards given values by
     * harmonic restraints (xtb's {@code $constrain} block, force constant
     * {@value #CONSTRAINT_FORCE_CONSTANT} Eh/bohr²), for example to bring two atoms to bonding
     * distance before a free optimisation.
     *
     * @param molecule the start geometry, positions in Å
     * @param restraints the restrained distances
     * @param label how messages name it
     * @return the optimised geometry, its energy and whether xtb reported convergence
     * @throws XtbException as {@link #optimize}
     */
    public XtbOptimization optimizeRestrained(Molecule molecule, List<Restraint> restraints, String label)
            throws XtbException {
        ElectronicState state = stateOf(molecule, label);
        String subject = "xtb optimisation of " + label;
        for (Restraint r : restraints) {
            if (r.first() == r.second() || Math.min(r.first(), r.second()) < 0
                    || Math.max(r.first(), r.second()) >= molecule.atomCount()
                    || !(Double.isNaN(r.angstrom()) || r.angstrom() > 0 && Double.isFinite(r.angstrom()))) {
                throw invalid(label, "constrained pair [" + r.first() + ", " + r.second() + "] at " + r.angstrom()
                        + " Å does not name two atoms of " + molecule.atomCount() + " and a positive distance");
            }
        }
        return inFolder(subject, folder -> {
            StringBuilder control = new StringBuilder(CONTROL);
            if (!restraints.isEmpty()) {
                control.append("$constrain\n   force constant=").append(CONSTRAINT_FORCE_CONSTANT).append('\n');
                for (Restraint r : restraints) {
                    control.append("   distance: ").append(r.first() + 1).append(", ").append(r.second() + 1).append(", ")
                            .append(Double.isNaN(r.angstrom()) ? "auto"
                                    : String.format(java.util.Locale.ROOT, "%.4f", r.angstrom())).append('\n');
                }
                control.append("$end\n");
            }
            XtbProcess.Outcome o = execute(molecule, state, folder, subject, "--opt", control.toString());
            XtbEnergy energy = energy(o, folder, subject, state);
            Path optimised = folder.resolve("xtbopt.xyz");
            if (!Files.isRegularFile(optimised)) {
                throw unparseable(subject, folder, "xtb wrote no xtbopt.xyz", o);
            }
            Molecule geometry;
            try {
                geometry = molecule.withPositions(XyzFormat.read(optimised).positions());
            } catch (IOException | IllegalArgumentException e) {
                throw unparseable(subject, folder, "cannot read xtbopt.xyz: " + e.getMessage(), o);
            }
            boolean converged = o.stdout().contains("GEOMETRY OPTIMIZATION CONVERGED");
            return new XtbOptimization(geometry, energy, converged);
        });
    }

    /** The force constant of distance restraints in {@link #optimize}, Eh/bohr². */
    public static final double CONSTRAINT_FORCE_CONSTANT = 1.0;

    /**
     * The result of {@link #optimize}.
     *
     * @param geometry the last geometry, atoms and title of the input
     * @param energy its energy
     * @param converged whether xtb reported a converged optimisation
     */
    public record XtbOptimization(Molecule geometry, XtbEnergy energy, boolean converged) {}

    /** Charge and number of unpaired electrons passed to xtb. */
    record ElectronicState(int charge, int unpairedElectrons) {}

    /**
     * The state xtb is asked to compute: the overrides, else the molecule's charge (0 when unknown)
     * and multiplicity (lowest spin when unknown), checked against the electron count.
     */
    ElectronicState stateOf(Molecule molecule, String label) throws XtbException {
        int charge = chargeOverride != null ? chargeOverride : molecule.charge().orElse(0);
        int electrons = -charge;
        for (int z : molecule.atomicNumbers()) {
            electrons += z;
        }
        if (electrons < 0) {
            throw invalid(label, "charge " + charge + " leaves " + electrons + " electrons");
        }
        int multiplicity = multiplicityOverride != null ? multiplicityOverride
                : molecule.multiplicity().orElse(electrons % 2 == 0 ? 1 : 2);
        int unpaired = multiplicity - 1;
        if (unpaired > electrons || (electrons - unpaired) % 2 != 0) {
            throw invalid(label, "multiplicity " + multiplicity + " (" + unpaired + " unpaired electrons) is impossible"
                    + " with " + electrons + " electrons (charge " + charge + "): the number of unpaired electrons must be "
                    + (electrons % 2 == 0 ? "even" : "odd") + " and at most " + electrons);
        }
        return new ElectronicState(charge, unpaired);
    }

    private static XtbException invalid(String label, String problem) {
        return new XtbException(XtbException.Kind.INVALID_INPUT, "cannot compute " + label + ": " + problem, null, null);
    }

    XtbEnergy singlePoint(Molecule molecule, String label, ElectronicState state) throws XtbException {
        String subject = "xtb single point of " + label;
        return inFolder(subject, folder -> {
            XtbProcess.Outcome o = execute(molecule, state, folder, subject, "--sp", null);
            return energy(o, folder, subject, state);
        });
    }

    XtbFrequencies frequencies(Molecule molecule, String label, ElectronicState state) throws XtbException {
        String subject = "xtb Hessian of " + label;
        if (molecule.atomCount() < 2) {
            throw invalid(label, "a single atom has no vibrations");
        }
        return inFolder(subject, folder -> {
            XtbProcess.Outcome o = execute(molecule, state, folder, subject, "--hess", CONTROL);
            XtbEnergy energy = energy(o, folder, subject, state);
            Path file = folder.resolve("vibspectrum");
            if (!Files.isRegularFile(file)) {
                throw unparseable(subject, folder, "xtb wrote no vibspectrum file", o);
            }
            double[] all;
            try {
                all = XtbOutput.vibspectrum(Files.readString(file));
            } catch (IllegalArgumentException | IOException e) {
                throw unparseable(subject, folder, e.getMessage(), o);
            }
            int n = molecule.atomCount();
            if (all.length != 3 * n) {
                throw unparseable(subject, folder, "vibspectrum lists " + all.length + " modes, expected 3 × " + n
                        + " = " + 3 * n, o);
            }
            int linearFlag = XtbOutput.linear(o.stdout());
            if (linearFlag < 0 && n > 2) {
                throw unparseable(subject, folder, "no 'linear?' line in xtb's output", o);
            }
            boolean linear = n == 2 || linearFlag == 1;
            return new XtbFrequencies(XtbOutput.withoutRigidModes(all, linear ? 5 : 6), linear, energy);
        });
    }

    private XtbProcess.Outcome execute(Molecule molecule, ElectronicState state, Path folder, String subject,
            String run, String control) throws XtbException, IOException {
        XyzFormat.write(folder.resolve(INPUT_FILE), List.of(molecule));
        List<String> command = new ArrayList<>(List.of(executable.toString(), INPUT_FILE, run));
        command.addAll(method.flags());
        command.addAll(List.of("--chrg", Integer.toString(state.charge()), "--uhf",
                Integer.toString(state.unpairedElectrons()), "--norestart", "--parallel", Integer.toString(threads)));
        if (solvent != null) {
            command.addAll(List.of("--alpb", solvent));
        }
        if (control != null) {
            Files.writeString(folder.resolve(CONTROL_FILE), control);
            command.addAll(List.of("--input", CONTROL_FILE));
        }
        if (keepFiles) {
            command.add("--json");
        }
        XtbProcess.Outcome o = XtbProcess.run(command, folder, environment(), timeout, subject);
        if (o.exitCode() != 0) {
            boolean scf = XtbOutput.scfNotConverged(o.stdout());
            String problem = scf ? "SCF did not converge" : failureReason(o);
            throw new XtbException(scf ? XtbException.Kind.SCF_NOT_CONVERGED : XtbException.Kind.FAILED,
                    subject + " failed: " + problem + " (exit code " + o.exitCode() + ")" + kept(folder), o.tail(), null);
        }
        return o;
    }

    private static String failureReason(XtbProcess.Outcome o) {
        List<String> errors = XtbOutput.errorMessages(o.stdout());
        if (!errors.isEmpty()) {
            return String.join("; ", errors);
        }
        if (o.stderr().contains("stack smashing")) {
            return "xtb crashed (stack smashing detected)";
        }
        if (o.exitCode() > 128) {
            return "xtb was ended by signal " + (o.exitCode() - 128);
        }
        return "xtb gave no reason";
    }

    private XtbEnergy energy(XtbProcess.Outcome o, Path folder, String subject, ElectronicState state)
            throws XtbException {
        double e = XtbOutput.totalEnergy(o.stdout());
        if (Double.isNaN(e)) {
            throw unparseable(subject, folder, "no 'TOTAL ENERGY ... Eh' line with a number in xtb's output", o);
        }
        return new XtbEnergy(e, XtbOutput.gradientNorm(o.stdout()), XtbOutput.homoLumoGap(o.stdout()), method,
                state.charge(), state.unpairedElectrons(), keepFiles ? folder : null);
    }

    private XtbException unparseable(String subject, Path folder, String problem, XtbProcess.Outcome o) {
        return new XtbException(XtbException.Kind.UNPARSEABLE_OUTPUT, subject + ": cannot read xtb's output: " + problem
                + kept(folder), o.tail(), null);
    }

    private String kept(Path folder) {
        return keepFiles ? " (files kept in " + folder + ")" : "";
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        String t = Integer.toString(threads);
        env.put("OMP_NUM_THREADS", t);
        env.put("OPENBLAS_NUM_THREADS", t);
        env.put("MKL_NUM_THREADS", t);
        env.put("OMP_MAX_ACTIVE_LEVELS", "1");
        if (System.getenv("OMP_STACKSIZE") == null) {
            // xtb's recommendation for OpenMP worker threads; the main thread uses the process stack.
            env.put("OMP_STACKSIZE", "1G");
        }
        return env;
    }

    /** Work done in a fresh folder. */
    @FunctionalInterface
    private interface FolderWork<T> {
        T run(Path folder) throws XtbException, IOException;
    }

    private <T> T inFolder(String subject, FolderWork<T> work) throws XtbException {
        checkAvailable(subject);
        Path folder;
        try {
            folder = workDirectory == null ? Files.createTempDirectory("flowkit-xtb-")
                    : Files.createTempDirectory(Files.createDirectories(workDirectory), "flowkit-xtb-");
        } catch (IOException e) {
            throw new XtbException(XtbException.Kind.IO, subject + ": cannot create a temporary folder: " + e.getMessage(),
                    null, e);
        }
        try {
            return work.run(folder);
        } catch (IOException e) {
            throw new XtbException(XtbException.Kind.IO, subject + ": cannot write xtb's input in " + folder + ": "
                    + e.getMessage(), null, e);
        } finally {
            if (!keepFiles) {
                deleteQuietly(folder);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // A leftover temporary folder is not worth failing a calculation for.
        }
    }

    /**
     * How messages name a molecule: its title (shortened to its end) and formula, or the formula alone.
     *
     * @param molecule the molecule
     * @return the label
     */
    static String describe(Molecule molecule) {
        String title = molecule.title().strip();
        if (title.isEmpty()) {
            return molecule.formula();
        }
        if (title.length() > 60) {
            title = "…" + title.substring(title.length() - 59);
        }
        return "'" + title + "' (" + molecule.formula() + ")";
    }

    /**
     * Builds an {@link XtbCalculator}. Every setting is optional.
     */
    public static final class Builder {
        private Path explicitExecutable;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int threads = 1;
        private XtbMethod method = XtbMethod.GFN2;
        private String solvent;
        private boolean keepFiles;
        private Path workDirectory;
        private Integer chargeOverride;
        private Integer multiplicityOverride;

        private Builder() {}

        /**
         * @param executable the xtb executable to run instead of {@value XtbCalculator#ENVIRONMENT_VARIABLE} or PATH
         * @return this builder
         */
        public Builder optExecutable(Path executable) {
            this.explicitExecutable = Objects.requireNonNull(executable, "executable");
            return this;
        }

        /**
         * @param timeout the longest one call may run before xtb is killed (positive; default 120 s)
         * @return this builder
         */
        public Builder optTimeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param threads OpenMP threads per xtb process (at least 1; default 1, so that batches run
         *     one single-threaded process per core)
         * @return this builder
         */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * @param method the Hamiltonian (default GFN2-xTB)
         * @return this builder
         */
        public Builder optMethod(XtbMethod method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * @param solvent an implicit solvent for xtb's ALPB model ({@code --alpb}, for example "water"),
         *     or null for the gas phase (the default)
         * @return this builder
         */
        public Builder optSolvent(String solvent) {
            this.solvent = solvent;
            return this;
        }

        /**
         * @param keepFiles keep each call's folder (with xtb's output and, for debugging,
         *     {@code xtbout.json}) instead of deleting it; default false
         * @return this builder
         */
        public Builder optKeepFiles(boolean keepFiles) {
            this.keepFiles = keepFiles;
            return this;
        }

        /**
         * @param workDirectory where the per-call temporary folders are created (default: the system's
         *     temporary folder)
         * @return this builder
         */
        public Builder optWorkDirectory(Path workDirectory) {
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
            return this;
        }

        /**
         * @param charge the total charge to use for every molecule, instead of the molecule's own
         * @return this builder
         */
        public Builder optChargeOverride(int charge) {
            this.chargeOverride = charge;
            return this;
        }

        /**
         * Sets the multiplicity for every molecule, instead of the molecule's own: for data sets whose
         * files carry no reliable spin state (the closed-shell reactions of {@code grambow-842} read
         * from SDF get multiplicities from radical flags; use 1 there).
         *
         * @param multiplicity the spin multiplicity 2S + 1, at least 1
         * @return this builder
         */
        public Builder optMultiplicityOverride(int multiplicity) {
            this.multiplicityOverride = multiplicity;
            return this;
        }

        /**
         * Validates the settings and locates the executable (a missing one is reported by the calls,
         * so that {@link XtbCalculator#checkAvailable()} can be asked first).
         *
         * @return the calculator
         * @throws IllegalArgumentException on a non-positive timeout or thread count, a blank solvent
         *     or a multiplicity below 1
         */
        public XtbCalculator build() {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout is not positive: " + timeout);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads is not positive: " + threads);
            }
            if (solvent != null && (solvent.isBlank() || solvent.strip().contains(" "))) {
                throw new IllegalArgumentException("solvent is not a single name: '" + solvent + "'");
            }
            if (multiplicityOverride != null && multiplicityOverride < 1) {
                throw new IllegalArgumentException("multiplicity is not positive: " + multiplicityOverride);
            }
            solvent = solvent == null ? null : solvent.strip();
            if (explicitExecutable != null) {
                return new XtbCalculator(this, executableFile(explicitExecutable) ? explicitExecutable : null,
                        explicitExecutable + " (set by optExecutable) does not exist or is not executable");
            }
            Location location = locate(System.getenv());
            return new XtbCalculator(this, location.path(), location.searched());
        }
    }
}
