package io.flowkit.pointclouds.data;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.pointclouds.prepare.PointArrays;
import java.util.Arrays;
import java.util.Objects;

/**
 * One shape of an upsampling data set: its mesh, a sparse input cloud and a dense ground-truth
 * cloud sampled from it, all in the mesh's frame (the unit-sphere frame for the PU-GAN meshes).
 *
 * @param name the shape's name, for example "cow"
 * @param mesh the surface the clouds were sampled from
 * @param input the sparse input points, interleaved xyz (copied)
 * @param truth the dense ground-truth points, interleaved xyz (copied)
 */
public record ShapeSample(String name, TriangleMesh mesh, double[] input, double[] truth) {

    /**
     * Validates and copies.
     *
     * @param name non-null name
     * @param mesh non-null mesh
     * @param input a non-empty finite cloud
     * @param truth a non-empty finite cloud
     * @throws IllegalArgumentException naming the bad cloud and point
     */
    public ShapeSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mesh, "mesh");
        PointArrays.count(input, name + " input");
        PointArrays.count(truth, name + " truth");
        input = input.clone();
        truth = truth.clone();
    }

    /** @return a copy of the input points */
    @Override
    public double[] input() {
        return input.clone();
    }

    /** @return a copy of the ground-truth points */
    @Override
    public double[] truth() {
        return truth.clone();
    }

    /** @return the number of input points */
    public int inputSize() {
        return input.length / 3;
    }

    /** @return the number of ground-truth points */
    public int truthSize() {
        return truth.length / 3;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShapeSample s && name.equals(s.name) && mesh.equals(s.mesh)
                && Arrays.equals(input, s.input) && Arrays.equals(truth, s.truth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(input), Arrays.hashCode(truth));
    }

    @Override
    public String toString() {
        return "ShapeSample[" + name + ", " + inputSize() + " input points, " + truthSize() + " truth points]";
    }
}
