package io.flowkit.cli;

import ai.djl.Device;
import io.flowkit.cli.bench.AssemblySuite;
import io.flowkit.cli.bench.BenchContext;
import io.flowkit.cli.bench.BenchProgress;
import io.flowkit.cli.bench.BenchReport;
import io.flowkit.cli.bench.BenchSection;
import io.flowkit.cli.bench.BenchSuite;
import io.flowkit.cli.bench.MaternSuite;
import io.flowkit.cli.bench.PufmSuite;
import io.flowkit.cli.bench.SectionStore;
import io.flowkit.cli.bench.SparkSuite;
import io.flowkit.cli.bench.SpeedSuite;
import io.flowkit.cli.bench.Toy2dSuite;
import io.flowkit.cli.bench.TsGenSuite;
import io.flowkit.flow.engine.Devices;
import io.flowkit.flow.engine.Versions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowkit bench}: reproduces the benchmarks and writes a report. */
@Command(name = "bench", mixinStandardHelpOptions = true, header = "Reproduces flowkit's benchmarks and writes a report.",
        footer = {"", "Example: flowkit bench tsgen --out flowkit-bench"},
        description = {"Reproduces flowkit's benchmarks and writes report.md, report.json and pictures.",
            "Suites: toy2d (the engine's 2D benchmark), tsgen (transition states on the Grambow test split),",
            "pufm (point cloud upsampling on the PU-GAN test meshes), matern (triangulation tests of the Matérn noise",
            "and of the mesh flow), assembly (fractured-part assembly and TORA's convergence study), speed (DJL",
            "against PyTorch eager) and spark (tsgen on Spark local[1] and local[2] beside one process).",
            "Without a suite: all but speed and spark; all: every suite.",
            "--quick (the default) uses the shipped models; --full trains them from scratch (resumable).",
            "A suite that finished is kept in OUT/sections and not run again when the same command is repeated",
            "(after Ctrl-C, for example); --fresh runs everything again."})
final class BenchCommand implements Callable<Integer> {

    /** The suites run when none is named, in order. */
    static final List<String> DEFAULT_SUITES = List.of("toy2d", "tsgen", "pufm", "matern", "assembly");

    @Parameters(arity = "0..*", paramLabel = "SUITE",
            description = "toy2d, tsgen, pufm, matern, assembly, speed, spark or all (default: all but speed and spark)")
    private List<String> suites = new ArrayList<>();

    @Option(names = "--quick", description = "the shipped models, short runs (the default; about 9 minutes on 2 cores)")
    private boolean quick;

    @Option(names = "--full", description = "train every model from scratch, longer runs (hours; Ctrl-C and rerun to resume)")
    private boolean full;

    @Option(names = "--out", description = "output folder (default: ${DEFAULT-VALUE})", defaultValue = "flowkit-bench")
    private Path out;

    @Option(names = "--seed", description = "seed of every run (default: ${DEFAULT-VALUE})", defaultValue = "0")
    private long seed;

    @Option(names = "--device", description = "cpu, gpu, gpu:N or auto (default: ${DEFAULT-VALUE}); gpu needs PyTorch's "
            + "CUDA natives on the class path", defaultValue = "cpu")
    private String device;

    @Option(names = "--fresh", description = "run every suite again, ignoring sections kept from an earlier run")
    private boolean fresh;

    @Option(names = "--pufm-model", description = "PUFM++ model folder for the pufm suite (default: the shipped model)")
    private Path pufmModel;

    @Option(names = "--json", description = "print the report as JSON on stdout instead of tables")
    private boolean json;

    @Option(names = "--couplings", split = ",", paramLabel = "NAME",
            description = "toy2d couplings (default: independent,ot,sinkhorn:0.05,weighted:3)")
    private List<String> couplings = new ArrayList<>();

    @Option(names = "--problems", split = ",", paramLabel = "NAME",
            description = "toy2d problems as source-target (default: all four), e.g. gaussian-moons")
    private List<String> problems = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (quick && full) {
            throw new IllegalArgumentException("--quick and --full exclude each other");
        }
        Map<String, BenchSuite> chosen = new LinkedHashMap<>();
        for (String s : suites.isEmpty() ? DEFAULT_SUITES : suites) {
            String name = s.toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                for (String n : DEFAULT_SUITES) {
                    chosen.putIfAbsent(n, suite(n));
                }
                chosen.putIfAbsent("speed", suite("speed"));
                chosen.putIfAbsent("spark", suite("spark"));
            } else {
                chosen.putIfAbsent(name, suite(name));
            }
        }
        Device resolved = Devices.resolve(device);
        Files.createDirectories(out);
        BenchContext context = new BenchContext(out, seed, full, resolved, BenchProgress.stderr());
        SectionStore store = new SectionStore(out);
        BenchReport report = new BenchReport(out, seed, context.mode());
        int failures = 0;
        for (BenchSuite suite : chosen.values()) {
            String key = SectionStore.key(suite, context, Versions.flowkit());
            Optional<BenchSection> kept = fresh ? Optional.empty() : store.find(suite.name(), key);
            if (kept.isPresent()) {
                System.err.println("bench: " + suite.name() + " finished in an earlier run with the same settings; kept "
                        + "(--fresh runs it again)");
                report.add(kept.get());
                continue;
            }
            try {
                long started = System.nanoTime();
                BenchSection section = suite.run(context).withSeconds((System.nanoTime() - started) / 1e9);
                store.save(section, key);
                report.add(section);
            } catch (RuntimeException | OutOfMemoryError e) {
                failures++;
                report.fail(suite.name(), e);
                System.err.println("flowkit bench: suite " + suite.name() + " failed: " + e.getMessage());
                if (System.getenv("FLOWKIT_DEBUG") != null) {
                    e.printStackTrace();
                }
            }
            report.write(); // after every suite: an interrupted run still leaves a report of what finished
        }
        report.write();
        System.out.println(json ? report.toJson() : report.toText());
        System.err.println("report written to " + out.toAbsolutePath().resolve("report.md"));
        return failures == 0 ? 0 : 1;
    }

    private BenchSuite suite(String name) {
        return switch (name) {
            case "toy2d" -> new Toy2dSuite(couplings, problems);
            case "tsgen" -> new TsGenSuite();
            case "pufm" -> new PufmSuite(pufmModel);
            case "matern" -> new MaternSuite();
            case "assembly" -> new AssemblySuite();
            case "speed" -> new SpeedSuite();
            case "spark" -> new SparkSuite();
            default -> throw new IllegalArgumentException("unknown suite: " + name
                    + " (known: toy2d, tsgen, pufm, matern, assembly, speed, spark, all)");
        };
    }
}
