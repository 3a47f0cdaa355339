package io.flowkit.assembly.geometry;

import io.flowkit.datasets.assembly.RigidPose;

/**
 * How two posed parts touch: the area of one part's surface lying on the other's with opposite
 * normals (mating fracture faces), the area of each part lying inside the other (tested by the
 * side of the nearest surface point's normal), and the area of "steps": original surface (outside
 * the flat regions marked by {@link PartSurface#withFlatRegions}) of one part close to the other
 * where the other has neither a facing surface (a mating face) nor a parallel one (the original
 * surface continuing across the crack). Assembled parts touch over their fracture
 * faces, do not interpenetrate, and their outer surface continues across the cracks; a fracture
 * face set down inside a larger one leaves a step all around its outline.
 *
 * @param contactArea area of the moving part's points on the fixed part's surface, facing it
 * @param insideArea area of either part inside the other, summed
 * @param stepArea area of either part next to the other without a facing or continuing surface,
 *     summed
 */
public record Contact(double contactArea, double insideArea, double stepArea) {

    /** Cosine below which two normals count as opposite. */
    static final double OPPOSITE = -0.7;

    /**
     * A point counts as inside when it lies behind its nearest surface point by more than the
     * tolerance, nearly along that point's normal (beyond a convex edge of a sampled surface the
     * nearest sample's normal is oblique to the offset, and the point is outside).
     */
    static final double INSIDE_COSINE = 0.6;

    /** Cosine above which two normals count as the same surface continuing. */
    static final double CONTINUING = 0.5;

    /**
     * Farthest a point may lie from the other part, in contact tolerances, to be tested for being
     * inside it: farther away the nearest sample's normal says little about the side (a concave
     * part), and an overlap shows in the band where the two surfaces cross.
     */
    static final double INSIDE_REACH = 4;

    /** Most points of a part that a measurement visits (a regular subsample of larger parts). */
    static final int MAX_POINTS = 500;

    /**
     * The score of this contact: contact area minus penalties on interpenetration and steps.
     *
     * @param penalty weight of the inside area
     * @param stepPenalty weight of the step area
     * @return {@code contactArea − penalty · insideArea − stepPenalty · stepArea}
     */
    public double score(double penalty, double stepPenalty) {
        return contactArea - penalty * insideArea - stepPenalty * stepArea;
    }

    /**
     * The sum of two contacts.
     *
     * @param other another contact
     * @return both areas added
     */
    public Contact plus(Contact other) {
        return new Contact(contactArea + other.contactArea, insideArea + other.insideArea, stepArea + other.stepArea);
    }

    /**
     * Measures the contact of a moving part, posed in the fixed part's frame.
     *
     * @param fixed the fixed part
     * @param moving the moving part
     * @param movingToFixed maps the moving part's points into the fixed part's frame
     * @param tolerance distance within which two surfaces touch
     * @return the contact
     */
    public static Contact measure(PartSurface fixed, PartSurface moving, RigidPose movingToFixed, double tolerance) {
        int[] onFixed = visit(fixed, moving, movingToFixed, tolerance);
        int[] onMoving = visit(moving, fixed, movingToFixed.inverse(), tolerance);
        double contact = onFixed[0] * moving.areaPerPoint() * stride(moving);
        double inside = onFixed[1] * moving.areaPerPoint() * stride(moving)
                + onMoving[1] * fixed.areaPerPoint() * stride(fixed);
        double steps = onFixed[2] * moving.areaPerPoint() * stride(moving)
                + onMoving[2] * fixed.areaPerPoint() * stride(fixed);
        return new Contact(contact, inside, steps);
    }

    private static int stride(PartSurface s) {
        return (s.size() + MAX_POINTS - 1) / MAX_POINTS;
    }

    /** Counts the query part's points touching the target (facing it), inside it, and at a step. */
    private static int[] visit(PartSurface target, PartSurface query, RigidPose queryToTarget, double tolerance) {
        double[] r = queryToTarget.rotation();
        double[] t = queryToTarget.translation();
        int step = stride(query);
        int touching = 0;
        int inside = 0;
        int steps = 0;
        double reach = 2 * tolerance;
        for (int i = 0; i < query.size(); i += step) {
            double[] x = new double[3];
            double[] m = new double[3];
            for (int a = 0; a < 3; a++) {
                x[a] = r[3 * a] * query.x(i, 0) + r[3 * a + 1] * query.x(i, 1) + r[3 * a + 2] * query.x(i, 2) + t[a];
                m[a] = r[3 * a] * query.n(i, 0) + r[3 * a + 1] * query.n(i, 1) + r[3 * a + 2] * query.n(i, 2);
            }
            int j = target.index().nearest(x[0], x[1], x[2]);
            double dx = x[0] - target.x(j, 0);
            double dy = x[1] - target.x(j, 1);
            double dz = x[2] - target.x(j, 2);
            double distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double side = dx * target.n(j, 0) + dy * target.n(j, 1) + dz * target.n(j, 2);
            double facing = m[0] * target.n(j, 0) + m[1] * target.n(j, 1) + m[2] * target.n(j, 2);
            if (distance <= tolerance && facing <= OPPOSITE) {
                touching++;
            } else if (side < -tolerance && side < -INSIDE_COSINE * distance && distance <= INSIDE_REACH * tolerance) {
                inside++;
            } else if (distance <= tolerance && !query.flat(i) && !matched(target, x, m, reach)) {
                steps++;
            }
        }
        return new int[] {touching, inside, steps};
    }

    /**
     * Whether the target has, within reach of x, a point facing normal m or continuing it. The
     * reach is twice the contact tolerance: next to a crack the other part's fracture face can be
     * nearer than its continuing outer surface.
     */
    private static boolean matched(PartSurface target, double[] x, double[] m, double reach) {
        for (int j : target.index().withinRadius(x[0], x[1], x[2], reach)) {
            double dot = m[0] * target.n(j, 0) + m[1] * target.n(j, 1) + m[2] * target.n(j, 2);
            if (dot <= OPPOSITE || dot >= CONTINUING) {
                return true;
            }
        }
        return false;
    }
}
