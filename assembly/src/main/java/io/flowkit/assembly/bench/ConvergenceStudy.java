package io.flowkit.assembly.bench;

import io.flowkit.assembly.align.RepresentationAlignment;
import io.flowkit.assembly.align.TeacherModel;
import io.flowkit.assembly.assemble.Assembler;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.model.AssemblyConfig;
import io.flowkit.assembly.model.AssemblyModel;
import io.flowkit.assembly.train.AssemblyTraining;
import io.flowkit.flow.train.ProgressListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * TORA's claim measured ("TORA: Topological Representation Alignment for 3D Shape Assembly",
 * 2026): the assembly flow trained with and without representation alignment to a frozen
 * teacher (CKA or cosine), for several seeds; part accuracy on held-out objects every so many steps,
 * and the steps each run needs to first reach a part accuracy.
 */
public final class ConvergenceStudy {

    /** Euler steps of the evaluations during training (fewer than the 50 of a final evaluation). */
    public static final int EVALUATION_STEPS = 20;

    private final TeacherModel teacher;
    private final List<AssemblyExample> train;
    private final List<AssemblyExample> test;
    private final List<String> variants;
    private final List<Long> seeds;
    private final long steps;
    private final long every;
    private final int maxParts;
    private final double threshold;
    private final Consumer<String> progress;

