package io.flowkit.assembly.bench;

import io.flowkit.assembly.assemble.Assembler;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.validation.assembly.AssemblyResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The scores of a model on a set of objects, pooled over parts as in RPF: part accuracy (Hungarian
 * matching, Chamfer below 0.01), mean rotation error, translation RMSE, mean shape Chamfer, and
 * the success rates at 5°/0.01 and 10°/0.05 (object scale).
 *
 * @param objects objects assembled
 * @param parts parts over all objects
 * @param partAccuracy share of parts placed correctly
 * @param byPartCount part accuracy by the number of parts of the object
 * @param rotationErrorDegrees mean rotation error over parts, degrees
 * @param translationRmse root mean square translation error over parts, object scale
 * @param shapeChamfer mean shape Chamfer distance over objects
 * @param success5 share of parts within 5° and 0.01
 * @param success10 share of parts within 10° and 0.05
 * @param secondsPerObject assembly time per object
 */
public record AssemblyScore(int objects, int parts, double partAccuracy, Map<Integer, Double> byPartCount,
        double rotationErrorDegrees, double translationRmse, double shapeChamfer, double success5, double success10,
        double secondsPerObject) {

    /** Copies the map. */
    public AssemblyScore {
        byPartCount = Collections.unmodifiableMap(new LinkedHashMap<>(byPartCount));
    }

    /**
     * Assembled objects with their scores.
     *
     * @param results the assembler's results, in the order of the objects
     * @param score their scores, with the assembly time
     */
    public record Scored(List<Assembler.Result> results, AssemblyScore score) {}

    /**
     * Assembles objects, timing it, and scores them.
     *
     * @param assembler the assembler
     * @param examples the objects with their true poses
     * @param progress receives the number of finished objects
     * @return the results and the scores
     * @throws IllegalArgumentException if there are no objects
     */
    public static Scored assembleAndScore(Assembler assembler, List<AssemblyExample> examples, IntConsumer progress) {
        long start = System.nanoTime();
        List<Assembler.Result> results = assembler.assembleAll(examples, progress);
        return new Scored(results, of(examples, results, (System.nanoTime() - start) / 1e9));
    }

    /**
     * Scores assembled objects.
     *
     * @param examples the objects with their true poses
     * @param results the assembler's results, in the same order
     * @param seconds the time the assembly took in all
     * @return the scores
     * @throws IllegalArgumentException if the lists differ in length or are empty
     */
    public static AssemblyScore of(List<AssemblyExample> examples, List<Assembler.Result> results, double seconds) {
        if (examples.isEmpty() || examples.size() != results.size()) {
            throw new IllegalArgumentException("examples and results do not match: " + examples.size() + " and "
                    + results.size());
        }
        Map<Integer, double[]> byK = new java.util.TreeMap<>();
        List<Double> rotation = new ArrayList<>();
        double squaredTranslation = 0;
        double shape = 0;
        double s5 = 0;
        double s10 = 0;
        int parts = 0;
        double correct = 0;
        for (int i = 0; i < examples.size(); i++) {
            AssemblyExample e = examples.get(i);
            AssemblyResult r = e.evaluate(results.get(i).poses());
            int k = e.partCount();
            double[] acc = byK.computeIfAbsent(k, key -> new double[2]);
            acc[0] += r.partAccuracy() * k;
            acc[1] += k;
            correct += r.partAccuracy() * k;
            for (int p = 0; p < k; p++) {
                rotation.add(r.rotationErrorsDegrees()[p]);
                squaredTranslation += r.translationErrors()[p] * r.translationErrors()[p];
            }
            double[] rates = r.successRates();
            s5 += rates[0] * k;
            s10 += rates[1] * k;
            shape += r.shapeChamfer();
            parts += k;
        }
        Map<Integer, Double> accuracy = new LinkedHashMap<>();
        byK.forEach((k, a) -> accuracy.put(k, a[0] / a[1]));
        return new AssemblyScore(examples.size(), parts, correct / parts, accuracy,
                rotation.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                Math.sqrt(squaredTranslation / parts), shape / examples.size(), s5 / parts, s10 / parts,
                seconds / examples.size());
    }

    /** @return the scores on one line */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "part accuracy %.3f | rotation error mean %.1f° | translation RMSE %.4f | shape "
                + "CD %.5f | success 5°/0.01 %.3f, 10°/0.05 %.3f | %.2f s per object", partAccuracy, rotationErrorDegrees,
                translationRmse, shapeChamfer, success5, success10, secondsPerObject);
    }
}
