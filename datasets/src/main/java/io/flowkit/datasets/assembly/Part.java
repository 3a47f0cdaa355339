package io.flowkit.datasets.assembly;

import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.pointcloud.PointCloud;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a fractured or multi-part object: its geometry, either a triangle mesh or a point
 * cloud, in the part's own frame, and the pose that places it in the assembled object.
 */
public final class Part {

    private final String name;
    private final TriangleMesh mesh;
    private final PointCloud points;
    private final RigidPose pose;

    private Part(String name, TriangleMesh mesh, PointCloud points, RigidPose pose) {
        this.name = Objects.requireNonNull(name, "name");
        this.mesh = mesh;
        this.points = points;
        this.pose = Objects.requireNonNull(pose, "pose");
    }

    /**
     * A part given as a mesh.
     *
     * @param name part name, for example the file name without extension
     * @param mesh geometry in the part's frame
     * @param pose part frame to assembled frame
     * @return the part
     */
    public static Part ofMesh(String name, TriangleMesh mesh, RigidPose pose) {
        return new Part(name, Objects.requireNonNull(mesh, "mesh"), null, pose);
    }

    /**
     * A part given as a point cloud.
     *
     * @param name part name
     * @param points geometry in the part's frame
     * @param pose part frame to assembled frame
     * @return the part
     */
    public static Part ofPoints(String name, PointCloud points, RigidPose pose) {
        return new Part(name, null, Objects.requireNonNull(points, "points"), pose);
    }

    /** @return the part name */
    public String name() {
        return name;
    }

    /** @return the mesh, when the part is given as a mesh */
    public Optional<TriangleMesh> mesh() {
        return Optional.ofNullable(mesh);
    }

    /** @return the point cloud, when the part is given as points */
    public Optional<PointCloud> points() {
        return Optional.ofNullable(points);
    }

    /** @return the pose from the part frame to the assembled frame */
    public RigidPose pose() {
        return pose;
    }

    /** @return the part's positions (mesh vertices or points) in its own frame, interleaved xyz */
    public double[] localPositions() {
        return mesh != null ? mesh.vertices() : points.positions();
    }

    /** @return the part's positions moved by its pose into the assembled frame, interleaved xyz */
    public double[] assembledPositions() {
        return pose.apply(localPositions());
    }

    /**
     * The same geometry under another pose.
     *
     * @param newPose part frame to assembled frame
     * @return the new part
     */
    public Part withPose(RigidPose newPose) {
        return new Part(name, mesh, points, newPose);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Part)) {
            return false;
        }
        Part p = (Part) o;
        return name.equals(p.name) && Objects.equals(mesh, p.mesh) && Objects.equals(points, p.points) && pose.equals(p.pose);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mesh, points, pose);
    }

    @Override
    public String toString() {
        return "Part[" + name + ", " + (mesh != null ? mesh : points) + "]";
    }
}
