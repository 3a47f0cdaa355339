package io.flowkit.assembly.geometry;

/**
 * A flat region of a part's surface: a candidate fracture face (planar cuts leave exactly flat
 * caps). It carries a frame in its plane (u, v, normal, right-handed, normal pointing out of the
 * part) and the 2D coordinates of its points and of its rim (the points next to the rest of the
 * surface) in that frame.
 *
 * @param members indices of the part's points in the region
 * @param rim indices of the members that border other points
 * @param outline indices of the rim points that border the part's original surface rather than
 *     another flat region (where the cut met the object's surface: the same curve on both sides of
 *     the cut); may be empty
 * @param centroid the members' mean
 * @param normal unit outward normal of the plane
 * @param u first in-plane axis
 * @param v second in-plane axis, {@code normal × u}
 * @param area the region's area (members × area per point)
 */
public record PlanarRegion(int[] members, int[] rim, int[] outline, double[] centroid, double[] normal, double[] u, double[] v,
        double area) {

    /**
     * 2D coordinates of points of the part in this region's frame.
     *
     * @param surface the part
     * @param indices the points
     * @return interleaved (u, v) coordinates relative to the centroid
     */
    public double[] planar(PartSurface surface, int[] indices) {
        double[] out = new double[2 * indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            double dx = surface.x(i, 0) - centroid[0];
            double dy = surface.x(i, 1) - centroid[1];
            double dz = surface.x(i, 2) - centroid[2];
            out[2 * k] = dx * u[0] + dy * u[1] + dz * u[2];
            out[2 * k + 1] = dx * v[0] + dy * v[1] + dz * v[2];
        }
        return out;
    }
}
