package io.flowkit.cli.bench;

import io.flowkit.assembly.align.TeacherModel;
import io.flowkit.assembly.align.TeacherRecipe;
import io.flowkit.assembly.assemble.Assembler;
import io.flowkit.assembly.assemble.PartAssembler;
import io.flowkit.assembly.bench.AssemblyScore;
import io.flowkit.assembly.bench.AssemblyTestSet;
import io.flowkit.assembly.bench.ConvergenceStudy;
import io.flowkit.assembly.bench.MeshReassembly;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.train.AssemblyRecipe;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.MeshFiles;
import io.flowkit.validation.report.LinePlot;
import io.flowkit.validation.report.ResultTable;
import io.flowkit.validation.report.ShapeView;
import io.flowkit.validation.report.ViewRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code assembly} suite: reassembly of unseen meshes cut into 5 parts by the flow alone, the
 * geometric stage alone and both, through {@code flowkit assemble}'s path; Rectified Point Flow
 * with TORA's alignment: part accuracy, rotation and translation errors on held-out synthetic planar
 * fractures and zero-shot on the real Breaking Bad and PartNet samples; then the convergence study (part accuracy against training steps without
 * alignment and with CKA and cosine alignment). Pictures: one held-out object as given, as
 * assembled and as it should be; the convergence and loss curves.
 */
public final class AssemblySuite implements BenchSuite {

    /** Points per object in the evaluation (the CLI's default). */
    static final int POINTS = 512;

    /** Parts each unseen mesh is cut into for the reassembly table. */
    private static final int PARTS = 5;

    @Override
    public String name() {
        return "assembly";
    }

    /**
     * Runs the suite. Quick: the shipped model, 24 held-out objects, the unseen meshes cut with one
     * seed, PartNet through the point-flow table only, no convergence study (it trains). Full: model
     * and teacher trained from scratch, 48 held-out objects, the unseen meshes with 4 seeds, the
     * convergence study of 3 × 1,500 steps with seeds 0, 1 and 2.
     */
    @Override
    public BenchSection run(BenchContext context) {
        boolean full = context.full();
        long seed = context.seed();
        List<String> seeds = List.of("0", "1", "2");
        long steps = 1500;
        long every = 250;
        int reassemblySeeds = full ? 4 : 1;
        BenchProgress.Task task = context.progress().start(name(), 3 + reassemblySets(full).size() * methods(full).size()
                + (full ? 3 * seeds.size() * (int) (steps / every) : 0));
        List<ResultTable> tables = new ArrayList<>();
        List<String> pictures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> provenance = new ArrayList<>();
        try {
            AssemblyPreparation prep = AssemblyPreparation.builder().optPoints(POINTS).build();
            ResultTable.Builder table = ResultTable.builder().optTitle("assembly: point flow (RPF) with the "
                    + (full ? "model trained in this run" : "shipped model") + ", Euler 50 steps, " + POINTS + " points")
                    .setColumns("test set", "objects", "parts", "part accuracy", "rotation error °", "translation RMSE",
                            "shape CD", "success 5°/0.01", "success 10°/0.05", "s per object")
                    .optDecimals("part accuracy", 3).optDecimals("rotation error °", 1).optDecimals("translation RMSE", 4)
                    .optDecimals("shape CD", 5).optDecimals("success 5°/0.01", 3).optDecimals("success 10°/0.05", 3)
                    .optDecimals("s per object", 2);
            try (AssemblyModel model = loadModel(context)) {
                provenance.add("flow: " + describe(model.provenance()));
                AssemblyTestSet heldOut = AssemblyTestSet.heldOut(prep, full ? 48 : 24, 2, model.config().maxParts(), seed + 1);
                List<Assembler.Result> heldOutResults = score(table, "held-out synthetic", model, heldOut, seed);
                pictures.addAll(pictures(context.folder(), heldOut.examples().get(0), heldOutResults.get(0)));
                task.step("held-out synthetic fractures");
                for (String real : List.of("breaking-bad", "partnet")) {
                    AssemblyTestSet set = AssemblyTestSet.real(real, prep, model.config().maxParts(), seed);
                    if (!set.skipped().isEmpty()) {
                        notes.add(real + ": skipped " + String.join(", ", set.skipped()) + ".");
                    }
                    if (!set.examples().isEmpty()) {
                        score(table, real + " (zero-shot)", model, set, seed);
                    }
                    task.step(real);
                }
            }
            tables.add(reassemblyTable(context, task, reassemblySeeds));
            tables.add(table.optNote("Held out: planar fractures (plane cuts, not physically simulated) of "
                    + SyntheticFractures.HELD_OUT_MESHES + ", meshes never used in training. Part accuracy: share of parts "
                    + "whose Chamfer distance to the truth is below 0.01 after Hungarian matching; errors pooled over parts, in "
                    + "the object's scale.").build());

            if (full) {
                // TORA's convergence study trains three flows from scratch: it belongs to --full (the
                // quick mode uses shipped models only, within its time budget).
                AssemblyPreparation small = AssemblyPreparation.builder().optPoints(256).build();
                List<AssemblyExample> train = SyntheticFractures.make(false, 400, 2, 8, small, 0, done -> {});
                List<AssemblyExample> test = SyntheticFractures.make(true, 24, 2, 8, small, 1, done -> {});
                ConvergenceStudy.Result curves;
                try (TeacherModel teacher = loadTeacher(context)) {
                    provenance.add("teacher: " + describe(teacher.provenance()));
                    curves = ConvergenceStudy.builder().setTeacher(teacher).setTrain(train).setTest(test)
                            .optSeeds(seeds.stream().map(Long::valueOf).toList()).optSteps(steps, every).optThreshold(0.1)
                            .optProgress(task::step).build().run();
                }
                tables.add(convergenceTable(curves, train.size(), test.size(), steps));
                pictures.addAll(curvePictures(context.folder(), curves));
            } else {
                notes.add("TORA's convergence study (three flows trained from scratch, with and without representation "
                        + "alignment) runs with --full, or alone: flowkit assembly convergence.");
            }
            task.finish();
            return new BenchSection(name(), tables, pictures, notes).withProvenance(String.join("; ", provenance))
                    .withPublished(PublishedFigures.assembly());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the assembly data: " + e.getMessage(), e);
        }
    }

