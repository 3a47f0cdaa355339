package io.flowkit.cli.assembly;

import io.flowkit.assembly.align.RepresentationAlignment;
import io.flowkit.assembly.align.TeacherModel;
import io.flowkit.assembly.assemble.Assembler;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.train.AssemblyTraining;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.flow.train.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit assembly convergence}: part accuracy against training steps, with and without alignment. */
@Command(name = "convergence", mixinStandardHelpOptions = true,
        description = {"TORA's claim, measured: trains the assembly flow with and without representation alignment",
            "(CKA, cosine) for several seeds, evaluates part accuracy on held-out synthetic fractures every so many",
            "steps, and prints the curves and the steps each run needs to reach a part accuracy."})
final class AssemblyConvergenceCommand implements Callable<Integer> {

    @Option(names = "--teacher", required = true, description = "teacher folder from 'flowkit assembly teacher'")
    private Path teacherFolder;

    @Option(names = "--align", split = ",", defaultValue = "none,cka,cosine", description = "variants (default: ${DEFAULT-VALUE})")
    private List<String> variants;

    @Option(names = "--seeds", split = ",", defaultValue = "0,1", description = "seeds (default: ${DEFAULT-VALUE})")
    private List<Long> seeds;

    @Option(names = "--steps", defaultValue = "1500", description = "training steps per run (default: ${DEFAULT-VALUE})")
    private long steps;

    @Option(names = "--every", defaultValue = "250", description = "steps between evaluations (default: ${DEFAULT-VALUE})")
    private long every;

    @Option(names = "--objects", defaultValue = "400", description = "training objects (default: ${DEFAULT-VALUE})")
    private int objects;

    @Option(names = "--eval-objects", defaultValue = "24", description = "held-out objects (default: ${DEFAULT-VALUE})")
    private int evalObjects;

    @Option(names = "--points", defaultValue = "256", description = "points per object (default: ${DEFAULT-VALUE})")
    private int points;

    @Option(names = "--max-parts", defaultValue = "8", description = "most parts (default: ${DEFAULT-VALUE})")
    private int maxParts;

    @Option(names = "--threshold", defaultValue = "0.5", description = "part accuracy whose first reaching is compared (default: ${DEFAULT-VALUE})")
    private double threshold;

    @Override
    public Integer call() throws Exception {
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(points).build();
        List<AssemblyExample> train = SyntheticFractures.make(false, objects, 2, maxParts, prep, 0, done -> {});
        List<AssemblyExample> test = SyntheticFractures.make(true, evalObjects, 2, maxParts, prep, 1, done -> {});
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        try (TeacherModel teacher = TeacherModel.load(teacherFolder)) {
            for (String variant : variants) {
                String v = variant.toLowerCase(Locale.ROOT);
                for (long seed : seeds) {
                    AssemblyConfig config = new AssemblyConfig(maxParts, 64, 4, 2, 6, v.equals("none") ? 0 : teacher.config().width());
                    List<double[]> curve = new ArrayList<>();
                    String label = v + " seed " + seed;
                    java.util.function.Function<AssemblyModel, ProgressListener> listener = model -> new ProgressListener() {
                        @Override
                        public void onStep(long step, long total, double loss, double rate) {
                            if (step % every == 0 || step == total) {
                                double acc = accuracy(model, test);
                                curve.add(new double[] {step, acc, loss});
                                System.err.printf(Locale.ROOT, "assembly convergence: %s step %d part accuracy %.3f loss %.4f%n",
                                        label, step, acc, loss);
                            }
                        }
                    };
                    RepresentationAlignment alignment = v.equals("none") ? null
                            : teacher.alignment(RepresentationAlignment.Kind.parse(v), 128, seed);
                    try (AssemblyTraining.Trained t = AssemblyTraining.train(config, train, "convergence", steps, 8, 5e-4,
                            seed, null, listener, v.equals("none") ? null : "tora-" + v, alignment)) {
                        curves.put(label, curve);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "part accuracy on %d held-out objects (Euler 20 steps) against training steps%n",
                test.size());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s", "run"));
        for (double[] p : curves.values().iterator().next()) {
            header.append(String.format(Locale.ROOT, " %7d", (long) p[0]));
        }
        System.out.println(header.append("  steps to ").append(threshold));
        Map<String, List<Double>> reach = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> e : curves.entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-18s", e.getKey()));
            double first = Double.NaN;
            for (double[] p : e.getValue()) {
                row.append(String.format(Locale.ROOT, " %7.3f", p[1]));
                if (Double.isNaN(first) && p[1] >= threshold) {
                    first = p[0];
                }
            }
            System.out.println(row.append("  ").append(Double.isNaN(first) ? "not reached" : String.valueOf((long) first)));
            reach.computeIfAbsent(e.getKey().split(" ")[0], k -> new ArrayList<>()).add(first);
        }
        List<Double> base = reach.get("none");
        if (base != null) {
            double baseMean = base.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            for (Map.Entry<String, List<Double>> e : reach.entrySet()) {
                double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                System.out.printf(Locale.ROOT, "%s: mean steps to %.2f part accuracy %s, ratio to none %s%n", e.getKey(),
                        threshold, Double.isNaN(mean) ? "not reached by every seed" : String.valueOf(mean),
                        Double.isNaN(mean) || Double.isNaN(baseMean) ? "n/a" : String.format(Locale.ROOT, "%.2f", mean / baseMean));
            }
        }
        return 0;
    }

    private static double accuracy(AssemblyModel model, List<AssemblyExample> test) {
        List<Assembler.Result> r = Assembler.builder().setModel(model).optSteps(20).optSeed(7).build()
                .assembleAll(test, done -> {});
        double correct = 0;
        double total = 0;
        for (int i = 0; i < test.size(); i++) {
            AssemblyExample e = test.get(i);
            correct += e.evaluate(r.get(i).poses()).partAccuracy() * e.partCount();
            total += e.partCount();
        }
        return correct / total;
    }
}
