package io.flowkit.assembly.geometry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the flat regions of a part's surface by region growing on its k-nearest-neighbour graph:
 * a point joins a region when its normal is within an angle of the seed's and it lies within a
 * distance of the seed's plane. Planar cuts leave caps whose sampled normals are identical, so they
 * come out whole; curved original surface breaks into regions too small to keep.
 */
public final class PlanarRegions {

    /** Neighbours per point in the graph. */
    static final int NEIGHBOURS = 12;

    private PlanarRegions() {}

    /**
     * The flat regions of a part, largest first.
     *
     * @param surface the part
     * @param maxAngleDegrees largest angle between a member's normal and the seed's
     * @param minShare smallest region kept, as a share of the part's points
     * @return the regions, largest first
     */
    public static List<PlanarRegion> detect(PartSurface surface, double maxAngleDegrees, double minShare) {
        int n = surface.size();
        int k = Math.min(NEIGHBOURS + 1, n);
        int[] knn = surface.index().kNearest(surface.points(), k);
        double cos = Math.cos(Math.toRadians(maxAngleDegrees));
        double planeTolerance = 0.25 * surface.spacing();
        int minPoints = Math.max(12, (int) Math.ceil(minShare * n));
        int[] label = new int[n];
        Arrays.fill(label, -1);
        List<int[]> kept = new ArrayList<>();
        int next = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < n; s++) {
            if (label[s] != -1) {
                continue;
            }
            int id = next++;
            label[s] = id;
            queue.add(s);
            List<Integer> members = new ArrayList<>();
            while (!queue.isEmpty()) {
                int i = queue.poll();
                members.add(i);
                for (int a = 0; a < k; a++) {
                    int j = knn[i * k + a];
                    if (label[j] != -1) {
                        continue;
                    }
                    double dot = 0;
                    double off = 0;
                    for (int d = 0; d < 3; d++) {
                        dot += surface.n(j, d) * surface.n(s, d);
                        off += (surface.x(j, d) - surface.x(s, d)) * surface.n(s, d);
                    }
                    if (dot >= cos && Math.abs(off) <= planeTolerance) {
                        label[j] = id;
                        queue.add(j);
                    }
                }
            }
            if (members.size() >= minPoints) {
                kept.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
        boolean[] keptLabel = new boolean[next];
        for (int[] m : kept) {
            keptLabel[label[m[0]]] = true;
        }
        List<PlanarRegion> regions = new ArrayList<>();
        for (int[] m : kept) {
            regions.add(region(surface, m, knn, k, label, keptLabel));
        }
        regions.sort(Comparator.comparingDouble(PlanarRegion::area).reversed());
        return regions;
    }

    private static PlanarRegion region(PartSurface surface, int[] members, int[] knn, int k, int[] label,
            boolean[] keptLabel) {
        double[] c = new double[3];
        double[] nsum = new double[3];
        for (int i : members) {
            for (int d = 0; d < 3; d++) {
                c[d] += surface.x(i, d);
                nsum[d] += surface.n(i, d);
            }
        }
        for (int d = 0; d < 3; d++) {
            c[d] /= members.length;
        }
        double[] normal = unit(nsum);
        double[] u = perpendicular(normal);
        double[] v = cross(normal, u);
        int id = label[members[0]];
        List<Integer> rim = new ArrayList<>();
        List<Integer> outer = new ArrayList<>();
        for (int i : members) {
            boolean onRim = false;
            boolean crease = false;
            for (int a = 0; a < k; a++) {
                int other = label[knn[i * k + a]];
                if (other != id) {
                    onRim = true;
                    crease |= keptLabel[other];
                }
            }
            if (onRim) {
                rim.add(i);
                if (!crease) {
                    outer.add(i);
                }
            }
        }
        int[] rimIndices = rim.stream().mapToInt(Integer::intValue).toArray();
        int[] outerIndices = outer.stream().mapToInt(Integer::intValue).toArray();
        return new PlanarRegion(members, rimIndices, outerIndices, c, normal, u, v,
                members.length * surface.areaPerPoint());
    }

    static double[] unit(double[] a) {
        double len = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        return new double[] {a[0] / len, a[1] / len, a[2] / len};
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** A unit vector perpendicular to a unit vector. */
    static double[] perpendicular(double[] n) {
        double[] axis = Math.abs(n[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
        return unit(cross(axis, n));
    }
}