    /**
     * The three arms on unseen meshes, as a user meets them (parts scattered, given as meshes to
     * {@link PartAssembler}): the flow alone, the geometric stage alone, and both.
     */
    private static ResultTable reassemblyTable(BenchContext context, BenchProgress.Task task, int seeds)
            throws IOException {
        List<MeshReassembly.Item> items = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Path folder = DataLocation.dataset("meshes/cgal");
        for (String mesh : MeshReassembly.TEST_MESHES) {
            TriangleMesh m = MeshFiles.read(folder.resolve(mesh + ".off"));
            for (int s = 0; s < seeds; s++) {
                try {
                    items.add(MeshReassembly.cut(mesh, m, PARTS, context.seed() + s));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    skipped.add(mesh + " seed " + (context.seed() + s) + " (" + e.getMessage() + ")");
                }
            }
        }
        ResultTable.Builder t = ResultTable.builder()
                .optTitle("assembly: flow, geometry, both, on scattered parts through flowkit assemble's path")
                .setColumns("objects of", "method", "objects", "parts", "part accuracy", "objects all right", "s per object",
                        "confidence, right parts", "confidence, wrong parts", "wrong parts warned")
                .optDecimals("part accuracy", 3).optDecimals("objects all right", 3).optDecimals("s per object", 1)
                .optDecimals("confidence, right parts", 2).optDecimals("confidence, wrong parts", 2)
                .optDecimals("wrong parts warned", 2);
        List<String> realSkipped = new ArrayList<>();
        try (AssemblyModel model = AssemblyModel.loadDefault(context.device())) {
            int maxParts = model.config().maxParts();
            for (String set : reassemblySets(context.full())) {
                List<MeshReassembly.Item> these = set.startsWith("unseen") ? items
                        : MeshReassembly.real(set.substring(0, set.indexOf(' ')), maxParts, context.seed(), realSkipped);
                for (PartAssembler.Method method : methods(context.full())) {
                    PartAssembler.Builder b = PartAssembler.builder().optMethod(method).optSeed(context.seed());
                    if (method != PartAssembler.Method.GEOMETRY) {
                        b.setModel(model);
                    }
                    MeshReassembly.Score s = MeshReassembly.run(these, b.build(), method.name().toLowerCase(Locale.ROOT),
                            done -> {});
                    t.addRow(set, s.method(), s.objects(), s.parts(), s.partAccuracy(), s.objectAccuracy(),
                            s.secondsPerObject(), nanText(s.confidenceCorrect()), nanText(s.confidenceWrong()),
                            nanText(s.lowConfidenceWrong()));
                    task.step(set + ", " + s.method());
                }
            }
        }
        skipped.addAll(realSkipped);
        t.optNote(String.format(Locale.ROOT, "Unseen meshes: %s (never used to train the flow or to choose a setting; the "
                + "geometric stage's settings were chosen on %s), %d seeds each, planar cuts. flow: the shipped flow's first "
                + "sample; geometry: fracture faces registered pairwise and parts joined by contact, %d points; "
                + "flow_and_geometry: 2 flow samples as hypotheses for the geometric stage. Part accuracy: Chamfer distance "
                + "to the truth below 0.01 in the object's unit. Confidence: share of a part's flat faces touching other "
                + "parts; 'warned': share of wrong parts below 0.5, which flowkit assemble reports on stderr. Real samples: "
                + "the validation split's objects of at most 8 parts (the flow's limit), scattered the same way.%s",
                String.join(", ", MeshReassembly.TEST_MESHES), String.join(", ", MeshReassembly.VALIDATION_MESHES), seeds,
                MeshReassembly.POINTS, skipped.isEmpty() ? "" : " Skipped: " + String.join("; ", skipped) + "."));
        if (!context.full()) {
            t.optNote("Quick mode: the geometric stage alone runs only with --full (flowkit assemble's default, "
                    + "flow_and_geometry, reached the same part accuracy as it in every run so far: 0.50 and 0.52 on the "
                    + "unseen meshes, nothing placed on the real fractures), and so do PartNet's objects (flow_and_geometry "
                    + "placed there what the flow alone placed, 0.033 of the parts; the flow on them: the point-flow table).");
        }
        return t.build();
    }

