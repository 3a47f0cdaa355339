package io.flowkit.assembly.geometry;

import io.flowkit.datasets.assembly.RigidPose;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Parts already joined into one rigid body during assembly, seen as one part: their surfaces in
 * the cluster's frame, without the fracture faces they share (those lie inside the body now). The
 * faces that two joined parts kept from an earlier cut through both lie side by side in one plane
 * and merge into one flat region again, as whole as the cut left it; that is what lets the next
 * registration match it with the face on the other side.
 *
 * <p>A cluster carries its flat regions: all of them mark its surface (see {@link Contact}), the
 * largest few are registered.
 */
final class Cluster {

    /** Fewest points a joined cluster keeps (a part surface needs 16). */
    static final int MIN_POINTS = 64;

    private final int[] parts;
    private final RigidPose[] poses;
    private final PartSurface surface;
    private final List<PlanarRegion> regions;
    private final Function<PartSurface, List<PlanarRegion>> detector;
    private final int maxRegions;

    private Cluster(int[] parts, RigidPose[] poses, PartSurface surface, Function<PartSurface, List<PlanarRegion>> detector,
            int maxRegions) {
        List<PlanarRegion> found = detector.apply(surface);
        this.parts = parts;
        this.poses = poses;
        this.surface = surface.withFlatRegions(found);
        this.regions = List.copyOf(found.subList(0, Math.min(maxRegions, found.size())));
        this.detector = detector;
        this.maxRegions = maxRegions;
    }

    /**
     * One part on its own, in its input frame.
     *
     * @param part its index
     * @param count the number of parts
     * @param surface its surface
     * @param detector finds a surface's flat regions, largest first
     * @param maxRegions most flat regions registered
     * @return the cluster
     */
    static Cluster of(int part, int count, PartSurface surface, Function<PartSurface, List<PlanarRegion>> detector,
            int maxRegions) {
        RigidPose[] poses = new RigidPose[count];
        poses[part] = RigidPose.identity();
        return new Cluster(new int[] {part}, poses, surface, detector, maxRegions);
    }

    /** @return the largest flat regions, registered against other clusters */
    List<PlanarRegion> regions() {
        return regions;
    }

    /** @return whether the part belongs to this cluster */
    boolean contains(int part) {
        return poses[part] != null;
    }

    /** @return the parts joined, ascending */
    int[] parts() {
        return parts.clone();
    }

    /** @return the cluster's surface in its frame, its flat regions marked */
    PartSurface surface() {
        return surface;
    }

    /**
     * @param part a part of this cluster
     * @return the part's pose, its input frame to this cluster's frame
     */
    RigidPose pose(int part) {
        return poses[part];
    }

    /**
     * Joins another cluster to this one.
     *
     * @param other the other cluster
     * @param otherToThis the other's frame to this one's
     * @param tolerance contact tolerance: points of either within it of the other, facing it, are
     *     shared faces and are dropped
     * @return the joined cluster, in this one's frame
     */
    Cluster join(Cluster other, RigidPose otherToThis, double tolerance) {
        RigidPose[] joined = poses.clone();
        for (int p : other.parts) {
            joined[p] = GeometricAssembler.compose(otherToThis, other.poses[p]);
        }
        boolean[] dropThis = shared(surface, other.surface, otherToThis.inverse(), tolerance);
        boolean[] dropOther = shared(other.surface, surface, otherToThis, tolerance);
        int kept = 0;
        for (boolean d : dropThis) {
            kept += d ? 0 : 1;
        }
        for (boolean d : dropOther) {
            kept += d ? 0 : 1;
        }
        if (kept < MIN_POINTS) {
            // Thin parts joined over most of their surface (a semantic part on another): keep the
            // shared faces rather than leave too few points to register.
            dropThis = new boolean[dropThis.length];
            dropOther = new boolean[dropOther.length];
            kept = dropThis.length + dropOther.length;
        }
        double[] x = new double[3 * kept];
        double[] n = new double[3 * kept];
        int k = 0;
        for (int i = 0; i < surface.size(); i++) {
            if (!dropThis[i]) {
                for (int d = 0; d < 3; d++) {
                    x[3 * k + d] = surface.x(i, d);
                    n[3 * k + d] = surface.n(i, d);
                }
                k++;
            }
        }
        double[] r = otherToThis.rotation();
        double[] t = otherToThis.translation();
        for (int i = 0; i < other.surface.size(); i++) {
            if (!dropOther[i]) {
                for (int a = 0; a < 3; a++) {
                    x[3 * k + a] = r[3 * a] * other.surface.x(i, 0) + r[3 * a + 1] * other.surface.x(i, 1)
                            + r[3 * a + 2] * other.surface.x(i, 2) + t[a];
                    n[3 * k + a] = r[3 * a] * other.surface.n(i, 0) + r[3 * a + 1] * other.surface.n(i, 1)
                            + r[3 * a + 2] * other.surface.n(i, 2);
                }
                k++;
            }
        }
        int[] all = Arrays.copyOf(parts, parts.length + other.parts.length);
        System.arraycopy(other.parts, 0, all, parts.length, other.parts.length);
        Arrays.sort(all);
        double area = kept * (surface.size() * surface.areaPerPoint() + other.surface.size() * other.surface.areaPerPoint())
                / (surface.size() + other.surface.size());
        return new Cluster(all, joined, PartSurface.of("parts " + Arrays.toString(all), x, n, area), detector, maxRegions);
    }

    /** Which points of {@code a}, moved by {@code aToB}, touch {@code b} facing it. */
    private static boolean[] shared(PartSurface a, PartSurface b, RigidPose aToB, double tolerance) {
        boolean[] out = new boolean[a.size()];
        double[] r = aToB.rotation();
        double[] t = aToB.translation();
        for (int i = 0; i < a.size(); i++) {
            double[] x = new double[3];
            double[] m = new double[3];
            for (int k = 0; k < 3; k++) {
                x[k] = r[3 * k] * a.x(i, 0) + r[3 * k + 1] * a.x(i, 1) + r[3 * k + 2] * a.x(i, 2) + t[k];
                m[k] = r[3 * k] * a.n(i, 0) + r[3 * k + 1] * a.n(i, 1) + r[3 * k + 2] * a.n(i, 2);
            }
            for (int j : b.index().withinRadius(x[0], x[1], x[2], tolerance)) {
                if (m[0] * b.n(j, 0) + m[1] * b.n(j, 1) + m[2] * b.n(j, 2) <= Contact.OPPOSITE) {
                    out[i] = true;
                    break;
                }
            }
        }
        return out;
    }
}
