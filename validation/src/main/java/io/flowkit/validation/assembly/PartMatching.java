package io.flowkit.validation.assembly;

import io.flowkit.core.math.LinearAssignment;
import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.validation.internal.Checks;
import java.util.List;

/**
 * The Hungarian matching of predicted parts to true parts by Chamfer distance, and the part
 * accuracy that follows: a predicted part is correct when the Chamfer distance to its matched true
 * part is below a threshold. See {@link AssemblyEvaluation} for the conventions.
 */
public final class PartMatching {

    private final int[] trueOfPredicted;
    private final double[] matchedChamfer;
    private final double threshold;

    private PartMatching(int[] trueOfPredicted, double[] matchedChamfer, double threshold) {
        this.trueOfPredicted = trueOfPredicted;
        this.matchedChamfer = matchedChamfer;
        this.threshold = threshold;
    }

    /**
     * Matches assembled predicted parts to assembled true parts.
     *
     * @param predictedParts predicted parts in the assembled frame, interleaved xyz
     * @param trueParts true parts in the assembled frame, same count
     * @param threshold the Chamfer threshold of a correct part (0.01 in Breaking Bad)
     * @return the matching
     * @throws IllegalArgumentException on empty or mismatched lists, bad clouds or threshold
     */
    public static PartMatching of(List<double[]> predictedParts, List<double[]> trueParts, double threshold) {
        Checks.positive(threshold, "threshold");
        if (predictedParts == null || predictedParts.isEmpty()) {
            throw new IllegalArgumentException("predicted parts are empty");
        }
        if (trueParts == null || trueParts.size() != predictedParts.size()) {
            throw new IllegalArgumentException("true parts has " + (trueParts == null ? 0 : trueParts.size())
                    + " parts but predicted has " + predictedParts.size());
        }
        int n = predictedParts.size();
        NearestNeighbors[] pIndex = new NearestNeighbors[n];
        NearestNeighbors[] tIndex = new NearestNeighbors[n];
        for (int i = 0; i < n; i++) {
            Checks.points3(predictedParts.get(i), "predicted part " + i);
            Checks.points3(trueParts.get(i), "true part " + i);
            pIndex[i] = NearestNeighbors.of(predictedParts.get(i));
            tIndex[i] = NearestNeighbors.of(trueParts.get(i));
        }
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = AssemblyEvaluation.chamfer(predictedParts.get(i), pIndex[i], trueParts.get(j), tIndex[j]);
            }
        }
        int[] match = LinearAssignment.minimize(cost);
        double[] matched = new double[n];
        for (int i = 0; i < n; i++) {
            matched[i] = cost[i][match[i]];
        }
        return new PartMatching(match, matched, threshold);
    }

    /** @return for each predicted part, the index of its matched true part */
    public int[] trueOfPredicted() {
        return trueOfPredicted.clone();
    }

    /** @return for each predicted part, the Chamfer distance to its matched true part */
    public double[] matchedChamfer() {
        return matchedChamfer.clone();
    }

    /** @return for each predicted part, whether its matched Chamfer distance is below the threshold */
    public boolean[] correct() {
        boolean[] out = new boolean[matchedChamfer.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = matchedChamfer[i] < threshold;
        }
        return out;
    }

    /** @return the share of correct parts, in [0, 1] */
    public double partAccuracy() {
        int ok = 0;
        for (boolean c : correct()) {
            ok += c ? 1 : 0;
        }
        return ok / (double) matchedChamfer.length;
    }

    /** @return the Chamfer threshold of a correct part */
    public double threshold() {
        return threshold;
    }
}
