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
 * The {@code speed} suite: DJL against PyTorch eager on the same MLP velocity field, side by side
 * in one run, at one thread and at all cores: a training step (batch 256) and sampling 10,000
 * points with 100 Euler steps.
 */
public final class SpeedSuite implements BenchSuite {

    @Override
    public String name() {
        return "speed";
    }

    /** Measures ({@code full}: more timed steps and runs). */
    @Override
    public BenchSection run(BenchContext context) {
        boolean full = context.full();
        int warmup = 50;
        int steps = full ? 2000 : 400;
        int runs = full ? 7 : 3;
        Optional<String> python = PyTorchReference.findPython();
        List<String> notes = new ArrayList<>();
        notes.add(python.map(p -> "PyTorch reference: torch " + PyTorchReference.torchVersion(p) + " via " + p + ".")
                .orElse("PyTorch reference: not run, no Python with torch found (install the Debian package python3-torch "
                        + "or set FLOWKIT_PYTHON)."));
        notes.add("Allocator settings: MALLOC_ARENA_MAX=" + env("MALLOC_ARENA_MAX") + ", MALLOC_MMAP_THRESHOLD_="
                + env("MALLOC_MMAP_THRESHOLD_") + ", MALLOC_TRIM_THRESHOLD_=" + env("MALLOC_TRIM_THRESHOLD_")
                + " (the flowkit launcher sets them; without them DJL can run several times slower).");
        ResultTable.Builder table = ResultTable.builder().optTitle("speed: MLP 3x256 SELU velocity field")
                .setColumns("threads", "DJL step ms", "PyTorch step ms", "step ratio", "DJL sample s", "PyTorch sample s",
                        "sample ratio", "DJL step p90 ms", "PyTorch step p90 ms")
                .optDecimals("DJL step ms", 2).optDecimals("PyTorch step ms", 2).optDecimals("step ratio", 2)
                .optDecimals("sample ratio", 2).optDecimals("DJL sample s", 2).optDecimals("PyTorch sample s", 2)
                .optDecimals("DJL step p90 ms", 2).optDecimals("PyTorch step p90 ms", 2)
                .optNote("Training step: batch 256, Gaussian to 8 Gaussians, uniform t, linear path, Adam, loss read back; "
                        + "median of " + steps + " steps after " + warmup + " warm-up steps.")
                .optNote("Sampling: 10,000 points, 100 Euler steps, no gradients; median of " + runs + " runs after a warm-up run.")
                .optNote("Ratios are DJL / PyTorch (below 1: DJL faster); both ran in this process's run, one after the other.");
        TreeSet<Integer> threadCounts = new TreeSet<>(List.of(1, Runtime.getRuntime().availableProcessors()));
        BenchProgress.Task task = context.progress().start(name(), threadCounts.size());
        for (int threads : threadCounts) {
            EngineSpeedBenchmark.Figures djl = EngineSpeedBenchmark.measure(threads, warmup, steps, runs);
            EngineSpeedBenchmark.Figures torch = null;
            if (python.isPresent()) {
                try {
                    torch = PyTorchReference.run(python.get(), threads, warmup, steps, runs);
                } catch (IOException e) {
                    notes.add("PyTorch reference failed at " + threads + " threads: " + e.getMessage());
                }
            }
            table.addRow(threads, djl.trainStepMillisMedian(), torch == null ? null : torch.trainStepMillisMedian(),
                    torch == null ? null : djl.trainStepMillisMedian() / torch.trainStepMillisMedian(),
                    djl.sampleSecondsMedian(), torch == null ? null : torch.sampleSecondsMedian(),
                    torch == null ? null : djl.sampleSecondsMedian() / torch.sampleSecondsMedian(),
                    djl.trainStepMillisP90(), torch == null ? null : torch.trainStepMillisP90());
            task.step(threads + " thread" + (threads == 1 ? "" : "s"));
        }
        task.finish();
        table.optMetadata("cores", Runtime.getRuntime().availableProcessors());
        return new BenchSection("speed", List.of(table.build()), List.of(), notes);
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "unset" : v;
    }
}
