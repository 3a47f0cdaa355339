package io.flowkit.cli.bench;

import io.flowkit.flow.bench.Toy2dBenchmark;
import io.flowkit.flow.coupling.Coupling;
import io.flowkit.flow.toy.Toy2d;
import io.flowkit.flow.train.ProgressListener;
import io.flowkit.validation.distribution.EnergyDistance;
import io.flowkit.validation.distribution.Mmd;
import io.flowkit.validation.report.LinePlot;
import io.flowkit.validation.report.ResultTable;
import io.flowkit.validation.report.ScatterGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code toy2d} suite: {@link Toy2dBenchmark} on the standard problems and couplings, scored
 * by the energy distance (and MMD with Gaussian kernels), with a scatter plot of generated against
 * held-out samples and plots of distance against Euler steps.
 */
public final class Toy2dSuite implements BenchSuite {

    /** Bandwidths of the MMD's sum of Gaussian kernels, in the data's units. */
    static final double[] MMD_BANDWIDTHS = {0.5, 1, 2};

    private final List<Coupling> couplings;
    private final List<Toy2dBenchmark.Problem> problems;

    /**
     * @param couplingNames coupling names ({@link Coupling#byName}); empty for the standard ones
     * @param problemNames problems as {@code source-target} (e.g. {@code gaussian-moons}); empty for the standard ones
     * @throws IllegalArgumentException on an unknown coupling or distribution name
     */
    public Toy2dSuite(List<String> couplingNames, List<String> problemNames) {
        this.couplings = couplingNames.isEmpty() ? Toy2dBenchmark.standardCouplings()
                : couplingNames.stream().map(Coupling::byName).toList();
        this.problems = problemNames.isEmpty() ? Toy2dBenchmark.standardProblems()
                : problemNames.stream().map(Toy2dSuite::problem).toList();
    }

    private static Toy2dBenchmark.Problem problem(String name) {
        String[] parts = name.split("-", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a problem is written source-target, e.g. gaussian-moons: " + name);
        }
        return new Toy2dBenchmark.Problem(Toy2d.byName(parts[0]), Toy2d.byName(parts[1]));
    }

    @Override
    public String name() {
        return "toy2d";
    }

    @Override
    public String settings() {
        return couplings.stream().map(Coupling::name).toList() + " " + problems.stream().map(Toy2dBenchmark.Problem::name).toList();
    }

    /** Runs the suite ({@code full}: 10,000 training steps and 5,000 evaluation samples) and draws its pictures. */
    @Override
    public BenchSection run(BenchContext context) {
        long seed = context.seed();
        boolean full = context.full();
        Path folder = context.folder();
        BenchProgress.Task task = context.progress().start(name(), problems.size() * couplings.size());
        Toy2dBenchmark benchmark = Toy2dBenchmark.builder().setSeed(seed)
                .setDistance((a, b) -> EnergyDistance.between(rows(a), rows(b)))
                .optTrainSteps(full ? 10_000 : 1000).optEvalSamples(full ? 5000 : 2000).build();
        Mmd mmd = Mmd.builder().optBandwidths(MMD_BANDWIDTHS).build();
        ResultTable.Builder table = ResultTable.builder().optTitle("toy2d: couplings, solvers and time grids")
                .setColumns("problem", "coupling", "ED", "MMD²", "ED noise", "NFE dopri5", "NFE euler", "NFE boss",
                        "excess length", "train steps/s", "loss", "Mpts·steps/s")
                .optDecimals("excess length", 3).optDecimals("train steps/s", 0).optDecimals("loss", 3)
                .optDecimals("Mpts·steps/s", 2);
        ScatterGrid.Builder scatter = ScatterGrid.builder().optColumns(couplings.size())
                .optSeriesNames("held-out data", "generated (dopri5)").optRange(-8, 8, -8, 8);
        List<String> pictures = new ArrayList<>();
        for (Toy2dBenchmark.Problem problem : problems) {
            LinePlot.Builder curve = LinePlot.builder().optTitle("energy distance vs Euler steps: " + problem.name())
                    .optLabels("Euler steps (NFE)", "energy distance to held-out data").optLogY(true).optLogX(2);
            for (Coupling coupling : couplings) {
                Toy2dBenchmark.Result r = benchmark.run(problem, coupling, ProgressListener.silent());
                task.step(problem.name() + " " + coupling.name());
                double mmd2 = mmd.compute(rows(r.generated()), rows(r.heldOut())).squared();
                table.addRow(r.problem(), r.coupling(), r.referenceDistance(), mmd2, r.noiseFloor(), r.referenceNfe(),
                        nfe(r.nfeUniform()), nfe(r.nfeBoss()), r.excessLength(), r.trainSteps() / r.trainSeconds(),
                        r.finalLoss(), r.pointsPerSecond() / 1e6);
                scatter.addPanel(problem.name() + " " + coupling.name(), rows(r.heldOut()), rows(r.generated()));
                double[] x = new double[r.steps().length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = r.steps()[i];
                }
                curve.addSeries(coupling.name() + " uniform", x, r.eulerDistance());
                curve.addCompanion(coupling.name() + " BOSS", x, r.bossDistance());
            }
            String name = "toy2d-steps-" + problem.name().replace("->", "-to-") + ".png";
            pictures.add(BenchPictures.write(folder, name, curve.build()::writePng));
        }
        pictures.add(0, BenchPictures.write(folder, "toy2d-samples.png", scatter.build()::writePng));
        table.optNote("ED: energy distance (V-statistic) between " + (full ? 5000 : 2000)
                + " generated (Dopri5, atol = rtol = 1e-5) and as many held-out samples; ED noise: the same between two "
                + "held-out sets, the sampling noise.")
                .optNote("MMD²: unbiased estimate with the sum of Gaussian kernels of bandwidths 0.5, 1 and 2.")
                .optNote("NFE euler / boss: fewest Euler evaluations (of 1, 2, 4, ..., 128) on uniform / Bellman-optimal "
                        + "(BOSS, 128-step reference) grids whose ED is within the noise of the Dopri5 reference; '>128' if none.")
                .optNote("excess length: mean path length over end-to-end distance minus 1 (RK4, 32 steps); 0 is straight.")
                .optNote("weighted:ε reweights independent pairs by exp(-|x0-x1|²/(ε·mean)); it tilts the learned "
                        + "marginals (with ε = 1 the moons ED rose to 0.116 in our runs), so the default ε = 3 trades straightness for fidelity.")
                .optNote("Setting: " + benchmark.describe() + ".")
                .optMetadata("seed", seed).optMetadata("cores", Runtime.getRuntime().availableProcessors());
        task.finish();
        return new BenchSection("toy2d", List.of(table.build()), pictures, List.of());
    }

    private static Object nfe(int value) {
        return value < 0 ? ">128" : (Object) value;
    }

    /** Interleaved {@code x, y} values as rows. */
    static double[][] rows(float[] interleaved) {
        double[][] out = new double[interleaved.length / 2][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {interleaved[2 * i], interleaved[2 * i + 1]};
        }
        return out;
    }
}
