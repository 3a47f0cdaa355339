package io.flowkit.datasets.catalog;

import io.flowkit.core.io.DataLocation;
import io.flowkit.datasets.io.MalformedInputException;
import io.flowkit.datasets.mesh.LinearBlendSkinning;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.mesh.io.DmatFormat;
import io.flowkit.datasets.mesh.io.DmatMatrix;
import io.flowkit.datasets.mesh.io.ObjFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * libigl's elephant animation ({@code meshes/elephant-poses}): a rest mesh ({@code elephant.obj},
 * 6,034 vertices), skinning weights ({@code elephant-weights.dmat}, vertices × 24 bones) and an
 * animation ({@code elephant-anim.dmat}, 288 × 457: one column of stacked 4 × 3 bone transforms
 * per frame). Every frame is rebuilt by {@link LinearBlendSkinning}; frame 0 is the rest pose.
 * All frames share the rest mesh's connectivity.
 */
public final class ElephantPoses {

    /** The data set folder under {@code FLOWKIT_DATA}. */
    public static final String DATASET = "meshes/elephant-poses";

    private final LinearBlendSkinning skinning;
    private final DmatMatrix animation;

    private ElephantPoses(LinearBlendSkinning skinning, DmatMatrix animation) {
        this.skinning = skinning;
        this.animation = animation;
    }

    /**
     * Loads the data set from {@code FLOWKIT_DATA}.
     *
     * @return the poses
     * @throws IOException if a file is missing or malformed
     * @throws IllegalStateException if the data set folder is not found
     */
    public static ElephantPoses load() throws IOException {
        return load(DataLocation.dataset(DATASET));
    }

    /**
     * Loads the data set from a folder.
     *
     * @param folder the folder holding the three files
     * @return the poses
     * @throws IOException if a file is missing or malformed, or the matrices do not fit the mesh
     */
    public static ElephantPoses load(Path folder) throws IOException {
        TriangleMesh rest = ObjFormat.read(folder.resolve("elephant.obj"));
        Path weightsFile = folder.resolve("elephant-weights.dmat");
        DmatMatrix weights = DmatFormat.read(weightsFile);
        if (weights.rows() != rest.vertexCount()) {
            throw MalformedInputException.of(weightsFile, "has " + weights.rows() + " rows but the mesh has "
                    + rest.vertexCount() + " vertices");
        }
        Path animFile = folder.resolve("elephant-anim.dmat");
        DmatMatrix anim = DmatFormat.read(animFile);
        if (anim.rows() != 12 * weights.cols()) {
            throw MalformedInputException.of(animFile, "has " + anim.rows() + " rows, expected 12 x "
                    + weights.cols() + " bones = " + 12 * weights.cols());
        }
        LinearBlendSkinning lbs;
        try {
            lbs = LinearBlendSkinning.of(rest, weights.rowMajor(), weights.cols());
        } catch (IllegalArgumentException e) {
            throw MalformedInputException.of(weightsFile, e.getMessage(), e);
        }
        return new ElephantPoses(lbs, anim);
    }

    /** @return the rest mesh */
    public TriangleMesh rest() {
        return skinning.rest();
    }

    /** @return the skinning (rest mesh and weights) */
    public LinearBlendSkinning skinning() {
        return skinning;
    }

    /** @return the number of animation frames (457) */
    public int frameCount() {
        return animation.cols();
    }

    /**
     * @param frame index from 0
     * @return a copy of that frame's stacked bone transforms (column-major (4 · bones) × 3)
     */
    public double[] transforms(int frame) {
        return animation.column(frame);
    }

    /**
     * Rebuilds one frame.
     *
     * @param frame index from 0
     * @return the posed mesh
     */
    public TriangleMesh frame(int frame) {
        return skinning.pose(animation.column(frame));
    }

    /** @return every frame, in order */
    public List<TriangleMesh> frames() {
        List<TriangleMesh> out = new ArrayList<>(frameCount());
        for (int f = 0; f < frameCount(); f++) {
            out.add(frame(f));
        }
        return out;
    }
}
