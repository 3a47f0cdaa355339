package io.flowkit.cli.assembly;

import ai.djl.Device;
import io.flowkit.assembly.assemble.Assembler;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.datasets.assembly.FracturedObject;
import io.flowkit.datasets.assembly.Part;
import io.flowkit.datasets.catalog.FracturedObjectSet;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.validation.assembly.AssemblyResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowkit assembly evaluate}: metrics of a trained assembly flow. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Assembles objects with a trained model and prints part accuracy (Hungarian matching, Chamfer",
            "< 0.01), rotation and translation errors, shape Chamfer and success rates, overall and by part count.",
            "Objects: held-out synthetic fractures (meshes never cut for training; the default), or zero-shot the real",
            "Breaking Bad sample (--real breaking-bad) or the PartNet sample (--real partnet) in assembly/."})
final class AssemblyEvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model folder from 'flowkit assembly train'")
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
        try (AssemblyModel m = AssemblyModel.load(model, Device.cpu())) {
            List<AssemblyExample> test;
            String what;
            if (real == null) {
                test = planar ? SyntheticFractures.makePlanar(objects, minParts, maxParts, prep, 1_000_000 + seed)
                        : SyntheticFractures.make(true, objects, minParts, maxParts, prep, seed, done -> {});
                what = String.format(Locale.ROOT, "held-out synthetic fractures of %s: %d objects, %d-%d parts, %d points",
                        planar ? "random star polygons (2D, other seeds)" : SyntheticFractures.HELD_OUT_MESHES, test.size(),
                        minParts, maxParts, points);
            } else {
                FracturedObjectSet set = switch (real.toLowerCase(Locale.ROOT)) {
                    case "breaking-bad" -> FracturedObjectSet.breakingBadEveryday();
                    case "partnet" -> FracturedObjectSet.partNetSample();
                    default -> throw new IllegalArgumentException("unknown real set: " + real + " (known: breaking-bad, partnet)");
                };
                test = new ArrayList<>();
                int skipped = 0;
                for (FracturedObject o : set.readSplit("val")) {
                    if (o.partCount() < 2 || o.partCount() > m.config().maxParts() || o.partCount() * 20 > points) {
                        System.err.printf(Locale.ROOT, "assembly evaluate: %s skipped (%d parts; the model takes 2 to %d)%n",
                                o.id(), o.partCount(), Math.min(m.config().maxParts(), points / 20));
                        skipped++;
                        continue;
                    }
                    List<TriangleMesh> parts = new ArrayList<>();
                    for (Part p : o.parts()) {
                        parts.add(p.mesh().orElseThrow().withVertices(p.assembledPositions()));
                    }
                    test.add(prep.prepare(o.id(), parts, seed));
                }
                what = String.format(Locale.ROOT, "%s (zero-shot, real fractures or parts): %d objects, %d skipped, %d points",
                        real, test.size(), skipped, points);
            }
            if (test.isEmpty()) {
                throw new IllegalArgumentException("no object to evaluate");
            }
            long start = System.nanoTime();
            List<Assembler.Result> results = Assembler.builder().setModel(m).optSteps(steps).optSeed(seed).build()
                    .assembleAll(test, done -> System.err.printf(Locale.ROOT, "assembly evaluate: %d/%d objects%n", done,
                            test.size()));
            double seconds = (System.nanoTime() - start) / 1e9;
            int maxK = 2;
            for (AssemblyExample e : test) {
                maxK = Math.max(maxK, e.partCount());
            }
            double[] correct = new double[maxK + 1];
            double[] total = new double[maxK + 1];
            List<Double> rot = new ArrayList<>();
            List<Double> trans = new ArrayList<>();
            double shape = 0;
            double[] success = new double[2];
            int partsSeen = 0;
            for (int i = 0; i < test.size(); i++) {
                AssemblyExample e = test.get(i);
                AssemblyResult r = e.evaluate(results.get(i).poses());
                correct[e.partCount()] += r.partAccuracy() * e.partCount();
                total[e.partCount()] += e.partCount();
                for (int p = 0; p < e.partCount(); p++) {
                    rot.add(r.rotationErrorsDegrees()[p]);
                    trans.add(r.translationErrors()[p] * r.translationErrors()[p]);
                }
                double[] rates = r.successRates();
                success[0] += rates[0] * e.partCount();
                success[1] += rates[1] * e.partCount();
                shape += r.shapeChamfer();
                partsSeen += e.partCount();
            }
            double allCorrect = 0;
            double allTotal = 0;
            System.out.println(what);
            for (int k = 2; k <= maxK; k++) {
                if (total[k] > 0) {
                    System.out.printf(Locale.ROOT, "  %d parts: part accuracy %.3f (%d parts)%n", k, correct[k] / total[k],
                            (int) total[k]);
                    allCorrect += correct[k];
                    allTotal += total[k];
                }
            }
            System.out.printf(Locale.ROOT, "part accuracy %.3f | rotation error mean %.1f° | translation RMSE %.4f | shape "
                    + "CD %.5f | success 5°/0.01 %.3f, 10°/0.05 %.3f | %.2f s per object%n", allCorrect / allTotal,
                    rot.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    Math.sqrt(trans.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)),
                    shape / test.size(), success[0] / partsSeen, success[1] / partsSeen, seconds / test.size());
            return 0;
        }
    }
}
