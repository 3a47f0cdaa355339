package io.flowkit.assembly.geometry;

import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import java.util.ArrayList;
import java.util.List;

/**
 * A state of the joining search ({@link GeometricAssembler}): the clusters so far, the summed
 * score of the joins that made them, and what placed each part. A child state is one more join;
 * it is realised (the joined cluster built, its flat regions found) only once it is kept.
 */
final class JoinState {

    private List<Cluster> clusters;
    private String[] source;
    private final double total;
    private final JoinState parent;
    private final int fixed;
    private final int moving;
    private final PairwiseRegistration.Candidate join;

    private JoinState(List<Cluster> clusters, String[] source, double total, JoinState parent, int fixed, int moving,
            PairwiseRegistration.Candidate join) {
        this.clusters = clusters;
        this.source = source;
        this.total = total;
        this.parent = parent;
        this.fixed = fixed;
        this.moving = moving;
        this.join = join;
    }

    /**
     * The start: every part its own cluster.
     *
     * @param singles one cluster per part, in part order
     * @param anchor the anchor part
     * @return the state
     */
    static JoinState start(List<Cluster> singles, int anchor) {
        String[] source = new String[singles.size()];
        source[anchor] = "anchor";
        return new JoinState(List.copyOf(singles), source, 0, null, -1, -1, null);
    }

    /**
     * This state with two of its clusters joined (not yet realised).
     *
     * @param fixed index of the cluster that keeps its frame
     * @param moving index of the cluster moved onto it
     * @param join the moving cluster's pose in the fixed one's frame, and its score
     * @return the child state
     */
    JoinState child(int fixed, int moving, PairwiseRegistration.Candidate join) {
        return new JoinState(null, null, total + join.score(), this, fixed, moving, join);
    }

    /** @return the summed score of the joins */
    double total() {
        return total;
    }

    /** @return the clusters (the state must be realised) */
    List<Cluster> clusters() {
        return clusters;
    }

    /** @return per part what placed it: anchor, geometry, hypothesis, or null while unplaced */
    String[] source() {
        return source.clone();
    }

    /** Builds the joined cluster of a child state; does nothing for a realised one. */
    void realise() {
        if (clusters != null) {
            return;
        }
        Cluster a = parent.clusters.get(fixed);
        Cluster b = parent.clusters.get(moving);
        Cluster joined = a.join(b, join.movingToFixed(), PairwiseRegistration.tolerance(a.surface(), b.surface()));
        List<Cluster> out = new ArrayList<>(parent.clusters);
        out.remove(Math.max(fixed, moving));
        out.remove(Math.min(fixed, moving));
        out.add(joined);
        String[] s = parent.source.clone();
        String how = join.fromHypothesis() ? "hypothesis" : "geometry";
        for (int q : joined.parts()) {
            if (s[q] == null) {
                s[q] = how;
            }
        }
        clusters = out;
        source = s;
    }

    /**
     * Whether two states join the same parts into the same clusters, each part within 5 degrees
     * and two spacings of the other's pose relative to its cluster's lowest part.
     *
     * @param other another state
     * @param spacing the distance that counts as the same position
     * @return whether they are the same assembly so far
     */
    boolean same(JoinState other, double spacing) {
        int count = root().clusters.size();
        for (int q = 0; q < count; q++) {
            int[] ra = new int[1];
            int[] rb = new int[1];
            RigidPose a = relative(q, ra);
            RigidPose b = other.relative(q, rb);
            if (ra[0] != rb[0]) {
                return false;
            }
            double angle = Math.toDegrees(So3.angle(a.rotation(), b.rotation()));
            double[] t = a.translation();
            double[] u = b.translation();
            double d = Math.sqrt((t[0] - u[0]) * (t[0] - u[0]) + (t[1] - u[1]) * (t[1] - u[1]) + (t[2] - u[2]) * (t[2] - u[2]));
            if (angle > 5 || d > 2 * spacing) {
                return false;
            }
        }
        return true;
    }

    /** The pose of a part relative to the lowest part of its cluster (written to root[0]). */
    private RigidPose relative(int part, int[] root) {
        if (clusters != null) {
            for (Cluster c : clusters) {
                if (c.contains(part)) {
                    root[0] = c.parts()[0];
                    return GeometricAssembler.compose(c.pose(root[0]).inverse(), c.pose(part));
                }
            }
            throw new IllegalStateException("part in no cluster: " + part);
        }
        Cluster a = parent.clusters.get(fixed);
        Cluster b = parent.clusters.get(moving);
        if (!a.contains(part) && !b.contains(part)) {
            return parent.relative(part, root);
        }
        int low = Math.min(a.parts()[0], b.parts()[0]);
        root[0] = low;
        return GeometricAssembler.compose(posed(a, b, low).inverse(), posed(a, b, part));
    }

    /** A part's pose in the fixed cluster's frame once the moving one is joined to it. */
    private RigidPose posed(Cluster a, Cluster b, int part) {
        return a.contains(part) ? a.pose(part) : GeometricAssembler.compose(join.movingToFixed(), b.pose(part));
    }

    private JoinState root() {
        JoinState s = this;
        while (s.parent != null) {
            s = s.parent;
        }
        return s;
    }
}
