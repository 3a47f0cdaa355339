package io.flowkit.assembly.geometry;

import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The geometric stage of assembly. It finds each part's flat regions ({@link PlanarRegions}),
 * registers pairs of parts through them ({@link PairwiseRegistration}), and joins parts into
 * ever larger rigid clusters ({@link Cluster}) by a beam search: each step joins two clusters at
 * one of their registered poses, scored by how they touch (contact area minus interpenetration and
 * steps; {@link Contact}); the few best sets of clusters by their summed score go on. A joined
 * cluster is registered again as one part: the faces its parts kept from an earlier cut through
 * both merge into one, as whole as the cut left it, which makes the next match less ambiguous than
 * matching the pieces of a face one by one. Pose hypotheses from elsewhere (the flow's samples)
 * propose relative poses for every pair of clusters and compete in the same score.
 *
 * <p>In the spirit of the geometric stages of fracture assembly (Huang et al. 2006, "Reassembling
 * fractured objects by geometric matching": fracture-face segmentation, pairwise matching with
 * robust fitting, and merging of matched pieces; Lu et al. 2024, "Jigsaw": a global assembly from
 * pairwise matches).
 *
 * <pre>{@code
 * GeometricAssembler.Result r = GeometricAssembler.assembleParts(parts, anchor);
 * }</pre>
 */
public final class GeometricAssembler {

    /**
     * An assembly: a pose per part (input pose to assembled, the anchor's the identity) and how
     * much each part's placement is supported by contact.
     *
     * @param poses one per part
     * @param confidence per part in [0, 1]: the share of its flat faces (its candidate fracture
     *     faces) that touches other parts (1 for the anchor, 0 for a part left unplaced)
     * @param source per part, what placed it: {@code anchor}, {@code geometry}, {@code hypothesis},
     *     or {@code none} for a part nothing joined to the anchor (left where it was)
     */
    public record Result(List<RigidPose> poses, double[] confidence, List<String> source) {
        /** Copies the lists. */
        public Result {
            poses = List.copyOf(poses);
            confidence = confidence.clone();
            source = List.copyOf(source);
        }

        /** @return a copy of the per-part confidence */
        @Override
        public double[] confidence() {
            return confidence.clone();
        }
    }

    private final double maxAngleDegrees;
    private final double minRegionShare;
    private final double penalty;
    private final double stepPenalty;
    private final int beamWidth;
    private final int maxRegions;
    private final PairwiseRegistration registration;

    private GeometricAssembler(Builder b) {
        this.maxAngleDegrees = b.maxAngleDegrees;
        this.minRegionShare = b.minRegionShare;
        this.penalty = b.penalty;
        this.stepPenalty = b.stepPenalty;
        this.beamWidth = b.beamWidth;
        this.maxRegions = b.maxRegions;
        this.registration = new PairwiseRegistration(b.angleStepDegrees, b.candidatesPerPair, b.penalty, b.stepPenalty,
                b.maxRimPoints);
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
     *     flow's samples; each proposes the relative pose of every pair of clusters, in competition
     *     with the registered ones
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
        List<Cluster> singles = new ArrayList<>();
        for (int q = 0; q < k; q++) {
            singles.add(Cluster.of(q, k, parts.get(q), this::detect, maxRegions));
        }
        Map<List<Cluster>, List<PairwiseRegistration.Candidate>> cache = new HashMap<>();
        List<JoinState> beam = List.of(JoinState.start(singles, anchor));
        double spacing = singles.get(0).surface().spacing();
        while (beam.get(0).clusters().size() > 1) {
            register(beam, cache, hypotheses);
            List<JoinState> next = new ArrayList<>();
            for (JoinState state : beam) {
                List<Cluster> cs = state.clusters();
                for (int i = 0; i < cs.size(); i++) {
                    for (int j = i + 1; j < cs.size(); j++) {
                        for (PairwiseRegistration.Candidate c : cache.get(List.of(cs.get(i), cs.get(j)))) {
                            insert(next, state.child(i, j, c), spacing);
                        }
                    }
                }
            }
            if (next.isEmpty()) {
                break;
            }
            next.parallelStream().forEach(JoinState::realise);
            beam = next;
        }
        JoinState best = beam.get(0);
        Cluster main = null;
        for (Cluster c : best.clusters()) {
            if (c.contains(anchor)) {
                main = c;
            }
        }
        RigidPose[] placed = new RigidPose[k];
        String[] source = best.source();
        RigidPose toAnchor = main.pose(anchor).inverse();
        for (int q = 0; q < k; q++) {
            // A part that nothing joined to the anchor (no flat regions, no hypotheses) stays put.
            placed[q] = main.contains(q) ? compose(toAnchor, main.pose(q)) : RigidPose.identity();
            source[q] = main.contains(q) ? source[q] : "none";
        }
        List<PartSurface> marked = new ArrayList<>();
        for (Cluster c : singles) {
            marked.add(c.surface());
        }
        double[] confidence = confidenceOfMarked(marked, anchor, Arrays.asList(placed));
        for (int q = 0; q < k; q++) {
            if (!main.contains(q)) {
                confidence[q] = 0;
            }
        }
        return new Result(Arrays.asList(placed), confidence, Arrays.asList(source));
    }

    /**
     * How much each part's placement is supported by contact: the share of its flat faces (its
     * candidate fracture faces) that touches the other parts, posed; 1 for the anchor. Serves any
     * assembly, the flow's too.
     *
     * @param parts the parts in their input poses
     * @param anchor the part that stays in place
     * @param poses one pose per part, input to assembled
     * @return per part, in [0, 1]
     */
    public double[] confidence(List<PartSurface> parts, int anchor, List<RigidPose> poses) {
        return confidenceOfMarked(marked(parts), anchor, poses);
    }

    /** {@link #confidence} of parts whose flat regions are marked already. */
    private static double[] confidenceOfMarked(List<PartSurface> marked, int anchor, List<RigidPose> poses) {
        int k = marked.size();
        double[] confidence = new double[k];
        for (int q = 0; q < k; q++) {
            PartSurface part = marked.get(q);
            int flatPoints = 0;
            for (int i = 0; i < part.size(); i++) {
                flatPoints += part.flat(i) ? 1 : 0;
            }
            double flat = flatPoints * part.areaPerPoint();
            Contact sum = new Contact(0, 0, 0);
            for (int p = 0; p < k; p++) {
                if (p != q) {
                    sum = sum.plus(pairContact(marked, poses, p, q));
                }
            }
            confidence[q] = q == anchor ? 1 : flat > 0 ? Math.min(1, sum.contactArea() / flat) : 0;
        }
        return confidence;
    }

    /** The contact of posed parts p and q (their flat regions marked). */
    private static Contact pairContact(List<PartSurface> marked, List<RigidPose> poses, int p, int q) {
        PartSurface a = marked.get(p);
        PartSurface b = marked.get(q);
        return Contact.measure(a, b, compose(poses.get(p).inverse(), poses.get(q)), PairwiseRegistration.tolerance(a, b));
    }

    /** The parts with their flat regions marked. */
    private List<PartSurface> marked(List<PartSurface> parts) {
        List<PartSurface> marked = new ArrayList<>();
        for (PartSurface p : parts) {
            marked.add(p.withFlatRegions(detect(p)));
        }
        return marked;
    }

    /**
     * Registers the pairs of clusters of the beam not seen before, in parallel (each registration
     * is pure), and adds each hypothesis's relative pose of the pair as a candidate.
     */
    private void register(List<JoinState> beam, Map<List<Cluster>, List<PairwiseRegistration.Candidate>> cache,
            List<List<RigidPose>> hypotheses) {
        List<List<Cluster>> missing = new ArrayList<>();
        for (JoinState state : beam) {
            List<Cluster> cs = state.clusters();
            for (int i = 0; i < cs.size(); i++) {
                for (int j = i + 1; j < cs.size(); j++) {
                    List<Cluster> key = List.of(cs.get(i), cs.get(j));
                    if (!cache.containsKey(key) && !missing.contains(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        List<List<PairwiseRegistration.Candidate>> found = missing.parallelStream().map(key -> {
            Cluster a = key.get(0);
            Cluster b = key.get(1);
            List<PairwiseRegistration.Candidate> c = new ArrayList<>(registration.register(a.surface(), a.regions(),
                    b.surface(), b.regions()));
            double tolerance = PairwiseRegistration.tolerance(a.surface(), b.surface());
            for (List<RigidPose> h : hypotheses) {
                int pa = a.parts()[0];
                int pb = b.parts()[0];
                // b's frame -> pb's input -> assembled (h) -> pa's input -> a's frame
                RigidPose g = compose(a.pose(pa), compose(h.get(pa).inverse(), compose(h.get(pb), b.pose(pb).inverse())));
                double score = score(Contact.measure(a.surface(), b.surface(), g, tolerance));
                c.add(new PairwiseRegistration.Candidate(g, score, -1, -1));
            }
            c.sort(Comparator.comparingDouble(PairwiseRegistration.Candidate::score).reversed());
            return c;
        }).toList();
        for (int m = 0; m < missing.size(); m++) {
            cache.put(missing.get(m), found.get(m));
        }
    }

    /**
     * Adds a state to the next beam, kept sorted best first and at most {@code beamWidth} long; a
     * state that is the same assembly as a better one is dropped.
     */
    private void insert(List<JoinState> beam, JoinState candidate, double spacing) {
        for (int i = 0; i < beam.size(); i++) {
            JoinState other = beam.get(i);
            if (other.same(candidate, spacing)) {
                if (candidate.total() > other.total()) {
                    beam.remove(i);
                    break;
                }
                return;
            }
        }
        int at = 0;
        while (at < beam.size() && beam.get(at).total() >= candidate.total()) {
            at++;
        }
        if (at < beamWidth) {
            beam.add(at, candidate);
            if (beam.size() > beamWidth) {
                beam.remove(beam.size() - 1);
            }
        }
    }

    /**
     * The contact of a whole assembly, summed over pairs of parts (for diagnostics and tests;
     * {@link #score(Contact)} weighs it as the search does).
     *
     * @param parts the parts in their input poses
     * @param poses one pose per part
     * @return the pair contacts, interpenetrations and steps, summed
     */
    Contact objective(List<PartSurface> parts, List<RigidPose> poses) {
        List<PartSurface> marked = marked(parts);
        Contact sum = new Contact(0, 0, 0);
        for (int p = 0; p < parts.size(); p++) {
            for (int q = p + 1; q < parts.size(); q++) {
                sum = sum.plus(pairContact(marked, poses, p, q));
            }
        }
        return sum;
    }

    /**
     * @param contact a contact
     * @return its score with this assembler's penalties
     */
    double score(Contact contact) {
        return contact.score(penalty, stepPenalty);
    }

    /** The flat regions of a part with this assembler's settings, largest first. */
    private List<PlanarRegion> detect(PartSurface part) {
        return PlanarRegions.detect(part, maxAngleDegrees, minRegionShare);
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
        private double stepPenalty = 8;
        private int maxRimPoints = 96;
        private int beamWidth = 10;
        private int maxRegions = 4;

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
         * @param value weight of steps (surface next to the other part without a mating or
         *     continuing surface there) against contact area (default 8)
         * @return this builder
         */
        public Builder optStepPenalty(double value) {
            stepPenalty = value;
            return this;
        }

        /**
         * @param value most flat regions per part registered against other parts, the largest
         *     (default 4)
         * @return this builder
         */
        public Builder optMaxRegions(int value) {
            maxRegions = value;
            return this;
        }

        /**
         * @param value sets of clusters kept at each step of the search (default 10; 1 is greedy)
         * @return this builder
         */
        public Builder optBeamWidth(int value) {
            beamWidth = value;
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
            if (!(stepPenalty >= 0) || Double.isInfinite(stepPenalty)) {
                throw new IllegalArgumentException("step penalty is not a finite non-negative number: " + stepPenalty);
            }
            if (maxRegions < 1) {
                throw new IllegalArgumentException("max regions is not positive: " + maxRegions);
            }
            if (beamWidth < 1) {
                throw new IllegalArgumentException("beam width is not positive: " + beamWidth);
            }
            if (maxRimPoints < 8) {
                throw new IllegalArgumentException("max rim points is below 8: " + maxRimPoints);
            }
            return new GeometricAssembler(this);
        }
    }
}
