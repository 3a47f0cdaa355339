package io.flowkit.cli.assembly;

import io.flowkit.assembly.align.TeacherModel;
import io.flowkit.assembly.bench.ConvergenceStudy;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.train.SyntheticFractures;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit assembly convergence}: part accuracy against training steps, with and without alignment. */
@Command(name = "convergence", mixinStandardHelpOptions = true, header = "Compares how fast the assembly flow learns with and without TORA's alignment.",
        footer = {"", "Example: flowkit assembly convergence --teacher models/teacher --steps 2000"},
        description = {"TORA's claim, measured: trains the assembly flow with and without representation alignment",
            "(CKA, cosine) for several seeds, evaluates part accuracy on held-out synthetic fractures every so many",
            "steps, and prints the curves and the steps each run needs to reach a part accuracy."})
final class AssemblyConvergenceCommand implements Callable<Integer> {

    @Option(names = "--teacher", description = "teacher folder from 'flowkit assembly teacher' (default: the shipped teacher)")
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
        ConvergenceStudy.Result result;
        try (TeacherModel teacher = teacherFolder == null ? TeacherModel.loadDefault() : TeacherModel.load(teacherFolder)) {
            result = ConvergenceStudy.builder().setTeacher(teacher).setTrain(train).setTest(test).optVariants(variants)
                    .optSeeds(seeds).optSteps(steps, every).optMaxParts(maxParts).optThreshold(threshold)
                    .optProgress(line -> System.err.println("assembly convergence: " + line)).build().run();
        }
        System.out.printf(Locale.ROOT, "part accuracy on %d held-out objects (Euler %d steps) against training steps%n",
                test.size(), ConvergenceStudy.EVALUATION_STEPS);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s", "run"));
        for (double[] p : result.curves().values().iterator().next()) {
            header.append(String.format(Locale.ROOT, " %7d", (long) p[0]));
        }
        System.out.println(header.append("  steps to ").append(threshold));
        for (Map.Entry<String, List<double[]>> e : result.curves().entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-18s", e.getKey()));
            for (double[] p : e.getValue()) {
                row.append(String.format(Locale.ROOT, " %7.3f", p[1]));
            }
            double first = result.stepsToThreshold(e.getKey());
            System.out.println(row.append("  ").append(Double.isNaN(first) ? "not reached" : String.valueOf((long) first)));
        }
        for (String v : variants) {
            String variant = v.toLowerCase(Locale.ROOT);
            double mean = result.meanStepsToThreshold(variant);
            double ratio = result.ratioToNone(variant);
            System.out.printf(Locale.ROOT, "%s: mean steps to %.2f part accuracy %s, ratio to none %s%n", variant, threshold,
                    Double.isNaN(mean) ? "not reached by every seed" : String.valueOf(mean),
                    Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio));
        }
        return 0;
    }
}
