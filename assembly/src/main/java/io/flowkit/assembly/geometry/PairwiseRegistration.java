package io.flowkit.assembly.geometry;

import io.flowkit.datasets.assembly.RigidPose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers one part onto another through their flat regions: a region b of the moving part mates
 * a region a of the fixed part when the planes coincide with opposite normals, which leaves an
 * in-plane rotation and translation. Those are found by a Hough vote of oriented outline points
 * (a pair of points whose outward directions agree fixes the rotation and votes for the
 * translation), the vote's peaks ranked by a planar score ({@link PlanarPlacement}), the best
 * refined by trimmed 2D ICP on the outlines, and ranked in 3D by {@link Contact} (mating faces
 * touch over their area, the parts do not interpenetrate, no steps) plus a small reward for the
 * seam, the two outlines lying on each other.
 *
 * <p>The rims carry the in-plane information: a cap's outline is where the cut met the original
 * surface, and it is the same curve on both sides of the cut (up to the parts' later cuts, which
 * the Hough vote and the trimmed fit tolerate).
 */
public final class PairwiseRegistration {

    /**
     * A relative pose of the moving part in the fixed part's frame, with its score.
     *
     * @param movingToFixed the pose
     * @param score its contact score
     * @param fixedRegion the fixed part's mating region, or −1 for a pose from a hypothesis
     * @param movingRegion the moving part's mating region, or −1 for a pose from a hypothesis
     */
    public record Candidate(RigidPose movingToFixed, double score, int fixedRegion, int movingRegion) {
        /** @return whether the pose came from a whole-object hypothesis rather than registration */
        public boolean fromHypothesis() {
            return fixedRegion < 0;
        }
    }

    /** Placements kept per pair of faces. */
    static final int PEAKS = 3;

    /** Weight of the seam (outline on outline) added to a registered pose's contact score. */
    static final double SEAM_WEIGHT = 0.2;

    /** Peaks of the vote scored in the plane per pair of faces. */
    static final int VOTE_PEAKS = 24;

    private final double angleStepDegrees;
    private final int keep;
    private final double penalty;
    private final double stepPenalty;
    private final int maxRimPoints;

    /**
     * @param angleStepDegrees step of the in-plane rotation grid
     * @param keep candidates kept per pair of parts
     * @param penalty weight of interpenetration in the score
     * @param stepPenalty weight of steps in the score
     * @param maxRimPoints most rim points per region in the vote
     */
    PairwiseRegistration(double angleStepDegrees, int keep, double penalty, double stepPenalty, int maxRimPoints) {
        this.angleStepDegrees = angleStepDegrees;
        this.keep = keep;
        this.penalty = penalty;
        this.stepPenalty = stepPenalty;
        this.maxRimPoints = maxRimPoints;
    }

