package io.flowkit.assembly.data;

import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.validation.assembly.AssemblyEvaluation;
import io.flowkit.validation.assembly.AssemblyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One object to assemble, prepared for the point flow: N points, each belonging to one of K parts,
 * given in the parts' input poses ({@code input}) and, for training and evaluation, in the
 * assembled object ({@code assembled}). Part {@code anchor} is given in its assembled pose. Pose p
 * maps part p's input points onto its assembled points: {@code assembled = R · input + t}.
 *
 * @param id where the object comes from
 * @param partOf the part of each point, 0..K−1
 * @param partCount K
 * @param anchor the anchor part
 * @param input points in their parts' input poses, interleaved xyz
 * @param assembled the same points in the assembled object, interleaved xyz (the target)
 * @param poses the true pose of each part
 * @param scale the factor that took the object's coordinates to this unit frame
 * @param centre the object's centre in its own coordinates (removed before scaling)
 * @param contact per point, 1 where it touches another part in the assembled object (on a fracture
 *     face), else 0; {@code null} when unknown (a user's parts)
 * @param normals per point, the outward surface normal in the input pose, interleaved xyz;
 *     {@code null} when unknown (points without a mesh)
 */
public record AssemblyExample(String id, int[] partOf, int partCount, int anchor, double[] input, double[] assembled,
        List<RigidPose> poses, double scale, double[] centre, float[] contact, double[] normals) {

    /**
     * Validates the layout.
     *
     * @throws IllegalArgumentException if the sizes do not agree
     */
    public AssemblyExample {
        int n = partOf.length;
        if (input.length != 3 * n || assembled.length != 3 * n) {
            throw new IllegalArgumentException("example " + id + ": " + n + " points but " + input.length / 3 + " input and "
                    + assembled.length / 3 + " assembled positions");
        }
        if (poses.size() != partCount || anchor < 0 || anchor >= partCount) {
            throw new IllegalArgumentException("example " + id + ": " + partCount + " parts, " + poses.size()
                    + " poses, anchor " + anchor);
        }
        poses = List.copyOf(poses);
        if (contact != null && contact.length != n) {
            throw new IllegalArgumentException("example " + id + ": " + n + " points but " + contact.length
                    + " contact labels");
        }
        if (normals != null && normals.length != 3 * n) {
            throw new IllegalArgumentException("example " + id + ": " + n + " points but " + normals.length / 3
                    + " normals");
        }
    }

    /**
     * @param labels contact labels, one per point
     * @return a copy with them
     */
    public AssemblyExample withContact(float[] labels) {
        return new AssemblyExample(id, partOf, partCount, anchor, input, assembled, poses, scale, centre, labels, normals);
    }

    /** @return the number of points */
    public int pointCount() {
        return partOf.length;
    }

    /**
     * Scores predicted poses against the true ones ({@link AssemblyEvaluation} with its defaults, on
     * each part's input points).
     *
     * @param predicted one pose per part, input pose to assembled
     * @return the metrics
     */
    public AssemblyResult evaluate(List<RigidPose> predicted) {
        List<double[]> local = new ArrayList<>(partCount);
        for (int p = 0; p < partCount; p++) {
            local.add(partPoints(p, false));
        }
        return AssemblyEvaluation.of(local, predicted, poses);
    }

    /**
     * The points of one part.
     *
     * @param part the part
     * @param assembledPose whether to take them in the assembled object (else in the input pose)
     * @return interleaved xyz
     */
    public double[] partPoints(int part, boolean assembledPose) {
        double[] src = assembledPose ? assembled : input;
        int count = 0;
        for (int p : partOf) {
            if (p == part) {
                count++;
            }
        }
        double[] out = new double[3 * count];
        int q = 0;
        for (int i = 0; i < partOf.length; i++) {
            if (partOf[i] == part) {
                System.arraycopy(src, 3 * i, out, 3 * q++, 3);
            }
        }
        return out;
    }
}
