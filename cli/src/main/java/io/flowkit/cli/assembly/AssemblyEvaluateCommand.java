package io.flowkit.cli.assembly;

import ai.djl.Device;
import io.flowkit.assembly.assemble.Assembler;
import io.flowkit.assembly.bench.AssemblyScore;
import io.flowkit.assembly.bench.AssemblyTestSet;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit assembly evaluate}: metrics of a trained assembly flow. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, header = "Evaluates an assembly model: part accuracy and pose errors.",
        footer = {"", "Example: flowkit assembly evaluate --model models/assembly"},
        description = {"Assembles objects with a trained model and prints part accuracy (Hungarian matching, Chamfer",
            "< 0.01), rotation and translation errors, shape Chamfer and success rates, overall and by part count.",
            "Objects: held-out synthetic fractures (meshes never cut for training; the default), or zero-shot the real",
            "Breaking Bad sample (--real breaking-bad) or the PartNet sample (--real partnet) in assembly/."})
final class AssemblyEvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", description = "model folder from 'flowkit assembly train' (default: the shipped model)")
    private Path model;

    @Option(names = "--real", description = "breaking-bad or partnet: evaluate zero-shot on that sample (split val)")
    private String real;

    @Option(names = "--objects", defaultValue = "48", description = "held-out synthetic objects (default: ${DEFAULT-VALUE})")
    private int objects;

    @Option(names = "--min-parts", defaultValue = "2", description = "fewest parts (default: ${DEFAULT-VALUE})")
    private int minParts;

    @Option(names = "--max-parts", defaultValue = "8", description = "most parts (default: ${DEFAULT-VALUE})")
    private int maxParts;

    @Option(names = "--points", defaultValue = "512", description = "points per object (default: ${DEFAULT-VALUE})")
    private int points;

    @Option(names = "--steps", defaultValue = "50", description = "Euler steps (default: ${DEFAULT-VALUE})")
    private int steps;

    @Option(names = "--planar", description = "the 2D task: random polygons cut by JTS into Voronoi cells")
    private boolean planar;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the objects and the noise (default: ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() throws Exception {
        AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(points).optPlanar(planar).build();
        try (AssemblyModel m = model == null ? AssemblyModel.loadDefault(Device.cpu()) : AssemblyModel.load(model, Device.cpu())) {
            AssemblyTestSet set;
            if (real == null) {
                set = planar ? AssemblyTestSet.planar(prep, objects, minParts, maxParts, seed)
                        : AssemblyTestSet.heldOut(prep, objects, minParts, maxParts, seed);
            } else {
                set = AssemblyTestSet.real(real, prep, m.config().maxParts(), seed);
                set.skipped().forEach(s -> System.err.println("assembly evaluate: skipped " + s));
            }
            List<AssemblyExample> test = set.examples();
            if (test.isEmpty()) {
                throw new IllegalArgumentException("no object to evaluate");
            }
            AssemblyScore score = AssemblyScore.assembleAndScore(
                    Assembler.builder().setModel(m).optSteps(steps).optSeed(seed).build(), test,
                    done -> System.err.printf(Locale.ROOT, "assembly evaluate: %d/%d objects%n", done, test.size())).score();
            System.out.println(set.description());
            System.out.println("model: " + m.flowSpace().label() + " flow, " + (m.provenance() == null ? "untrained"
                    : "trained " + m.provenance().step() + " steps, seed " + m.provenance().seed()));
            score.byPartCount().forEach((k, acc) -> System.out.printf(Locale.ROOT, "  %d parts: part accuracy %.3f%n", k, acc));
            System.out.println(score);
            return 0;
        }
    }
}
