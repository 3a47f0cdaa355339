package io.flowkit.validation.assembly;

import io.flowkit.core.math.LinearAssignment;
import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.FracturedObject;
import io.flowkit.datasets.assembly.Part;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.spatial.NearestNeighbors;
import io.flowkit.validation.internal.Checks;
import io.flowkit.validation.pointcloud.Surface;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of shape assembly (multi-part and fracture reassembly; Sellán et al. 2022, "Breaking
 * Bad"; Sun et al. 2025, "Rectified Point Flow"), for one object whose parts have a predicted and a
 * true rigid pose. With {@code X_i} the points of part i in its own frame, the predicted part is
 * {@code P̂_i = R̂_i X_i + t̂_i} and the true part {@code P_i = R_i X_i + t_i}.
 *
 * <ul>
 *   <li><b>Part accuracy</b>: the cost {@code C_ij = CD(P̂_i, P_j)}, the Chamfer distance as the sum
 *       of the two directional means of squared nearest-neighbour distances, is matched by the
 *       Hungarian method ({@link LinearAssignment}), so interchangeable parts (two identical legs)
 *       may swap; a part is correct when its matched cost is below the threshold (default 0.01, the
 *       Breaking Bad convention for objects in a unit frame). Part accuracy is the correct share.
 *   <li><b>Rotation error</b> of part i: the geodesic angle {@code |log(R̂_iᵀ R_i)|} in degrees
 *       ({@link So3#angle}); reported as the mean and the root mean square over parts.
 *   <li><b>Translation error</b> of part i: the distance between the predicted and true positions of
 *       the part's centroid {@code c_i}, {@code |(R̂_i c_i + t̂_i) − (R_i c_i + t_i)|}; it equals
 *       {@code |t̂_i − t_i|} in the usual centred part frames and does not depend on where a file puts
 *       a part's origin. Reported as the root mean square over parts (RMSE), in the units of the
 *       points.
 *   <li><b>Shape Chamfer distance</b>: the Chamfer distance (same convention) between the union of
 *       the predicted parts and the union of the true parts.
 *   <li><b>Success rates</b>: the share of parts whose rotation error is at most θ degrees and whose
 *       translation error is at most d, for each threshold pair (default 5°/0.01 and 10°/0.05, that
 *       is 5°/1 cm and 10°/5 cm for data in metres).
 * </ul>
 *
 * <p>Errors are measured in the frame of the true assembly as given; no global re-alignment is
 * applied (fix an anchor part before predicting, as the benchmarks do).
 */
public final class AssemblyEvaluation {

    private final double partThreshold;
    private final double[][] successThresholds;
    private final int pointsPerPart;
    private final long seed;

    private AssemblyEvaluation(Builder b) {
        this.partThreshold = b.partThreshold;
        this.successThresholds = b.successThresholds;
        this.pointsPerPart = b.pointsPerPart;
        this.seed = b.seed;
    }

    /** @return a builder with the defaults (threshold 0.01; 5°/0.01 and 10°/0.05; 1,000 points per mesh part) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Evaluates one object with the default settings.
     *
     * @param localParts points of each part in its own frame, interleaved xyz
     * @param predicted predicted pose of each part
     * @param truth true pose of each part
     * @return the metrics
     * @throws IllegalArgumentException on mismatched list sizes or bad point sets
     */
    public static AssemblyResult of(List<double[]> localParts, List<RigidPose> predicted, List<RigidPose> truth) {
        return builder().build().evaluate(localParts, predicted, truth);
    }

    /**
     * Evaluates one object.
     *
     * @param localParts points of each part in its own frame, interleaved xyz
     * @param predicted predicted pose of each part
     * @param truth true pose of each part
     * @return the metrics
     * @throws IllegalArgumentException on mismatched list sizes or bad point sets
     */
    public AssemblyResult evaluate(List<double[]> localParts, List<RigidPose> predicted, List<RigidPose> truth) {
        if (localParts == null || localParts.isEmpty()) {
            throw new IllegalArgumentException("parts are empty");
        }
        int n = localParts.size();
        if (predicted == null || predicted.size() != n) {
            throw new IllegalArgumentException("predicted has " + (predicted == null ? 0 : predicted.size())
                    + " poses, expected one per part: " + n);
        }
        if (truth == null || truth.size() != n) {
            throw new IllegalArgumentException("truth has " + (truth == null ? 0 : truth.size())
                    + " poses, expected one per part: " + n);
        }
        List<double[]> predictedParts = new ArrayList<>();
        List<double[]> trueParts = new ArrayList<>();
        double[] rotationDeg = new double[n];
        double[] translation = new double[n];
        for (int i = 0; i < n; i++) {
            double[] x = localParts.get(i);
            Checks.points3(x, "part " + i);
            predictedParts.add(predicted.get(i).apply(x));
            trueParts.add(truth.get(i).apply(x));
            rotationDeg[i] = Math.toDegrees(So3.angle(predicted.get(i).rotation(), truth.get(i).rotation()));
            double[] c = centroid(x);
            double[] cp = predicted.get(i).apply(c);
            double[] ct = truth.get(i).apply(c);
            translation[i] = Math.sqrt((cp[0] - ct[0]) * (cp[0] - ct[0]) + (cp[1] - ct[1]) * (cp[1] - ct[1])
                    + (cp[2] - ct[2]) * (cp[2] - ct[2]));
        }
        PartMatching matching = PartMatching.of(predictedParts, trueParts, partThreshold);
        double shape = chamfer(concat(predictedParts), concat(trueParts));
        double[] success = new double[successThresholds.length];
        for (int k = 0; k < successThresholds.length; k++) {
            int ok = 0;
            for (int i = 0; i < n; i++) {
                ok += rotationDeg[i] <= successThresholds[k][0] && translation[i] <= successThresholds[k][1] ? 1 : 0;
            }
            success[k] = ok / (double) n;
        }
        return new AssemblyResult(matching, rotationDeg, translation, shape, successThresholds, success);
    }

    /**
     * Evaluates predicted poses of a fractured object's parts against the poses it carries. Mesh
     * parts are sampled uniformly by area in their own frame (seeded); point parts are used as
     * given.
     *
     * @param truth the object with its true poses
     * @param predicted one predicted pose per part, in part order
     * @return the metrics
     * @throws IllegalArgumentException on a size mismatch
     */
    public AssemblyResult evaluate(FracturedObject truth, List<RigidPose> predicted) {
        List<double[]> local = new ArrayList<>();
        List<RigidPose> poses = new ArrayList<>();
        List<Part> parts = truth.parts();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            long partSeed = seed + 31L * i;
            try {
                local.add(part.mesh().filter(m -> m.faceCount() > 0)
                        .map(m -> Surface.of(m).sampleUniform(pointsPerPart, partSeed))
                        .orElseGet(part::localPositions));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("object " + truth.id() + " part " + i + " (" + part.name() + "): "
                        + e.getMessage(), e);
            }
            poses.add(part.pose());
        }
        return evaluate(local, predicted, poses);
    }

    /**
     * The Chamfer distance used here: {@code mean_a min_b |a − b|² + mean_b min_a |a − b|²}.
     *
     * @param a first cloud, interleaved xyz
     * @param b second cloud, interleaved xyz
     * @return the distance in squared units
     */
    static double chamfer(double[] a, double[] b) {
        return chamfer(a, NearestNeighbors.of(a), b, NearestNeighbors.of(b));
    }

    static double chamfer(double[] a, NearestNeighbors aIndex, double[] b, NearestNeighbors bIndex) {
        return meanSquare(bIndex.nearestDistances(a)) + meanSquare(aIndex.nearestDistances(b));
    }

    private static double meanSquare(double[] d) {
        double s = 0;
        for (double x : d) {
            s += x * x;
        }
        return s / d.length;
    }

    private static double[] centroid(double[] x) {
        int n = x.length / 3;
        double[] c = new double[3];
        for (int i = 0; i < n; i++) {
            c[0] += x[3 * i] / n;
            c[1] += x[3 * i + 1] / n;
            c[2] += x[3 * i + 2] / n;
        }
        return c;
    }

    private static double[] concat(List<double[]> parts) {
        int total = 0;
        for (double[] p : parts) {
            total += p.length;
        }
        double[] out = new double[total];
        int o = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Configures an {@link AssemblyEvaluation}; every setting is optional. */
    public static final class Builder {
        private double partThreshold = 0.01;
        private double[][] successThresholds = {{5, 0.01}, {10, 0.05}};
        private int pointsPerPart = 1000;
        private long seed;

        private Builder() {}

        /**
         * The Chamfer threshold below which a part counts as correct (default 0.01).
         *
         * @param value positive, in squared units of the points
         * @return this builder
         */
        public Builder optPartThreshold(double value) {
            this.partThreshold = value;
            return this;
        }

        /**
         * Success thresholds, pairs of (degrees, distance) (default {5, 0.01} and {10, 0.05}).
         *
         * @param pairs one {degrees, distance} pair per success rate
         * @return this builder
         */
        public Builder optSuccessThresholds(double[]... pairs) {
            this.successThresholds = pairs;
            return this;
        }

        /**
         * Points sampled per mesh part (default 1,000).
         *
         * @param count at least 1
         * @return this builder
         */
        public Builder optPointsPerPart(int count) {
            this.pointsPerPart = count;
            return this;
        }

        /**
         * Seed of the sampling on mesh parts (default 0).
         *
         * @param value the seed
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * Validates the settings.
         *
         * @return the evaluation
         * @throws IllegalArgumentException on a non-positive threshold or count, or a malformed pair
         */
        public AssemblyEvaluation build() {
            Checks.positive(partThreshold, "part threshold");
            Checks.atLeast(pointsPerPart, 1, "points per part");
            if (successThresholds == null) {
                throw new IllegalArgumentException("success thresholds are null");
            }
            double[][] copy = new double[successThresholds.length][];
            for (int k = 0; k < copy.length; k++) {
                double[] pair = successThresholds[k];
                if (pair == null || pair.length != 2) {
                    throw new IllegalArgumentException("success threshold " + k + " is not a {degrees, distance} pair");
                }
                Checks.nonNegative(pair[0], "success threshold " + k + " degrees");
                Checks.nonNegative(pair[1], "success threshold " + k + " distance");
                copy[k] = pair.clone();
            }
            Builder b = new Builder();
            b.partThreshold = partThreshold;
            b.successThresholds = copy;
            b.pointsPerPart = pointsPerPart;
            b.seed = seed;
            return new AssemblyEvaluation(b);
        }
    }
}
