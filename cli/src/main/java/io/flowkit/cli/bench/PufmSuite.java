package io.flowkit.cli.bench;

import io.flowkit.pointclouds.data.PuProtocol;
import io.flowkit.pointclouds.data.ShapeSample;
import io.flowkit.pointclouds.eval.OfficialShape;
import io.flowkit.pointclouds.eval.PuganOfficial;
import io.flowkit.pointclouds.eval.UpsamplingBaselines;
import io.flowkit.pointclouds.eval.UpsamplingMetrics;
import io.flowkit.pointclouds.eval.UpsamplingReport;
import io.flowkit.pointclouds.model.PufmModel;
import io.flowkit.pointclouds.upsample.Upsampler;
import io.flowkit.validation.report.ResultTable;
import io.flowkit.validation.report.ShapeView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code pufm} suite: the shipped PUFM++ model on the PU-GAN protocol's test meshes (x4 and
 * x16) and on PU-GAN's two official inputs, beside the midpoint-interpolation
 * baseline, PU-GAN's own x4 output and the oracle (an even sample of the true surface); CD, HD, P2F
 * and uniformity, the distance of each method from the oracle, and the upsampling time.
 */
public final class PufmSuite implements BenchSuite {

    private static final String OURS = "PUFM++ (flowkit)";
    private static final String MIDPOINT = "midpoint interpolation";
    private static final String PUGAN = "PU-GAN (official x4 output)";
    private static final String ORACLE = "oracle (FPS of the true surface)";

    private final Path modelFolder;

    /** @param modelFolder a model folder, or {@code null} for the shipped model (quick) or one trained from scratch (full) */
    public PufmSuite(Path modelFolder) {
        this.modelFolder = modelFolder;
    }

    @Override
    public String name() {
        return "pufm";
    }

    @Override
    public String settings() {
        return modelFolder == null ? "" : "model " + modelFolder.toAbsolutePath();
    }

    /**
     * Runs the suite: x4 and x16, with the shipped model ({@code full}: a model trained from scratch
     * by {@code flowkit pointclouds train} with the shipped model's settings), unless a model folder
     * was given.
     */
    @Override
    public BenchSection run(BenchContext context) {
        long seed = context.seed();
        Path folder = context.folder();
        List<ResultTable> tables = new ArrayList<>();
        List<String> pictures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try (PufmModel model = load(context)) {
            List<ShapeSample> test4 = PuProtocol.testSet(4, seed);
            BenchProgress.Task task = context.progress().start(name(), test4.size() * 2 + 2);
            Upsampler upsampler = Upsampler.builder().setModel(model).optSeed(seed).optMergeDuplicates(true).build();
            List<Integer> ratios = List.of(4, 16);
            double[] timing = null;
            for (int ratio : ratios) {
                UpsamplingReport.Builder report = UpsamplingReport.builder().optTitle(
                        "pufm: x" + ratio + " on the PU-GAN test meshes (" + PuProtocol.INPUT_POINTS + " input points)");
                for (ShapeSample shape : ratio == 4 ? test4 : PuProtocol.testSet(ratio, seed)) {
                    long start = System.nanoTime();
                    double[] ours = upsampler.upsample(shape.input(), ratio);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    task.step(String.format(Locale.ROOT, "%s x%d in %.2f s", shape.name(), ratio, seconds));
                    if (ratio == 4) {
                        timing = timing == null ? new double[] {seconds, 1} : new double[] {timing[0] + seconds, timing[1] + 1};
                    }
                    report.add(OURS, shape.name(), UpsamplingMetrics.of(ours, shape, seed));
                    report.add(MIDPOINT, shape.name(),
                            UpsamplingMetrics.of(UpsamplingBaselines.midpoint(shape.input(), ratio), shape, seed));
                    report.add(ORACLE, shape.name(), UpsamplingMetrics.of(
                            UpsamplingBaselines.oracle(shape.mesh(), shape.truth().length / 3, seed), shape, seed));
                    if (ratio == 4 && pictures.isEmpty()) {
                        pictures.add(picture(folder, shape, ours));
                    }
                }
                UpsamplingReport built = report.build();
                tables.add(built.table().toBuilder().optNote("Upsampler: " + upsampler.describe() + "; model: "
                        + provenance(model) + ".").build());
                tables.add(built.relativeTo(ORACLE));
            }
            UpsamplingReport.Builder official = UpsamplingReport.builder()
                    .optTitle("pufm: x4 on PU-GAN's official inputs (same input for every method)");
            for (OfficialShape o : PuganOfficial.loadAll(seed)) {
                ShapeSample shape = o.shape();
                official.add(OURS, shape.name(), UpsamplingMetrics.of(upsampler.upsample(shape.input(), 4), shape, seed));
                official.add(PUGAN, shape.name(), UpsamplingMetrics.of(o.puganX4(), shape, seed));
                official.add(MIDPOINT, shape.name(),
                        UpsamplingMetrics.of(UpsamplingBaselines.midpoint(shape.input(), 4), shape, seed));
                official.add(ORACLE, shape.name(), UpsamplingMetrics.of(
                        UpsamplingBaselines.oracle(shape.mesh(), shape.truth().length / 3, seed), shape, seed));
                task.step("official input " + shape.name());
            }
            task.finish();
            UpsamplingReport builtOfficial = official.build();
            tables.add(builtOfficial.table());
            tables.add(builtOfficial.relativeTo(ORACLE));
            if (timing != null) {
                notes.add(String.format(Locale.ROOT, "Time to upsample %d → %d points (x4): %.2f s on average over %d "
                        + "meshes, %d cores.", PuProtocol.INPUT_POINTS, 4 * PuProtocol.INPUT_POINTS, timing[0] / timing[1],
                        (int) timing[1], Runtime.getRuntime().availableProcessors()));
            }
            return new BenchSection("pufm", tables, pictures, notes).withProvenance(provenance(model))
                    .withPublished(PublishedFigures.pufm());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the point cloud data: " + e.getMessage(), e);
        }
    }

    private PufmModel load(BenchContext context) throws IOException {
        if (modelFolder != null) {
            return PufmModel.load(modelFolder, context.device());
        }
        if (context.full()) {
            return FullTraining.load(context, "pufm", PufmModel::load, "pointclouds", "train", "--steps", "8000",
                    "--refine-steps", "1000", "--patches-per-mesh", "80", "--patches-per-cloud", "40", "--seed",
                    String.valueOf(context.seed()));
        }
        return PufmModel.loadDefault(context.device());
    }

    private static String provenance(PufmModel model) {
        var p = model.provenance();
        if (p == null) {
            return model.source();
        }
        return "trained " + p.step() + " steps, seed " + p.seed() + ", on " + p.dataset();
    }

    private static String picture(Path folder, ShapeSample shape, double[] ours) {
        String name = "pufm-" + shape.name() + ".png";
        return BenchPictures.write(folder, name, ShapeView.builder().addPoints(ours, ShapeView.ORANGE)
                .addPoints(shape.input(), ShapeView.BLUE).optPointRadius(1.5)
                .optTitle(shape.name() + ": input (blue), x4 by PUFM++ (orange)").build()::writePng);
    }
}
