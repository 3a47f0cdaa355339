package io.flowkit.assembly.geometry;

import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The geometric stage of assembly. It finds each part's flat regions ({@link PlanarRegions}),
 * registers every pair of parts through them ({@link PairwiseRegistration}), and grows an assembly
 * from the anchor by a beam search: each step places one more part at a pose relative to a placed
 * part, scored by how it touches all placed parts (contact area minus interpenetration and steps;
 * {@link Contact}); the few best partial assemblies by their summed score go on. The result is a
 * spanning tree of confident pairs that is consistent as a whole. Pose hypotheses from elsewhere
 * (the flow's samples) compete in the same score.
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
    private final double stepPenalty;
    private final int beamWidth;
    private final int movesPerState;
    private final int maxRegions;
    private final PairwiseRegistration registration;

    private GeometricAssembler(Builder b) {
        this.maxAngleDegrees = b.maxAngleDegrees;
        this.minRegionShare = b.minRegionShare;
        this.penalty = b.penalty;
        this.stepPenalty = b.stepPenalty;
        this.beamWidth = b.beamWidth;
        this.movesPerState = b.movesPerState;
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
        List<PartSurface> marked = new ArrayList<>();
        for (PartSurface p : parts) {
            List<PlanarRegion> found = detect(p);
            // Every flat region counts as a possible fracture face for the steps; the largest few
            // are registered (CAD parts have many flat faces of their own).
            regions.add(found.subList(0, Math.min(maxRegions, found.size())));
            marked.add(p.withFlatRegions(found));
        }
        parts = marked;
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
        List<State> beam = List.of(State.start(k, anchor));
        for (int round = 1; round < k; round++) {
            List<State> next = new ArrayList<>();
            for (State state : beam) {
                for (Move move : moves(state, parts, regions, pairs, hypotheses, anchor)) {
                    insert(next, state.then(move), parts);
                }
            }
            if (next.isEmpty()) {
                break;
            }
            beam = next;
        }
        State best = beam.get(0);
        RigidPose[] placed = best.poses.clone();
        String[] source = best.source.clone();
        for (int q = 0; q < k; q++) {
            if (placed[q] == null) {
                // No candidate at all (no flat regions, no hypotheses): the part stays where it is.
                placed[q] = RigidPose.identity();
                source[q] = "none";
            }
        }
        double[] confidence = new double[k];
        for (int q = 0; q < k; q++) {
            if (q == anchor) {
                confidence[q] = 1;
                continue;
            }
            double contact = touching(parts, placed, q, placed[q]).contactArea();
            double area = best.placingArea[q];
            confidence[q] = area > 0 ? Math.min(1, contact / area) : 0;
        }
        return new Result(Arrays.asList(placed), confidence, Arrays.asList(source));
    }

    /**
     * The placements worth scoring from a state: the {@code movesPerState} best geometric
     * candidates by their pairwise score (part q against one placed part), then every hypothesis,
     * each scored against all placed parts.
     */
    private List<Move> moves(State state, List<PartSurface> parts, List<List<PlanarRegion>> regions,
            List<List<List<PairwiseRegistration.Candidate>>> pairs, List<List<RigidPose>> hypotheses, int anchor) {
        int k = parts.size();
        List<Move> shortlist = new ArrayList<>();
        for (int q = 0; q < k; q++) {
            if (state.poses[q] != null) {
                continue;
            }
            for (int p = 0; p < k; p++) {
                if (state.poses[p] == null) {
                    continue;
                }
                for (PairwiseRegistration.Candidate c : pairs.get(p).get(q)) {
                    shortlist.add(new Move(q, compose(state.poses[p], c.movingToFixed()), c.score(),
                            regions.get(q).get(c.movingRegion()).area(), "geometry"));
                }
            }
        }
        shortlist.sort(Comparator.comparingDouble(Move::score).reversed());
        List<Move> out = new ArrayList<>();
        for (Move m : shortlist.subList(0, Math.min(movesPerState, shortlist.size()))) {
            out.add(m.rescored(score(parts, state.poses, m.part, m.pose)));
        }
        for (List<RigidPose> h : hypotheses) {
            for (int q = 0; q < k; q++) {
                if (state.poses[q] == null) {
                    // A hypothesis is relative to its own anchor pose; bring it to ours.
                    RigidPose g = compose(h.get(anchor).inverse(), h.get(q));
                    double area = regions.get(q).isEmpty() ? 0 : regions.get(q).get(0).area();
                    out.add(new Move(q, g, score(parts, state.poses, q, g), area, "hypothesis"));
                }
            }
        }
        return out;
    }

    /**
     * Adds a state to the next beam, kept sorted best first and at most {@code beamWidth} long; a
     * state that places the same parts at nearly the same poses as a better one is dropped.
     */
    private void insert(List<State> beam, State candidate, List<PartSurface> parts) {
        for (int i = 0; i < beam.size(); i++) {
            State other = beam.get(i);
            if (other.same(candidate, parts)) {
                if (candidate.total > other.total) {
                    beam.remove(i);
                    break;
                }
                return;
            }
        }
        int at = 0;
        while (at < beam.size() && beam.get(at).total >= candidate.total) {
            at++;
        }
        if (at < beamWidth) {
            beam.add(at, candidate);
            if (beam.size() > beamWidth) {
                beam.remove(beam.size() - 1);
            }
        }
    }

    /** One placement: part, pose, its score so far, the area of its placing face and what proposed it. */
    private record Move(int part, RigidPose pose, double score, double area, String source) {
        Move rescored(double value) {
            return new Move(part, pose, value, area, source);
        }
    }

    /** A partial assembly in the beam: the placed parts' poses and the sum of their placing scores. */
    private static final class State {
        final RigidPose[] poses;
        final String[] source;
        final double[] placingArea;
        final double total;

        private State(RigidPose[] poses, String[] source, double[] placingArea, double total) {
            this.poses = poses;
            this.source = source;
            this.placingArea = placingArea;
            this.total = total;
        }

        static State start(int k, int anchor) {
            RigidPose[] poses = new RigidPose[k];
            String[] source = new String[k];
            poses[anchor] = RigidPose.identity();
            source[anchor] = "anchor";
            return new State(poses, source, new double[k], 0);
        }

        State then(Move m) {
            RigidPose[] p = poses.clone();
            String[] s = source.clone();
            double[] a = placingArea.clone();
            p[m.part] = m.pose;
            s[m.part] = m.source;
            a[m.part] = m.area;
            return new State(p, s, a, total + m.score);
        }

        /** Same parts placed, each within its sampling tolerance and 5 degrees of the other's pose. */
        boolean same(State o, List<PartSurface> parts) {
            for (int q = 0; q < poses.length; q++) {
                if ((poses[q] == null) != (o.poses[q] == null)) {
                    return false;
                }
                if (poses[q] == null) {
                    continue;
                }
                double angle = Math.toDegrees(So3.angle(poses[q].rotation(), o.poses[q].rotation()));
                double[] t = poses[q].translation();
                double[] u = o.poses[q].translation();
                double d = Math.sqrt((t[0] - u[0]) * (t[0] - u[0]) + (t[1] - u[1]) * (t[1] - u[1])
                        + (t[2] - u[2]) * (t[2] - u[2]));
                if (angle > 5 || d > 2 * parts.get(q).spacing()) {
                    return false;
                }
            }
            return true;
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
        List<PartSurface> marked = new ArrayList<>();
        for (PartSurface p : parts) {
            marked.add(p.withFlatRegions(detect(p)));
        }
        Contact sum = new Contact(0, 0, 0);
        for (int p = 0; p < parts.size(); p++) {
            for (int q = p + 1; q < parts.size(); q++) {
                sum = sum.plus(Contact.measure(marked.get(p), marked.get(q), compose(poses.get(p).inverse(), poses.get(q)),
                        PairwiseRegistration.tolerance(marked.get(p), marked.get(q))));
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

    /** The score of part q, posed at g, against every placed part. */
    private double score(List<PartSurface> parts, RigidPose[] placed, int q, RigidPose g) {
        return score(touching(parts, placed, q, g));
    }

    /** The contact of part q, posed at g, with every other placed part, summed. */
    private static Contact touching(List<PartSurface> parts, RigidPose[] placed, int q, RigidPose g) {
        Contact sum = new Contact(0, 0, 0);
        for (int p = 0; p < parts.size(); p++) {
            if (p == q || placed[p] == null) {
                continue;
            }
            sum = sum.plus(Contact.measure(parts.get(p), parts.get(q), compose(placed[p].inverse(), g),
                    PairwiseRegistration.tolerance(parts.get(p), parts.get(q))));
        }
        return sum;
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
        private int beamWidth = 4;
        private int movesPerState = 64;
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
         * @param value partial assemblies kept at each step of the search (default 4; 1 is greedy)
         * @return this builder
         */
        public Builder optBeamWidth(int value) {
            beamWidth = value;
            return this;
        }

        /**
         * @param value placements scored against all placed parts per partial assembly and step,
         *     the best by their pairwise score (default 64)
         * @return this builder
         */
        public Builder optMovesPerState(int value) {
            movesPerState = value;
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
            if (movesPerState < 1) {
                throw new IllegalArgumentException("moves per state is not positive: " + movesPerState);
            }
            if (maxRimPoints < 8) {
                throw new IllegalArgumentException("max rim points is below 8: " + maxRimPoints);
            }
            return new GeometricAssembler(this);
        }
    }
}