    private ConvergenceStudy(Builder b) {
        this.teacher = b.teacher;
        this.train = b.train;
        this.test = b.test;
        this.variants = b.variants;
        this.seeds = b.seeds;
        this.steps = b.steps;
        this.every = b.every;
        this.maxParts = b.maxParts;
        this.threshold = b.threshold;
        this.progress = b.progress;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of training runs (variants × seeds) */
    public int runs() {
        return variants.size() * seeds.size();
    }

    /** @return the number of evaluations per run */
    public int evaluationsPerRun() {
        return (int) ((steps + every - 1) / every);
    }

    /**
     * Trains every variant with every seed.
     *
     * @return the curves
     */
    public Result run() {
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        for (String variant : variants) {
            boolean aligned = !variant.equals("none");
            for (long seed : seeds) {
                AssemblyConfig config = new AssemblyConfig(maxParts, 64, 4, 2, 6, aligned ? teacher.config().width() : 0);
                List<double[]> curve = new ArrayList<>();
                String label = variant + " seed " + seed;
                Function<AssemblyModel, ProgressListener> listener = model -> new ProgressListener() {
                    private double sum;
                    private int count;

                    @Override
                    public void onStep(long step, long total, double loss, double rate) {
                        sum += loss;
                        count++;
                        if (step % every == 0 || step == total) {
                            double acc = accuracy(model, test);
                            double mean = sum / count;
                            sum = 0;
                            count = 0;
                            curve.add(new double[] {step, acc, mean});
                            progress.accept(String.format(Locale.ROOT, "%s step %d part accuracy %.3f loss %.4f", label,
                                    step, acc, mean));
                        }
                    }
                };
                RepresentationAlignment alignment = aligned
                        ? teacher.alignment(RepresentationAlignment.Kind.parse(variant), 128, seed) : null;
                try (AssemblyTraining.Trained t = AssemblyTraining.train(config, train, "convergence", steps, 8, 5e-4, seed,
                        null, listener, aligned ? "tora-" + variant : null, alignment)) {
                    curves.put(label, curve);
                }
            }
        }
        return new Result(curves, threshold);
    }

    /**
     * Part accuracy of a model on a set, pooled over parts.
     *
     * @param model the model
     * @param test the objects
     * @return the share of parts placed correctly
     */
    public static double accuracy(AssemblyModel model, List<AssemblyExample> test) {
        return AssemblyScore.assembleAndScore(Assembler.builder().setModel(model).optSteps(EVALUATION_STEPS).optSeed(7)
                .build(), test, done -> {}).score().partAccuracy();
    }

    /**
     * The curves of a study.
     *
     * @param curves by run label ({@code variant seed S}): points {step, part accuracy, mean loss of the
     *     steps since the previous point}
     * @param threshold the part accuracy whose first reaching is compared
     */
    public record Result(Map<String, List<double[]>> curves, double threshold) {

        /** Copies the map. */
        public Result {
            curves = Collections.unmodifiableMap(new LinkedHashMap<>(curves));
        }

        /**
         * @param label a run
         * @return the first step at which it reached the threshold, or NaN
         */
        public double stepsToThreshold(String label) {
            for (double[] p : curves.get(label)) {
                if (p[1] >= threshold) {
                    return p[0];
                }
            }
            return Double.NaN;
        }

        /**
         * @param variant {@code none}, {@code cka} or {@code cosine}
         * @return the mean over seeds of the steps to the threshold, NaN if a seed never reached it
         */
        public double meanStepsToThreshold(String variant) {
            double sum = 0;
            int n = 0;
            for (String label : curves.keySet()) {
                if (label.startsWith(variant + " ")) {
                    sum += stepsToThreshold(label);
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        /**
         * @param variant an aligned variant
         * @return its mean steps to the threshold over those without alignment (below 1: faster), NaN if
         *     either never reached it
         */
        public double ratioToNone(String variant) {
            return meanStepsToThreshold(variant) / meanStepsToThreshold("none");
        }

        /**
         * @param variant a variant
         * @return its final part accuracy, averaged over seeds
         */
        public double finalAccuracy(String variant) {
            return finalMean(variant, 1);
        }

        /**
         * @param variant a variant
         * @return its loss over the last evaluation interval, averaged over seeds
         */
        public double finalLoss(String variant) {
            return finalMean(variant, 2);
        }

        private double finalMean(String variant, int column) {
            double sum = 0;
            int n = 0;
            for (Map.Entry<String, List<double[]>> e : curves.entrySet()) {
                if (e.getKey().startsWith(variant + " ") && !e.getValue().isEmpty()) {
                    sum += e.getValue().get(e.getValue().size() - 1)[column];
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }
    }

    /** Builds a {@link ConvergenceStudy}: teacher, training and test objects are required. */
    public static final class Builder {
        private TeacherModel teacher;
        private List<AssemblyExample> train;
        private List<AssemblyExample> test;
        private List<String> variants = List.of("none", "cka", "cosine");
        private List<Long> seeds = List.of(0L, 1L);
        private long steps = 1500;
        private long every = 250;
        private int maxParts = 8;
        private double threshold = 0.5;
        private Consumer<String> progress = line -> {};

        private Builder() {}

        /**
         * @param value the frozen teacher
         * @return this builder
         */
        public Builder setTeacher(TeacherModel value) {
            this.teacher = value;
            return this;
        }

        /**
         * @param value training objects (same point count)
         * @return this builder
         */
        public Builder setTrain(List<AssemblyExample> value) {
            this.train = List.copyOf(value);
            return this;
        }

        /**
         * @param value held-out objects for the evaluations
         * @return this builder
         */
        public Builder setTest(List<AssemblyExample> value) {
            this.test = List.copyOf(value);
            return this;
        }

        /**
         * @param value variants among {@code none}, {@code cka}, {@code cosine} (default all three)
         * @return this builder
         */
        public Builder optVariants(List<String> value) {
            this.variants = value.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
            return this;
        }

        /**
         * @param value seeds (default 0, 1)
         * @return this builder
         */
        public Builder optSeeds(List<Long> value) {
            this.seeds = List.copyOf(value);
            return this;
        }

        /**
         * @param total training steps per run (default 1,500)
         * @param between steps between evaluations (default 250)
         * @return this builder
         */
        public Builder optSteps(long total, long between) {
            this.steps = total;
            this.every = between;
            return this;
        }

        /**
         * @param value most parts of the model (default 8)
         * @return this builder
         */
        public Builder optMaxParts(int value) {
            this.maxParts = value;
            return this;
        }

        /**
         * @param value the part accuracy whose first reaching is compared (default 0.5)
         * @return this builder
         */
        public Builder optThreshold(double value) {
            this.threshold = value;
            return this;
        }

        /**
         * @param value receives a line after each evaluation
         * @return this builder
         */
        public Builder optProgress(Consumer<String> value) {
            this.progress = value;
            return this;
        }

        /**
         * @return the study
         * @throws IllegalArgumentException on a missing or invalid setting
         */
        public ConvergenceStudy build() {
            if (teacher == null || train == null || test == null) {
                throw new IllegalArgumentException("teacher, training and test objects are required");
            }
            if (train.isEmpty() || test.isEmpty()) {
                throw new IllegalArgumentException("training or test objects are empty");
            }
            if (variants.isEmpty() || seeds.isEmpty()) {
                throw new IllegalArgumentException("variants or seeds are empty");
            }
            for (String v : variants) {
                if (!v.equals("none")) {
                    RepresentationAlignment.Kind.parse(v);
                }
            }
            if (steps < 1 || every < 1) {
                throw new IllegalArgumentException("steps and evaluation interval must be positive: " + steps + ", " + every);
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold is not in (0, 1]: " + threshold);
            }
            return new ConvergenceStudy(this);
        }
    }
}