    /**
     * The best poses of the moving part against the fixed part, best first.
     *
     * @param fixed the fixed part
     * @param fixedRegions its flat regions
     * @param moving the moving part
     * @param movingRegions its flat regions
     * @return at most {@code keep} candidates, best first
     */
    List<Candidate> register(PartSurface fixed, List<PlanarRegion> fixedRegions, PartSurface moving,
            List<PlanarRegion> movingRegions) {
        double tolerance = tolerance(fixed, moving);
        List<Candidate> all = new ArrayList<>();
        double radius = 3 * Math.max(fixed.spacing(), moving.spacing());
        List<Face> fixedFaces = new ArrayList<>();
        for (PlanarRegion a : fixedRegions) {
            fixedFaces.add(face(fixed, a, false, radius, tolerance));
        }
        List<Face> movingFaces = new ArrayList<>();
        for (PlanarRegion b : movingRegions) {
            movingFaces.add(face(moving, b, true, radius, tolerance));
        }
        for (int ia = 0; ia < fixedFaces.size(); ia++) {
            Face a = fixedFaces.get(ia);
            for (int ib = 0; ib < movingFaces.size(); ib++) {
                Face b = movingFaces.get(ib);
                List<double[]> votes = hough(a.vote(), a.outward(), b.vote(), b.outward(), tolerance, VOTE_PEAKS);
                for (double[] peak : peaks(votes, a.placement(), b.placement(), tolerance)) {
                    double[] refined = refine(a.voters(), b.voters(), peak, tolerance);
                    double[] fit = a.placement().score(b.placement(), refined, stepPenalty) >= peak[3] ? refined : peak;
                    RigidPose pose = pose(a.region(), b.region(), fit);
                    double score = Contact.measure(fixed, moving, pose, tolerance).score(penalty, stepPenalty)
                            + SEAM_WEIGHT * a.placement().seam(b.placement(), fit);
                    all.add(new Candidate(pose, score, ia, ib));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return all.subList(0, Math.min(keep, all.size()));
    }

    /**
     * A flat region in its plane, prepared once per registration: the rim points that vote (all,
     * for the 2D fit, and a subsample with their outward directions, for the vote) and its
     * placement raster. A moving region's coordinates are mirrored (seen from the other side).
     */
    private record Face(PlanarRegion region, double[] voters, double[] vote, double[] outward, PlanarPlacement placement) {}

    private Face face(PartSurface surface, PlanarRegion r, boolean mirrored, double radius, double tolerance) {
        double[] members = r.planar(surface, r.members());
        double[] rim = r.planar(surface, r.rim());
        double[] outline = r.planar(surface, r.outline());
        if (mirrored) {
            members = mirror(members);
            rim = mirror(rim);
            outline = mirror(outline);
        }
        double[] voters = voters(r, rim, outline);
        double[] vote = subsample(voters, maxRimPoints);
        return new Face(r, voters, vote, outward(members, vote, radius),
                new PlanarPlacement(members, rim, outline, surface.areaPerPoint(), tolerance));
    }

    /**
     * The best few placements among the vote's by their planar score, at least 10 degrees or a
     * few tolerances apart; each is {θ, tx, ty, score}.
     */
    private List<double[]> peaks(List<double[]> votes, PlanarPlacement a, PlanarPlacement b, double tolerance) {
        List<double[]> scored = new ArrayList<>();
        for (double[] v : votes) {
            scored.add(new double[] {v[0], v[1], v[2], a.score(b, v, stepPenalty)});
        }
        scored.sort(Comparator.comparingDouble((double[] v) -> v[3]).reversed());
        List<double[]> out = new ArrayList<>();
        for (double[] v : scored) {
            boolean near = false;
            for (double[] o : out) {
                double dTheta = Math.abs(Math.IEEEremainder(v[0] - o[0], 2 * Math.PI));
                near |= dTheta < Math.toRadians(10) && Math.hypot(v[1] - o[1], v[2] - o[2]) < 3 * tolerance;
            }
            if (!near) {
                out.add(v);
                if (out.size() == PEAKS) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The rim points that vote: the outline (where the face meets the original surface), or the
     * whole rim when the outline is too short to carry the shape (a face bordered almost only by
     * other flat faces, as a box cut along its faces).
     */
    static double[] voters(PlanarRegion r, double[] rim, double[] outline) {
        return r.outline().length < MIN_OUTLINE_SHARE * r.rim().length ? rim : outline;
    }

    /** Below this share of outline points among the rim, the whole rim votes. */
    static final double MIN_OUTLINE_SHARE = 0.25;

    /** Contact tolerance of two parts: a bit more than their sampling spacing. */
    static double tolerance(PartSurface a, PartSurface b) {
        return 1.5 * Math.max(a.spacing(), b.spacing());
    }

    /**
     * Peaks of a vote over (rotation, translation) by oriented rim points: a rim point of a and
     * one of b mate when b's outward direction, rotated, is a's (both faces are bounded by the same
     * stretch of the object's surface), which fixes the rotation; the pair then votes for the
     * translation that puts b's point on a's, in its rotation bin and the two next ones. Each
     * bin's cells are summed with their 8 neighbours; the best {@code count} cells, apart from one
     * another, are the peaks, each {θ, tx, ty, votes}.
     */
    List<double[]> hough(double[] a, double[] outA, double[] b, double[] outB, double tolerance, int count) {
        int steps = (int) Math.round(360 / angleStepDegrees);
        double step = 2 * Math.PI / steps;
        double cell = tolerance;
        Map<Long, int[]> votes = new HashMap<>();
        double[] cos = new double[steps];
        double[] sin = new double[steps];
        for (int s = 0; s < steps; s++) {
            cos[s] = Math.cos(s * step);
            sin[s] = Math.sin(s * step);
        }
        for (int j = 0; j < b.length / 2; j++) {
            double angleB = Math.atan2(outB[2 * j + 1], outB[2 * j]);
            for (int i = 0; i < a.length / 2; i++) {
                double theta = Math.atan2(outA[2 * i + 1], outA[2 * i]) - angleB;
                int centre = (int) Math.round(theta / step);
                for (int d = -1; d <= 1; d++) {
                    int s = Math.floorMod(centre + d, steps);
                    double tx = a[2 * i] - (cos[s] * b[2 * j] - sin[s] * b[2 * j + 1]);
                    double ty = a[2 * i + 1] - (sin[s] * b[2 * j] + cos[s] * b[2 * j + 1]);
                    votes.computeIfAbsent(key(s, (int) Math.floor(tx / cell), (int) Math.floor(ty / cell)), x -> new int[1])[0]++;
                }
            }
        }
        List<long[]> cells = new ArrayList<>();
        for (Map.Entry<Long, int[]> e : votes.entrySet()) {
            long k = e.getKey();
            int s = (int) (k >> 40);
            int gx = (int) ((k >> 20) & 0xFFFFF) - OFFSET;
            int gy = (int) (k & 0xFFFFF) - OFFSET;
            long sum = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int[] v = votes.get(key(s, gx + dx, gy + dy));
                    sum += v == null ? 0 : v[0];
                }
            }
            cells.add(new long[] {sum, s, gx, gy});
        }
        cells.sort((x, y) -> x[0] != y[0] ? Long.compare(y[0], x[0])
                : x[1] != y[1] ? Long.compare(x[1], y[1]) : x[2] != y[2] ? Long.compare(x[2], y[2]) : Long.compare(x[3], y[3]));
        List<double[]> peaks = new ArrayList<>();
        List<long[]> picked = new ArrayList<>();
        for (long[] c : cells) {
            boolean near = false;
            for (long[] o : picked) {
                long ds = Math.abs(c[1] - o[1]);
                near |= Math.min(ds, steps - ds) <= 1 && Math.abs(c[2] - o[2]) <= 2 && Math.abs(c[3] - o[3]) <= 2;
            }
            if (near) {
                continue;
            }
            picked.add(c);
            peaks.add(new double[] {c[1] * step, (c[2] + 0.5) * cell, (c[3] + 0.5) * cell, c[0]});
            if (peaks.size() == count) {
                break;
            }
        }
        return peaks;
    }

    /** Offset that keeps translation cell indices non-negative in a vote key. */
    private static final int OFFSET = 1 << 19;

    private static long key(int s, int gx, int gy) {
        return ((long) s << 40) | ((long) (gx + OFFSET) << 20) | (gy + OFFSET);
    }

    /**
     * Outward in-plane directions of rim points: from the mean of the region's points around each
     * (within {@code radius}) to the point, unit length.
     */
    static double[] outward(double[] members, double[] rim, double radius) {
        double[] out = new double[rim.length];
        double r2 = radius * radius;
        for (int i = 0; i < rim.length; i += 2) {
            double mx = 0;
            double my = 0;
            int m = 0;
            for (int j = 0; j < members.length; j += 2) {
                double dx = members[j] - rim[i];
                double dy = members[j + 1] - rim[i + 1];
                if (dx * dx + dy * dy <= r2) {
                    mx += dx;
                    my += dy;
                    m++;
                }
            }
            double len = Math.hypot(mx, my);
            if (len > 0) {
                out[i] = -mx / len;
                out[i + 1] = -my / len;
            } else {
                out[i] = 1;
            }
        }
        return out;
    }

    /**
     * Trimmed 2D ICP of rim b onto rim a from a peak: pairs farther than a few tolerances are
     * dropped, the rest fitted by a proper 2D Procrustes step. Returns {θ, tx, ty}.
     */
    static double[] refine(double[] a, double[] b, double[] start, double tolerance) {
        double theta = start[0];
        double tx = start[1];
        double ty = start[2];
        int na = a.length / 2;
        int nb = b.length / 2;
        for (int iteration = 0; iteration < 12; iteration++) {
            double reach = tolerance * (iteration < 4 ? 3 : 1.5);
            double c = Math.cos(theta);
            double sn = Math.sin(theta);
            double sbx = 0;
            double sby = 0;
            double sax = 0;
            double say = 0;
            int m = 0;
            double[] px = new double[nb];
            double[] py = new double[nb];
            double[] qx = new double[nb];
            double[] qy = new double[nb];
            for (int j = 0; j < nb; j++) {
                double x = c * b[2 * j] - sn * b[2 * j + 1] + tx;
                double y = sn * b[2 * j] + c * b[2 * j + 1] + ty;
                double bestD = Double.POSITIVE_INFINITY;
                int arg = -1;
                for (int i = 0; i < na; i++) {
                    double dx = a[2 * i] - x;
                    double dy = a[2 * i + 1] - y;
                    double d = dx * dx + dy * dy;
                    if (d < bestD) {
                        bestD = d;
                        arg = i;
                    }
                }
                if (bestD <= reach * reach) {
                    px[m] = b[2 * j];
                    py[m] = b[2 * j + 1];
                    qx[m] = a[2 * arg];
                    qy[m] = a[2 * arg + 1];
                    sbx += px[m];
                    sby += py[m];
                    sax += qx[m];
                    say += qy[m];
                    m++;
                }
            }
            if (m < 3) {
                break;
            }
            sbx /= m;
            sby /= m;
            sax /= m;
            say /= m;
            double sxx = 0;
            double sxy = 0;
            for (int k = 0; k < m; k++) {
                double bx = px[k] - sbx;
                double by = py[k] - sby;
                double ax = qx[k] - sax;
                double ay = qy[k] - say;
                sxx += bx * ax + by * ay;
                sxy += bx * ay - by * ax;
            }
            theta = Math.atan2(sxy, sxx);
            c = Math.cos(theta);
            sn = Math.sin(theta);
            tx = sax - (c * sbx - sn * sby);
            ty = say - (sn * sbx + c * sby);
        }
        return new double[] {theta, tx, ty};
    }

    /**
     * The 3D pose from an in-plane fit: b's frame (u_b, v_b, n_b) goes to (u', v', −n_a) with
     * {@code u' = cos θ u_a + sin θ v_a}, {@code v' = sin θ u_a − cos θ v_a} (b's 2D coordinates are
     * mirrored, since the mating face is seen from the other side), and b's centroid to a's centroid
     * moved by (tx, ty) in a's plane.
     */
    static RigidPose pose(PlanarRegion a, PlanarRegion b, double[] fit) {
        double c = Math.cos(fit[0]);
        double s = Math.sin(fit[0]);
        double[] up = new double[3];
        double[] vp = new double[3];
        double[] np = new double[3];
        for (int d = 0; d < 3; d++) {
            up[d] = c * a.u()[d] + s * a.v()[d];
            vp[d] = s * a.u()[d] - c * a.v()[d];
            np[d] = -a.normal()[d];
        }
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = up[i] * b.u()[j] + vp[i] * b.v()[j] + np[i] * b.normal()[j];
            }
        }
        double[] rc = {
            r[0] * b.centroid()[0] + r[1] * b.centroid()[1] + r[2] * b.centroid()[2],
            r[3] * b.centroid()[0] + r[4] * b.centroid()[1] + r[5] * b.centroid()[2],
            r[6] * b.centroid()[0] + r[7] * b.centroid()[1] + r[8] * b.centroid()[2]};
        double[] t = new double[3];
        for (int d = 0; d < 3; d++) {
            t[d] = a.centroid()[d] + fit[1] * a.u()[d] + fit[2] * a.v()[d] - rc[d];
        }
        return RigidPose.of(orthonormalise(r), t);
    }

    /** Re-orthonormalises a rotation that rounding moved off SO(3) (Gram–Schmidt on the rows). */
    static double[] orthonormalise(double[] r) {
        double[] x = PlanarRegions.unit(new double[] {r[0], r[1], r[2]});
        double[] y0 = {r[3], r[4], r[5]};
        double dot = x[0] * y0[0] + x[1] * y0[1] + x[2] * y0[2];
        double[] y = PlanarRegions.unit(new double[] {y0[0] - dot * x[0], y0[1] - dot * x[1], y0[2] - dot * x[2]});
        double[] z = PlanarRegions.cross(x, y);
        return new double[] {x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2]};
    }

    private static double[] mirror(double[] planar) {
        double[] out = planar.clone();
        for (int i = 1; i < out.length; i += 2) {
            out[i] = -out[i];
        }
        return out;
    }

    private static double radius(double[] planar) {
        double r = 0;
        for (int i = 0; i < planar.length; i += 2) {
            r = Math.max(r, Math.hypot(planar[i], planar[i + 1]));
        }
        return r;
    }

    /** Every k-th point, so that at most {@code max} remain. */
    private static double[] subsample(double[] planar, int max) {
        int n = planar.length / 2;
        if (n <= max) {
            return planar;
        }
        double[] out = new double[2 * max];
        for (int k = 0; k < max; k++) {
            int i = (int) ((long) k * n / max);
            out[2 * k] = planar[2 * i];
            out[2 * k + 1] = planar[2 * i + 1];
        }
        return out;
    }
}