    /**
     * The sets of the reassembly table. PartNet's semantic parts through the geometric stage cost
     * about a minute and placed what the flow alone placed in every run: the quick mode shows the
     * flow on them in the point-flow table only.
     */
    private static List<String> reassemblySets(boolean full) {
        List<String> sets = new ArrayList<>(List.of("unseen meshes, " + PARTS + " parts", "breaking-bad (real fractures)"));
        if (full) {
            sets.add("partnet (semantic parts)");
        }
        return sets;
    }

    /** The reassembly methods a run compares: all three in full mode, the flow and the default path in quick mode. */
    private static List<PartAssembler.Method> methods(boolean full) {
        return full ? List.of(PartAssembler.Method.values())
                : List.of(PartAssembler.Method.FLOW, PartAssembler.Method.FLOW_AND_GEOMETRY);
    }

    private static Object nanText(double value) {
        return Double.isNaN(value) ? "n/a" : (Object) value;
    }

    private static List<Assembler.Result> score(ResultTable.Builder table, String name, AssemblyModel model,
            AssemblyTestSet set, long seed) {
        AssemblyScore.Scored scored = AssemblyScore.assembleAndScore(
                Assembler.builder().setModel(model).optSteps(50).optSeed(seed).build(), set.examples(), done -> {});
        AssemblyScore s = scored.score();
        table.addRow(name, s.objects(), s.parts(), s.partAccuracy(), s.rotationErrorDegrees(), s.translationRmse(),
                s.shapeChamfer(), s.success5(), s.success10(), s.secondsPerObject());
        return scored.results();
    }

