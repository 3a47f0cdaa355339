package io.flowkit.assembly.geometry;

import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The geometric stage of assembly. It finds each part's flat regions ({@link PlanarRegions}),
 * registers every pair of parts through them ({@link PairwiseRegistration}), and grows a globally
 * consistent assembly from the anchor: at each step it places the unplaced part whose best pose,
 * relative to a placed part, touches all placed parts most (contact area minus interpenetration;
 * {@link Contact}), which builds a spanning tree of the most confident pairs. Pose hypotheses from
 * elsewhere (the flow's samples) compete in the same score.
 *
 * <p>In the spirit of the geometric stages of fracture assembly (Huang et al. 2006, "Reassembling
 * fractured objects by geometric matching"; Lu et al. 2024, "Jigsaw"): fracture-face segmentation,
 * pairwise matching with robust fitting, and a global spanning-tree assembly.
 *
 * <pre>{@code
 * GeometricAssembler.Result r = GeometricAssembler.builder().build().assemble(parts, anchor, List.of());
 * }</pre>
 */
public final class GeometricAssembler {

    /**
     * An assembly: a pose per part (input pose to assembled, the anchor's the identity) and how
     * much each part's placement is supported by contact.
     *
     * @param poses one per part
     * @param confidence per part in [0, 1]: the share of the placing face that touches other
     *     parts (1 for the anchor, 0 for a part placed without any contact)
     * @param source per part, what placed it: {@code anchor}, {@code geometry} or {@code hypothesis}
     */
    public record Result(List<RigidPose> poses, double[] confidence, List<String> source) {
        /** Copies the lists. */
        public Result {
            poses = List.copyOf(poses);
            confidence = confidence.clone();
            source = List.copyOf(source);
        }
    }

    private final double maxAngleDegrees;
    private final double minRegionShare;
    private final double penalty;
    private final PairwiseRegistration registration;

    private GeometricAssembler(Builder b) {
        this.maxAngleDegrees = b.maxAngleDegrees;
        this.minRegionShare = b.minRegionShare;
        this.penalty = b.penalty;
        this.registration = new PairwiseRegistration(b.angleStepDegrees, b.candidatesPerPair, b.penalty, b.maxRimPoints);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Assembles parts with the default settings.
     *
     * @param parts the parts in their input poses
     * @param anchor the part that stays in place
     * @return the assembly
     */
    public static Result assembleParts(List<PartSurface> parts, int anchor) {
        return builder().build().assemble(parts, anchor, List.of());
    }

    /**
     * Assembles parts.
     *
     * @param parts the parts in their input poses, at least 2
     * @param anchor the part that stays in place
     * @param hypotheses whole-object pose hypotheses (one pose per part each), for example the
     *     flow's samples; each part's pose in each hypothesis competes with the geometric candidates
     * @return the assembly
     * @throws IllegalArgumentException with fewer than 2 parts, an anchor out of range or a
     *     hypothesis of the wrong size
     */
    public Result assemble(List<PartSurface> parts, int anchor, List<List<RigidPose>> hypotheses) {
        int k = parts.size();
        if (k < 2) {
            throw new IllegalArgumentException("assembly needs at least 2 parts: " + k);
        }
        if (anchor < 0 || anchor >= k) {
            throw new IllegalArgumentException("anchor is not a part: " + anchor + " of " + k);
        }
        for (List<RigidPose> h : hypotheses) {
            if (h.size() != k) {
                throw new IllegalArgumentException("a hypothesis has " + h.size() + " poses for " + k + " parts");
            }
        }
        List<List<PlanarRegion>> regions = new ArrayList<>();
        for (PartSurface p : parts) {
            regions.add(PlanarRegions.detect(p, maxAngleDegrees, minRegionShare));
        }
        // Candidates of part q relative to part p, for p < q registered once and inverted for p > q.
        List<List<List<PairwiseRegistration.Candidate>>> pairs = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            List<List<PairwiseRegistration.Candidate>> row = new ArrayList<>();
            for (int q = 0; q < k; q++) {
                row.add(List.of());
            }
            pairs.add(row);
        }
        for (int p = 0; p < k; p++) {
            for (int q = p + 1; q < k; q++) {
                List<PairwiseRegistration.Candidate> c = registration.register(parts.get(p), regions.get(p), parts.get(q),
                        regions.get(q));
                pairs.get(p).set(q, c);
                List<PairwiseRegistration.Candidate> inverse = new ArrayList<>();
                for (PairwiseRegistration.Candidate x : c) {
                    inverse.add(new PairwiseRegistration.Candidate(x.movingToFixed().inverse(), x.score(), x.movingRegion(),
                            x.fixedRegion()));
                }
                pairs.get(q).set(p, inverse);
            }
        }
        RigidPose[] placed = new RigidPose[k];
        double[] placingArea = new double[k];
        String[] source = new String[k];
        placed[anchor] = RigidPose.identity();
        source[anchor] = "anchor";
        for (int round = 1; round < k; round++) {
            double bestScore = Double.NEGATIVE_INFINITY;
            int bestPart = -1;
            RigidPose bestPose = null;
            double bestArea = 0;
            String bestSource = null;
            for (int q = 0; q < k; q++) {
                if (placed[q] != null) {
                    continue;
                }
                for (int p = 0; p < k; p++) {
                    if (placed[p] == null) {
                        continue;
                    }
                    for (PairwiseRegistration.Candidate c : pairs.get(p).get(q)) {
                        RigidPose g = compose(placed[p], c.movingToFixed());
                        double s = score(parts, placed, q, g);
                        if (s > bestScore) {
                            bestScore = s;
                            bestPart = q;
                            bestPose = g;
                            bestArea = regions.get(q).get(c.movingRegion()).area();
                            bestSource = "geometry";
                        }
                    }
                }
                for (List<RigidPose> h : hypotheses) {
                    // A hypothesis is relative to its own anchor pose; bring it to ours.
                    RigidPose g = compose(h.get(anchor).inverse(), h.get(q));
                    double s = score(parts, placed, q, g);
                    if (s > bestScore) {
                        bestScore = s;
                        bestPart = q;
                        bestPose = g;
                        bestArea = regions.get(q).isEmpty() ? 0 : regions.get(q).get(0).area();
                        bestSource = "hypothesis";
                    }
                }
            }
            if (bestPart < 0) {
                // No candidate at all (no flat regions, no hypotheses): leave the rest in place.
                for (int q = 0; q < k; q++) {
                    if (placed[q] == null) {
                        placed[q] = RigidPose.identity();
                        source[q] = "none";
                    }
                }
                break;
            }
            placed[bestPart] = bestPose;
            placingArea[bestPart] = bestArea;
            source[bestPart] = bestSource;
        }
        double[] confidence = new double[k];
        for (int q = 0; q < k; q++) {
            if (q == anchor) {
                confidence[q] = 1;
                continue;
            }
            double contact = touching(parts, placed, q, placed[q]).contactArea();
            confidence[q] = placingArea[q] > 0 ? Math.min(1, contact / placingArea[q]) : 0;
        }
        return new Result(Arrays.asList(placed), confidence, Arrays.asList(source));
    }

    /** Contact of part q, posed at g, with every placed part, minus the interpenetration penalty. */
    private double score(List<PartSurface> parts, RigidPose[] placed, int q, RigidPose g) {
        return touching(parts, placed, q, g).score(penalty);
    }

    /** The contact of part q, posed at g, with every other placed part, summed. */
    private static Contact touching(List<PartSurface> parts, RigidPose[] placed, int q, RigidPose g) {
        double contact = 0;
        double inside = 0;
        for (int p = 0; p < parts.size(); p++) {
            if (p == q || placed[p] == null) {
                continue;
            }
            Contact c = Contact.measure(parts.get(p), parts.get(q), compose(placed[p].inverse(), g),
                    PairwiseRegistration.tolerance(parts.get(p), parts.get(q)));
            contact += c.contactArea();
            inside += c.insideArea();
        }
        return new Contact(contact, inside);
    }

    /** {@code a ∘ b}: b first, then a. */
    static RigidPose compose(RigidPose a, RigidPose b) {
        double[] r = So3.multiply(a.rotation(), b.rotation());
        double[] t = a.apply(b.translation());
        return RigidPose.of(PairwiseRegistration.orthonormalise(r), t);
    }

    /** Configures a {@link GeometricAssembler}. */
    public static final class Builder {
        private double maxAngleDegrees = 4;
        private double minRegionShare = 0.02;
        private double angleStepDegrees = 5;
        private int candidatesPerPair = 6;
        private double penalty = 2;
        private int maxRimPoints = 96;

        private Builder() {}

        /**
         * @param value largest angle between normals within one flat region, degrees (default 4)
         * @return this builder
         */
        public Builder optMaxAngle(double value) {
            maxAngleDegrees = value;
            return this;
        }

        /**
         * @param value smallest flat region kept, as a share of the part's points (default 0.02)
         * @return this builder
         */
        public Builder optMinRegionShare(double value) {
            minRegionShare = value;
            return this;
        }

        /**
         * @param value step of the in-plane rotation search, degrees (default 5)
         * @return this builder
         */
        public Builder optAngleStep(double value) {
            angleStepDegrees = value;
            return this;
        }

        /**
         * @param value candidate poses kept per pair of parts (default 6)
         * @return this builder
         */
        public Builder optCandidatesPerPair(int value) {
            candidatesPerPair = value;
            return this;
        }

        /**
         * @param value weight of interpenetration against contact area (default 2)
         * @return this builder
         */
        public Builder optPenalty(double value) {
            penalty = value;
            return this;
        }

        /**
         * @param value most rim points per region in the rotation–translation vote (default 96)
         * @return this builder
         */
        public Builder optMaxRimPoints(int value) {
            maxRimPoints = value;
            return this;
        }

        /**
         * @return the assembler
         * @throws IllegalArgumentException for a setting out of range
         */
        public GeometricAssembler build() {
            if (!(maxAngleDegrees > 0 && maxAngleDegrees < 90)) {
                throw new IllegalArgumentException("max angle is not in (0, 90) degrees: " + maxAngleDegrees);
            }
            if (!(minRegionShare > 0 && minRegionShare < 1)) {
                throw new IllegalArgumentException("min region share is not in (0, 1): " + minRegionShare);
            }
            if (!(angleStepDegrees > 0 && angleStepDegrees <= 45)) {
                throw new IllegalArgumentException("angle step is not in (0, 45] degrees: " + angleStepDegrees);
            }
            if (candidatesPerPair < 1) {
                throw new IllegalArgumentException("candidates per pair is not positive: " + candidatesPerPair);
            }
            if (!(penalty >= 0) || Double.isInfinite(penalty)) {
                throw new IllegalArgumentException("penalty is not a finite non-negative number: " + penalty);
            }
            if (maxRimPoints < 8) {
                throw new IllegalArgumentException("max rim points is below 8: " + maxRimPoints);
            }
            return new GeometricAssembler(this);
        }
    }
}
