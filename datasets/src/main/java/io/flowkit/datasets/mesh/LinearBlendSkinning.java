package io.flowkit.datasets.mesh;

/**
 * Linear blend skinning: each vertex moves by the weighted sum of its bones' affine transforms,
 * {@code v'_i = Σ_j W_ij [v_i, 1] T_j}, with {@code T_j} a 4 × 3 matrix (rotation/scale rows
 * 0..2, translation row 3) acting on the row vector {@code [x, y, z, 1]}. This is libigl's
 * convention ({@code igl::lbs_matrix}); see Magnenat-Thalmann et al. 1988 and Jacobson et al.,
 * "Skinning: real-time shape deformation", SIGGRAPH 2014 course.
 */
public final class LinearBlendSkinning {

    private final TriangleMesh rest;
    private final double[] weights;
    private final int bones;

    private LinearBlendSkinning(TriangleMesh rest, double[] weights, int bones) {
        this.rest = rest;
        this.weights = weights;
        this.bones = bones;
    }

    /**
     * A skinned mesh.
     *
     * @param rest the rest-pose mesh
     * @param weightsRowMajor weights W, vertices × bones, row-major (copied)
     * @param bones number of bones, at least 1
     * @return the skinning
     * @throws IllegalArgumentException when the weight count is not vertices × bones or a weight is not finite
     */
    public static LinearBlendSkinning of(TriangleMesh rest, double[] weightsRowMajor, int bones) {
        if (bones < 1 || weightsRowMajor.length != (long) rest.vertexCount() * bones) {
            throw new IllegalArgumentException("weights hold " + weightsRowMajor.length + " values but the mesh has "
                    + rest.vertexCount() + " vertices and " + bones + " bones");
        }
        for (int i = 0; i < weightsRowMajor.length; i++) {
            if (!Double.isFinite(weightsRowMajor[i])) {
                throw new IllegalArgumentException("weight of vertex " + i / bones + ", bone " + i % bones
                        + " is not finite: " + weightsRowMajor[i]);
            }
        }
        return new LinearBlendSkinning(rest, weightsRowMajor.clone(), bones);
    }

    /** @return the rest-pose mesh */
    public TriangleMesh rest() {
        return rest;
    }

    /** @return the weights W, vertices × bones, row-major (a copy) */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the number of bones */
    public int boneCount() {
        return bones;
    }

    /**
     * Poses the mesh.
     *
     * @param transforms the stacked bone transforms, a (4 · bones) × 3 matrix in column-major order
     *     (one column of libigl's animation {@code .dmat}): entry (r, c) at {@code r + 4 · bones · c},
     *     bone j in rows 4j .. 4j + 3
     * @return the posed mesh (same faces and signals)
     * @throws IllegalArgumentException when the length is not 12 · bones
     */
    public TriangleMesh pose(double[] transforms) {
        int rows = 4 * bones;
        if (transforms.length != 3 * rows) {
            throw new IllegalArgumentException("transforms hold " + transforms.length + " values, expected "
                    + 3 * rows + " for " + bones + " bones");
        }
        double[] v = rest.vertices();
        double[] out = new double[v.length];
        for (int i = 0; i < rest.vertexCount(); i++) {
            double x = v[3 * i];
            double y = v[3 * i + 1];
            double z = v[3 * i + 2];
            for (int j = 0; j < bones; j++) {
                double w = weights[i * bones + j];
                if (w == 0) {
                    continue;
                }
                int r = 4 * j;
                for (int c = 0; c < 3; c++) {
                    int col = rows * c;
                    out[3 * i + c] += w * (x * transforms[col + r] + y * transforms[col + r + 1]
                            + z * transforms[col + r + 2] + transforms[col + r + 3]);
                }
            }
        }
        return rest.withVertices(out);
    }
}
