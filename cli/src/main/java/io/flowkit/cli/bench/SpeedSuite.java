package io.flowkit.cli.bench;

import io.flowkit.flow.bench.EngineSpeedBenchmark;
import io.flowkit.flow.bench.PyTorchReference;
import io.flowkit.validation.report.ResultTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@code speed} suite: DJL against PyTorch eager on the same MLP velocity field, at one thread
 * and at all cores: a training step (batch 256) and sampling 10,000 points with 100 Euler steps.
 * The two sides run in rounds, one after the other within a round (which goes first alternates),
 * and the report gives the median of the rounds' figures and of their ratios with the ratios'
 * range, so that one slow spell of a shared machine does not decide the result.
 */
public final class SpeedSuite implements BenchSuite {

    @Override
    public String name() {
        return "speed";
    }

    /** Measures ({@code full}: more timed steps and rounds). */
    @Override
    public BenchSection run(BenchContext context) {
        boolean full = context.full();
        int warmup = 50;
        int steps = full ? 1000 : 400;
        int runs = 3;
        int rounds = full ? 5 : 3;
        Optional<String> python = PyTorchReference.findPython();
        List<String> notes = new ArrayList<>();
        notes.add(python.map(p -> "PyTorch reference: torch " + PyTorchReference.torchVersion(p) + " via " + p + ".")
                .orElse("PyTorch reference: not run, no Python with torch found (install the Debian package python3-torch "
                        + "or set FLOWKIT_PYTHON)."));
        notes.add("Allocator settings: MALLOC_ARENA_MAX=" + env("MALLOC_ARENA_MAX") + ", MALLOC_MMAP_THRESHOLD_="
                + env("MALLOC_MMAP_THRESHOLD_") + ", MALLOC_TRIM_THRESHOLD_=" + env("MALLOC_TRIM_THRESHOLD_")
                + " (the flowkit launcher sets them; without them DJL can run several times slower).");
        String preload = System.getenv("LD_PRELOAD");
        notes.add(preload != null && preload.contains("libflowkit-mkl-amd")
                ? "MKL (inside libtorch) ran its AVX-512 kernels: the launcher preloaded flowkit's dispatch shim on this AMD "
                        + "processor (README, Performance settings). The PyTorch side (Debian's build) uses OpenBLAS, not MKL."
                : "MKL (inside libtorch) chose its kernels itself (on AMD processors: AVX2 only; the launcher's dispatch "
                        + "shim was not preloaded).");
        ResultTable.Builder table = ResultTable.builder().optTitle("speed: MLP 3x256 SELU velocity field")
                .setColumns("threads", "DJL step ms", "PyTorch step ms", "step ratio", "step ratio range", "DJL sample s",
                        "PyTorch sample s", "sample ratio", "sample ratio range")
                .optDecimals("DJL step ms", 2).optDecimals("PyTorch step ms", 2).optDecimals("step ratio", 2)
                .optDecimals("sample ratio", 2).optDecimals("DJL sample s", 2).optDecimals("PyTorch sample s", 2)
                .optNote("Training step: batch 256, Gaussian to 8 Gaussians, uniform t, linear path, Adam, loss read back; "
                        + "per round the median of " + steps + " steps after " + warmup + " warm-up steps.")
                .optNote("Sampling: 10,000 points, 100 Euler steps, no gradients; per round the median of " + runs
                        + " runs after a warm-up run.")
                .optNote("Figures are medians over " + rounds + " rounds; ratios are DJL / PyTorch (below 1: DJL faster), "
                        + "taken within each round, with their median and range (min-max) over the rounds.");
        TreeSet<Integer> threadCounts = new TreeSet<>(List.of(1, Runtime.getRuntime().availableProcessors()));
        BenchProgress.Task task = context.progress().start(name(), threadCounts.size() * rounds);
        for (int threads : threadCounts) {
            List<EngineSpeedBenchmark.Figures> djl = new ArrayList<>();
            List<EngineSpeedBenchmark.Figures> torch = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                EngineSpeedBenchmark.Figures torchFigures = null;
                if (round % 2 == 1) {
                    torchFigures = reference(python, threads, warmup, steps, runs, notes);
                }
                djl.add(EngineSpeedBenchmark.measure(threads, warmup, steps, runs));
                if (round % 2 == 0) {
                    torchFigures = reference(python, threads, warmup, steps, runs, notes);
                }
                if (torchFigures != null) {
                    torch.add(torchFigures);
                }
                task.step(threads + " thread" + (threads == 1 ? "" : "s") + ", round " + (round + 1));
            }
            boolean paired = torch.size() == djl.size();
            double[] stepRatios = new double[paired ? djl.size() : 0];
            double[] sampleRatios = new double[stepRatios.length];
            for (int i = 0; i < stepRatios.length; i++) {
                stepRatios[i] = djl.get(i).trainStepMillisMedian() / torch.get(i).trainStepMillisMedian();
                sampleRatios[i] = djl.get(i).sampleSecondsMedian() / torch.get(i).sampleSecondsMedian();
            }
            table.addRow(threads, median(djl, EngineSpeedBenchmark.Figures::trainStepMillisMedian),
                    paired ? median(torch, EngineSpeedBenchmark.Figures::trainStepMillisMedian) : null,
                    paired ? EngineSpeedBenchmark.median(stepRatios) : null, paired ? range(stepRatios) : null,
                    median(djl, EngineSpeedBenchmark.Figures::sampleSecondsMedian),
                    paired ? median(torch, EngineSpeedBenchmark.Figures::sampleSecondsMedian) : null,
                    paired ? EngineSpeedBenchmark.median(sampleRatios) : null, paired ? range(sampleRatios) : null);
        }
        task.finish();
        table.optMetadata("cores", Runtime.getRuntime().availableProcessors());
        table.optMetadata("rounds", rounds);
        return new BenchSection("speed", List.of(table.build()), List.of(), notes);
    }

    private static EngineSpeedBenchmark.Figures reference(Optional<String> python, int threads, int warmup, int steps,
            int runs, List<String> notes) {
        if (python.isEmpty()) {
            return null;
        }
        try {
            return PyTorchReference.run(python.get(), threads, warmup, steps, runs);
        } catch (IOException e) {
            notes.add("PyTorch reference failed at " + threads + " threads: " + e.getMessage());
            return null;
        }
    }

    private static double median(List<EngineSpeedBenchmark.Figures> figures,
            java.util.function.ToDoubleFunction<EngineSpeedBenchmark.Figures> value) {
        return EngineSpeedBenchmark.median(figures.stream().mapToDouble(value).toArray());
    }

    private static String range(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return String.format(java.util.Locale.ROOT, "%.2f-%.2f", sorted[0], sorted[sorted.length - 1]);
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "unset" : v;
    }
}
