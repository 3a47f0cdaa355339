package io.flowkit.assembly.pose;

import io.flowkit.assembly.data.AssemblyExample;
import java.util.ArrayList;
import java.util.List;

/**
 * The current poses of one object's parts during the pose flow, and what the network sees: every
 * part's input points placed by its pose. The anchor stays at the identity (its input pose is its
 * assembled pose).
 */
final class PoseState {

    private final AssemblyExample example;
    private final List<double[]> localPoints = new ArrayList<>();
    private final PosePath.Pose[] poses;

    /**
     * @param example the object
     * @param poses one pose per part (the anchor's is ignored and kept at the identity)
     */
    PoseState(AssemblyExample example, PosePath.Pose[] poses) {
        this.example = example;
        this.poses = poses.clone();
        for (int p = 0; p < example.partCount(); p++) {
            localPoints.add(example.partPoints(p, false));
        }
        this.poses[example.anchor()] = identity();
    }

    static PosePath.Pose identity() {
        return new PosePath.Pose(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]);
    }

    AssemblyExample example() {
        return example;
    }

    PosePath.Pose pose(int part) {
        return poses[part];
    }

    void setPose(int part, PosePath.Pose pose) {
        if (part != example.anchor()) {
            poses[part] = pose;
        }
    }

    double[] localPoints(int part) {
        return localPoints.get(part);
    }

    /**
     * Writes every point placed by its part's pose into {@code out} at {@code offset} (xyz per point,
     * in the example's point order).
     */
    void placed(float[] out, int offset) {
        scatter(out, offset, p -> PosePath.place(poses[p], localPoints.get(p)));
    }

    /**
     * Writes per-part values (3 per point) into {@code out} at {@code offset}, in the example's point
     * order.
     *
     * @param out the destination
     * @param offset where the object starts
     * @param perPart the values of a part's points, in the order of {@link AssemblyExample#partPoints}
     */
    void scatter(float[] out, int offset, java.util.function.IntFunction<double[]> perPart) {
        int[] partOf = example.partOf();
        int[] next = new int[example.partCount()];
        double[][] values = new double[example.partCount()][];
        for (int p = 0; p < values.length; p++) {
            values[p] = perPart.apply(p);
        }
        for (int i = 0; i < partOf.length; i++) {
            int p = partOf[i];
            int q = next[p]++;
            for (int d = 0; d < 3; d++) {
                out[offset + 3 * i + d] = (float) values[p][3 * q + d];
            }
        }
    }

    /**
     * Gathers one part's values (3 per point) from a per-point array.
     *
     * @param from the per-point values of the batch
     * @param offset where the object starts
     * @param part the part
     * @return its values in the order of {@link AssemblyExample#partPoints}
     */
    double[] gather(float[] from, int offset, int part) {
        int[] partOf = example.partOf();
        double[] out = new double[localPoints.get(part).length];
        int q = 0;
        for (int i = 0; i < partOf.length; i++) {
            if (partOf[i] == part) {
                for (int d = 0; d < 3; d++) {
                    out[3 * q + d] = from[offset + 3 * i + d];
                }
                q++;
            }
        }
        return out;
    }
}
