package io.flowkit.assembly.geometry;

import io.flowkit.datasets.assembly.RigidPose;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Registers one part onto another through their flat regions: a region b of the moving part mates
 * a region a of the fixed part when the planes coincide with opposite normals, which leaves an
 * in-plane rotation and translation. Those are found by a generalised Hough transform on the two
 * regions' rims (every rim point of b voting, for each rotation on a grid, for the translations
 * that put it on a rim point of a), refined by trimmed 2D ICP on the rims, and ranked in 3D by
 * {@link Contact}: mating faces touch over their area, and the parts do not interpenetrate.
 *
 * <p>The rims carry the in-plane information: a cap's outline is where the cut met the original
 * surface, and it is the same curve on both sides of the cut (up to the parts' later cuts, which
 * the Hough vote and the trimmed fit tolerate).
 */
public final class PairwiseRegistration {

    /** A relative pose of the moving part in the fixed part's frame, with its score. */
    public record Candidate(RigidPose movingToFixed, double score, int fixedRegion, int movingRegion) {}

    /** Rotations kept from the vote per pair of faces. */
    static final int PEAKS = 3;

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
        for (int ia = 0; ia < fixedRegions.size(); ia++) {
            PlanarRegion a = fixedRegions.get(ia);
            double[] outlineA = a.planar(fixed, a.outline());
            double[] voteA = subsample(outlineA, maxRimPoints);
            for (int ib = 0; ib < movingRegions.size(); ib++) {
                PlanarRegion b = movingRegions.get(ib);
                double[] outlineB = mirror(b.planar(moving, b.outline()));
                for (double[] peak : hough(voteA, subsample(outlineB, maxRimPoints), tolerance)) {
                    RigidPose pose = pose(a, b, refine(outlineA, outlineB, peak, tolerance));
                    double score = Contact.measure(fixed, moving, pose, tolerance).score(penalty, stepPenalty);
                    all.add(new Candidate(pose, score, ia, ib));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return all.subList(0, Math.min(keep, all.size()));
    }

    /** Contact tolerance of two parts: a bit more than their sampling spacing. */
    static double tolerance(PartSurface a, PartSurface b) {
        return 1.5 * Math.max(a.spacing(), b.spacing());
    }

    /**
     * Peaks of the vote over (rotation, translation): for each rotation on the grid the best
     * translation cell (summed with its 8 neighbours); the best few rotations, at least 3 steps
     * apart. Each peak is {θ, tx, ty, votes}.
     */
    private List<double[]> hough(double[] a, double[] b, double tolerance) {
        int na = a.length / 2;
        int nb = b.length / 2;
        double cell = tolerance;
        double extent = radius(a) + radius(b) + 2 * cell;
        int half = (int) Math.ceil(extent / cell);
        int width = 2 * half + 1;
        int[] grid = new int[width * width];
        int steps = (int) Math.round(360 / angleStepDegrees);
        double[][] best = new double[steps][];
        int[] touched = new int[na * nb];
        for (int s = 0; s < steps; s++) {
            double theta = Math.toRadians(s * angleStepDegrees);
            double c = Math.cos(theta);
            double sn = Math.sin(theta);
            int used = 0;
            for (int j = 0; j < nb; j++) {
                double bx = c * b[2 * j] - sn * b[2 * j + 1];
                double by = sn * b[2 * j] + c * b[2 * j + 1];
                for (int i = 0; i < na; i++) {
                    int gx = (int) Math.floor((a[2 * i] - bx) / cell) + half;
                    int gy = (int) Math.floor((a[2 * i + 1] - by) / cell) + half;
                    if (gx < 1 || gy < 1 || gx >= width - 1 || gy >= width - 1) {
                        continue;
                    }
                    int key = gy * width + gx;
                    if (grid[key]++ == 0) {
                        touched[used++] = key;
                    }
                }
            }
            int bestVotes = -1;
            int bestKey = -1;
            for (int u = 0; u < used; u++) {
                int key = touched[u];
                int sum = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        sum += grid[key + dy * width + dx];
                    }
                }
                if (sum > bestVotes || (sum == bestVotes && key < bestKey)) {
                    bestVotes = sum;
                    bestKey = key;
                }
            }
            for (int u = 0; u < used; u++) {
                grid[touched[u]] = 0;
            }
            double tx = ((bestKey % width) - half + 0.5) * cell;
            double ty = ((bestKey / width) - half + 0.5) * cell;
            best[s] = new double[] {theta, tx, ty, bestVotes};
        }
        List<double[]> peaks = new ArrayList<>();
        boolean[] taken = new boolean[steps];
        for (int round = 0; round < PEAKS; round++) {
            int arg = -1;
            for (int s = 0; s < steps; s++) {
                if (!taken[s] && (arg < 0 || best[s][3] > best[arg][3])) {
                    arg = s;
                }
            }
            if (arg < 0 || best[arg][3] <= 0) {
                break;
            }
            peaks.add(best[arg]);
            for (int d = -2; d <= 2; d++) {
                taken[Math.floorMod(arg + d, steps)] = true;
            }
        }
        return peaks;
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