    private static ResultTable convergenceTable(ConvergenceStudy.Result curves, int trainObjects, int testObjects, long steps) {
        ResultTable.Builder t = ResultTable.builder().optTitle("assembly: convergence with and without TORA's alignment")
                .setColumns("alignment", "final part accuracy", "final loss", "mean steps to " + curves.threshold(),
                        "ratio to none")
                .optDecimals("final part accuracy", 3).optDecimals("final loss", 4).optDecimals("ratio to none", 2);
        for (String variant : List.of("none", "cka", "cosine")) {
            double mean = curves.meanStepsToThreshold(variant);
            double ratio = curves.ratioToNone(variant);
            t.addRow(variant, curves.finalAccuracy(variant), curves.finalLoss(variant),
                    Double.isNaN(mean) ? "not reached" : (Object) mean,
                    Double.isNaN(ratio) ? "n/a" : (Object) ratio);
        }
        return t.optNote(String.format(Locale.ROOT, "%d training objects, %d held-out objects, 256 points, %d steps per run, "
                + "evaluated with %d Euler steps; alignment weight 0.5 on the middle layer's features against the frozen "
                + "contact teacher. A ratio below 1 is a speed-up.", trainObjects, testObjects, steps,
                ConvergenceStudy.EVALUATION_STEPS)).build();
    }

    private static List<String> curvePictures(Path folder, ConvergenceStudy.Result curves) {
        LinePlot.Builder accuracy = LinePlot.builder().optTitle("assembly: part accuracy on held-out objects")
                .optLabels("training steps", "part accuracy");
        LinePlot.Builder loss = LinePlot.builder().optTitle("assembly: training loss (flow + alignment), mean between evaluations")
                .optLabels("training steps", "loss").optLogY(true);
        curves.curves().forEach((label, points) -> {
            double[] x = new double[points.size()];
            double[] acc = new double[points.size()];
            double[] l = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i)[0];
                acc[i] = points.get(i)[1];
                l[i] = points.get(i)[2];
            }
            accuracy.addSeries(label, x, acc);
            loss.addSeries(label, x, l);
        });
        return List.of(BenchPictures.write(folder, "assembly-convergence.png", accuracy.build()::writePng),
                BenchPictures.write(folder, "assembly-loss.png", loss.build()::writePng));
    }

    private static List<String> pictures(Path folder, AssemblyExample example, Assembler.Result result) {
        List<ShapeView> views = new ArrayList<>();
        for (String state : List.of("input", "assembled", "truth")) {
            String title = switch (state) {
                case "input" -> example.id().split("-")[0] + ": " + example.partCount() + " parts, centred and turned";
                case "assembled" -> "assembled by the point flow";
                default -> "ground truth";
            };
            ShapeView.Builder view = ShapeView.builder().optPointRadius(2).optSize(440, 440).optTitle(title);
            for (int p = 0; p < example.partCount(); p++) {
                double[] points = example.partPoints(p, state.equals("truth"));
                if (state.equals("assembled")) {
                    RigidPose pose = result.poses().get(p);
                    points = pose.apply(points);
                }
                view.addPoints(points, ShapeView.categoryColor(p));
            }
            views.add(view.build());
        }
        String name = "assembly-" + example.id().replaceAll("[^A-Za-z0-9._-]", "-") + ".png";
        return List.of(BenchPictures.write(folder, name, ViewRow.of(views.toArray(ShapeView[]::new))::writePng));
    }

    private static AssemblyModel loadModel(BenchContext context) throws IOException {
        if (!context.full()) {
            return AssemblyModel.loadDefault(context.device());
        }
        return FullTraining.load(context, "assembly", AssemblyModel::load, AssemblyRecipe.builder().optObjects(800)
                .optSteps(8000).optPoints(256).optLearningRate(5e-4).optBlocks(2).optSeed(context.seed()).build());
    }

    private static TeacherModel loadTeacher(BenchContext context) throws IOException {
        if (!context.full()) {
            return TeacherModel.loadDefault();
        }
        return FullTraining.load(context, "assembly-teacher", (folder, device) -> TeacherModel.load(folder),
                TeacherRecipe.builder().optSeed(100 + context.seed()).build());
    }

    private static String describe(io.flowkit.flow.checkpoint.Provenance p) {
        return p == null ? "no provenance" : "trained " + p.step() + " steps, seed " + p.seed() + ", on " + p.dataset();
    }
}
