package io.flowkit.cli;

import io.flowkit.cli.bench.BenchReport;
import io.flowkit.cli.bench.SpeedSuite;
import io.flowkit.cli.bench.Toy2dSuite;
import io.flowkit.cli.bench.PufmSuite;
import io.flowkit.cli.bench.TsGenSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowkit bench}: reproduces the benchmarks and writes a report. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs flowkit's benchmarks and writes report.md, report.json and pictures.",
            "Suites: toy2d (the engine's 2D benchmark), tsgen (transition states on the Grambow test split),",
            "pufm (point cloud upsampling on the PU-GAN test meshes with the shipped model, or --pufm-model)",
            "and speed (DJL against PyTorch eager). Without a suite: toy2d, tsgen and pufm; all: these and speed."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SUITE", description = "toy2d, tsgen, pufm, speed or all (default: toy2d tsgen pufm)")
    private List<String> suites = new ArrayList<>();

    @Option(names = "--quick", description = "short runs (the default)")
    private boolean quick;

    @Option(names = "--full", description = "longer training, as in the published setting")
    private boolean full;

    @Option(names = "--out", description = "output folder (default: ${DEFAULT-VALUE})", defaultValue = "flowkit-bench")
    private Path out;

    @Option(names = "--seed", description = "seed of every run (default: ${DEFAULT-VALUE})", defaultValue = "0")
    private long seed;

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
        Set<String> chosen = new LinkedHashSet<>();
        for (String s : suites.isEmpty() ? List.of("toy2d", "tsgen", "pufm") : suites) {
            String name = s.toLowerCase(Locale.ROOT);
            switch (name) {
                case "all":
                    chosen.add("toy2d");
                    chosen.add("tsgen");
                    chosen.add("pufm");
                    chosen.add("speed");
                    break;
                case "toy2d":
                case "tsgen":
                case "pufm":
                case "speed":
                    chosen.add(name);
                    break;
                default:
                    throw new IllegalArgumentException("unknown suite: " + s + " (known: toy2d, tsgen, pufm, speed, all)");
            }
        }
        BenchReport report = new BenchReport(out, seed, full ? "full" : "quick");
        int failures = 0;
        for (String suite : chosen) {
            try {
                if (suite.equals("toy2d")) {
                    report.add(new Toy2dSuite(seed, full, couplings, problems).run(out));
                } else if (suite.equals("tsgen")) {
                    report.add(new TsGenSuite(seed).run(out));
                } else if (suite.equals("pufm")) {
                    report.add(new PufmSuite(seed, full, pufmModel).run(out));
                } else {
                    report.add(new SpeedSuite(full).run());
                }
            } catch (RuntimeException e) {
                failures++;
                report.fail(suite, e);
                System.err.println("flowkit bench: suite " + suite + " failed: " + e.getMessage());
            }
        }
        report.write();
        System.out.println(json ? report.toJson() : report.toText());
        System.err.println("report written to " + out.toAbsolutePath());
        return failures == 0 ? 0 : 1;
    }
}
