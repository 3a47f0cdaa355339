package io.flowkit.assembly.geometry;

/**
 * A flat region prepared for scoring in-plane placements of another region on it, the planar
 * counterpart of {@link Contact}: the other region's area lying on this one (contact), less the
 * outline of either lying on the interior of the other (steps: where a part's original surface
 * would rise from the middle of the other's fracture face). Coordinates are the regions' own
 * planar ones, the moving region's mirrored ({@link PairwiseRegistration}).
 */
final class PlanarPlacement {

    /** Most member points visited per placement. */
    private static final int MAX_MEMBERS = 256;

    /** Most outline points visited per placement. */
    private static final int MAX_OUTLINE = 128;

    private final RegionRaster raster;
    private final double[] members;
    private final double[] outline;
    private final double memberWeight;
    private final double outlineWeight;

    /**
     * @param members the region's points, interleaved (u, v)
     * @param rim its rim points
     * @param outline its outline points
     * @param areaPerPoint the part's surface area per point
     * @param tolerance contact tolerance
     */
    PlanarPlacement(double[] members, double[] rim, double[] outline, double areaPerPoint, double tolerance) {
        this.raster = RegionRaster.of(members, rim, outline, tolerance);
        int n = members.length / 2;
        int m = Math.min(n, MAX_MEMBERS);
        this.members = new double[2 * m];
        for (int k = 0; k < m; k++) {
            int i = (int) ((long) k * n / m);
            this.members[2 * k] = members[2 * i];
            this.members[2 * k + 1] = members[2 * i + 1];
        }
        this.memberWeight = areaPerPoint * n / m;
        int o = outline.length / 2;
        int p = Math.min(o, MAX_OUTLINE);
        this.outline = new double[2 * p];
        for (int k = 0; k < p; k++) {
            int i = (int) ((long) k * o / p);
            this.outline[2 * k] = outline[2 * i];
            this.outline[2 * k + 1] = outline[2 * i + 1];
        }
        this.outlineWeight = p == 0 ? 0 : areaPerPoint * o / p;
    }

    /**
     * The seam of a placement: the area of the other region's outline that lies on this one's
     * outline. Where a cut crossed the object's surface, the two faces share that curve; a face
     * turned about its normal, though still covered, moves its outline off the other's.
     *
     * @param other the moving region
     * @param fit {θ, tx, ty}
     * @return the outline area that coincides
     */
    double seam(PlanarPlacement other, double[] fit) {
        return count(other.outline, fit, raster::nearOutline) * other.outlineWeight;
    }

    /**
     * Scores the placement of another region on this one.
     *
     * @param other the moving region
     * @param fit {θ, tx, ty}: the other's points rotated by θ, then moved by (tx, ty)
     * @param stepPenalty weight of steps against contact
     * @return contact area minus weighted step area
     */
    double score(PlanarPlacement other, double[] fit, double stepPenalty) {
        int contact = count(other.members, fit, raster::covers);
        int stepsOther = count(other.outline, fit, raster::interior);
        double c = Math.cos(fit[0]);
        double s = Math.sin(fit[0]);
        int stepsThis = 0;
        for (int i = 0; i < outline.length; i += 2) {
            double dx = outline[i] - fit[1];
            double dy = outline[i + 1] - fit[2];
            if (other.raster.interior(c * dx + s * dy, -s * dx + c * dy)) {
                stepsThis++;
            }
        }
        return contact * other.memberWeight
                - stepPenalty * (stepsOther * other.outlineWeight + stepsThis * outlineWeight);
    }

    /** A test of a point in this region's plane. */
    private interface PlaneTest {
        boolean test(double x, double y);
    }

    /** How many of the other region's points, placed by {θ, tx, ty}, pass a test in this plane. */
    private static int count(double[] points, double[] fit, PlaneTest test) {
        double c = Math.cos(fit[0]);
        double s = Math.sin(fit[0]);
        int n = 0;
        for (int i = 0; i < points.length; i += 2) {
            if (test.test(c * points[i] - s * points[i + 1] + fit[1], s * points[i] + c * points[i + 1] + fit[2])) {
                n++;
            }
        }
        return n;
    }
}
