package io.flowkit.datasets.sampling;

import io.flowkit.datasets.pointcloud.PointCloud;

/**
 * Points sampled on a triangle mesh: the cloud (with the unit normal of the triangle each point
 * lies on) and, per point, the index of that triangle.
 *
 * @param points the sampled points with face normals
 * @param faces per point, the index of the triangle it was drawn on
 */
public record MeshSample(PointCloud points, int[] faces) {

    /**
     * Checks that there is one face index per point.
     *
     * @param points the sampled points
     * @param faces the triangle of each point
     */
    public MeshSample {
        if (faces.length != points.size()) {
            throw new IllegalArgumentException("faces hold " + faces.length + " indices but there are " + points.size() + " points");
        }
        faces = faces.clone();
    }

    /** @return a copy of the triangle index of each point */
    @Override
    public int[] faces() {
        return faces.clone();
    }

    /**
     * The sample restricted to some points.
     *
     * @param indices point indices, in the order wanted
     * @return the sub-sample
     */
    public MeshSample subset(int[] indices) {
        int[] f = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            f[k] = faces[indices[k]];
        }
        return new MeshSample(points.subset(indices), f);
    }
}
