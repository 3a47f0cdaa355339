package io.flowkit.assembly.data;

import io.flowkit.core.math.So3;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.datasets.pointcloud.PointCloud;
import io.flowkit.datasets.sampling.UniformSurfaceSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prepares assembly examples as Rectified Point Flow does (Sun et al. 2025, "Rectified Point Flow:
 * Generic Point Cloud Pose Estimation"): N points over the object, each part getting a share in
 * proportion to its surface area but at least a minimum; the part with the most area is the anchor
 * and keeps its pose; every other part is centred on its own points' mean and rotated by a random
 * rotation (uniform on SO(3), or about z only for planar objects). RPF centres and scales the object
 * by its assembled shape; here the frame is one that unassembled parts define too, so that a user's
 * parts can be put in it: the anchor's centroid is the origin and the unit is the radius of a
 * sphere with the parts' total area ({@code sqrt(A / 4π)}; an object then reaches about 1 to 1.5
 * from the anchor). RPF uses 5,000 points per object; the default here is 512 for a 2-core CPU.
 */
public final class AssemblyPreparation {

    private final int points;
    private final int minPerPart;
    private final boolean planar;

    private AssemblyPreparation(Builder b) {
        this.points = b.points;
        this.minPerPart = b.minPerPart;
        this.planar = b.planar;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the points per object */
    public int pointCount() {
        return points;
    }

    /** @return the fewest points a part gets */
    public int minimumPerPart() {
        return minPerPart;
    }

    /**
     * How many points each part gets: proportional to area, at least the minimum, N in total.
     *
     * @param areas the parts' areas
     * @return the counts
     * @throws IllegalArgumentException if the parts cannot all get the minimum
     */
    public int[] allocate(double[] areas) {
        int k = areas.length;
        if ((long) k * minPerPart > points) {
            throw new IllegalArgumentException(k + " parts need at least " + k * minPerPart + " points, more than the "
                    + points + " per object");
        }
        double total = 0;
        for (double a : areas) {
            if (!(a > 0) || !Double.isFinite(a)) {
                throw new IllegalArgumentException("a part has no area: " + a);
            }
            total += a;
        }
        int spare = points - k * minPerPart;
        int[] counts = new int[k];
        double[] remainder = new double[k];
        int given = 0;
        for (int p = 0; p < k; p++) {
            double share = spare * areas[p] / total;
            counts[p] = minPerPart + (int) Math.floor(share);
            remainder[p] = share - Math.floor(share);
            given += counts[p];
        }
        while (given < points) {
            int best = 0;
            for (int p = 1; p < k; p++) {
                if (remainder[p] > remainder[best]) {
                    best = p;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            given++;
        }
        return counts;
    }

    /**
     * Prepares an object from part meshes in their assembled poses.
     *
     * @param id a name for the object
     * @param parts the parts, at least 2, each with surface area
     * @param seed seed of the sampling and the rotations
     * @return the example
     * @throws IllegalArgumentException with fewer than 2 parts, a part without area, or too many parts
     *     for the point budget
     */
    public AssemblyExample prepare(String id, List<TriangleMesh> parts, long seed) {
        double[] areas = partAreas(id, parts);
        int[] counts = allocate(areas);
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> sampled = new ArrayList<>();
        List<double[]> normals = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            PointCloud points = UniformSurfaceSampler.sample(parts.get(p), counts[p], random.nextLong()).points();
            sampled.add(points.positions());
            normals.add(points.normals().orElseThrow());
        }
        float[] contact = contact(parts, sampled);
        return prepareSampled(id, sampled, normals, areas, random.nextLong()).withContact(contact);
    }

    /**
     * Contact labels: a point of one part touches the object's other parts when it lies on one of
     * their surfaces (within 10⁻⁶ of the object's size), as points on a shared fracture face do.
     */
    private static float[] contact(List<TriangleMesh> parts, List<double[]> sampled) {
        double size = 0;
        for (TriangleMesh m : parts) {
            size = Math.max(size, m.boundingBoxDiagonal());
        }
        double tolerance = 1e-6 * size;
        List<io.flowkit.validation.pointcloud.Surface> surfaces = new ArrayList<>();
        for (TriangleMesh m : parts) {
            surfaces.add(io.flowkit.validation.pointcloud.Surface.of(m));
        }
        int n = 0;
        for (double[] x : sampled) {
            n += x.length / 3;
        }
        float[] out = new float[n];
        int offset = 0;
        for (int p = 0; p < parts.size(); p++) {
            double[] x = sampled.get(p);
            for (int q = 0; q < parts.size(); q++) {
                if (q == p) {
                    continue;
                }
                double[] d = surfaces.get(q).distances(x);
                for (int i = 0; i < d.length; i++) {
                    if (d[i] <= tolerance) {
                        out[offset + i] = 1;
                    }
                }
            }
            offset += x.length / 3;
        }
        return out;
    }

    /**
     * Prepares an object from points already sampled on its parts (in assembled poses).
     *
     * @param id a name for the object
     * @param parts each part's points, interleaved xyz, at least one point each
     * @param areas each part's area, to pick the anchor (the largest)
     * @param seed seed of the rotations
     * @return the example
     * @throws IllegalArgumentException with fewer than 2 parts or an empty part
     */
    public AssemblyExample prepareSampled(String id, List<double[]> parts, double[] areas, long seed) {
        return prepareSampled(id, parts, null, areas, seed);
    }

    /**
     * Prepares an object from points already sampled on its parts (in assembled poses), with their
     * surface normals, which are rotated with their parts.
     *
     * @param id a name for the object
     * @param parts each part's points, interleaved xyz, at least one point each
     * @param partNormals each part's normals, as its points, or {@code null} for none
     * @param areas each part's area, to pick the anchor (the largest)
     * @param seed seed of the rotations
     * @return the example
     * @throws IllegalArgumentException with fewer than 2 parts, an empty part, or normals that do not
     *     match the points
     */
    public AssemblyExample prepareSampled(String id, List<double[]> parts, List<double[]> partNormals, double[] areas,
            long seed) {
        int k = parts.size();
        if (k < 2) {
            throw new IllegalArgumentException("object " + id + " has " + k + " part(s): assembly needs at least 2");
        }
        int n = 0;
        for (int p = 0; p < k; p++) {
            if (parts.get(p).length < 3) {
                throw new IllegalArgumentException("object " + id + ": part " + p + " has no points");
            }
            n += parts.get(p).length / 3;
        }
        double[] assembled = new double[3 * n];
        double[] assembledNormals = partNormals == null ? null : new double[3 * n];
        int[] partOf = new int[n];
        int q = 0;
        for (int p = 0; p < k; p++) {
            double[] x = parts.get(p);
            System.arraycopy(x, 0, assembled, 3 * q, x.length);
            if (assembledNormals != null) {
                if (partNormals.size() != k || partNormals.get(p).length != x.length) {
                    throw new IllegalArgumentException("object " + id + ": part " + p + " has normals that do not match "
                            + "its points");
                }
                System.arraycopy(partNormals.get(p), 0, assembledNormals, 3 * q, x.length);
            }
            for (int i = 0; i < x.length / 3; i++) {
                partOf[q++] = p;
            }
        }
        int anchor = anchor(areas);
        double scale = unit(areas);
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("object " + id + " has no area");
        }
        // The frame is one a user's parts also define: the anchor's centroid at the origin, and the
        // length unit the radius of a sphere with the parts' total area.
        double[] centre = mean(assembled, partOf, anchor);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                assembled[3 * i + d] = (assembled[3 * i + d] - centre[d]) * scale;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] input = new double[3 * n];
        double[] inputNormals = assembledNormals == null ? null : new double[3 * n];
        List<RigidPose> poses = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            if (p == anchor) {
                for (int i = 0; i < n; i++) {
                    if (partOf[i] == p) {
                        System.arraycopy(assembled, 3 * i, input, 3 * i, 3);
                        if (inputNormals != null) {
                            System.arraycopy(assembledNormals, 3 * i, inputNormals, 3 * i, 3);
                        }
                    }
                }
                poses.add(RigidPose.identity());
                continue;
            }
            double[] c = mean(assembled, partOf, p);
            double[] r = planar ? aboutZ(2 * Math.PI * random.nextDouble())
                    : So3.fromUniforms(random.nextDouble(), random.nextDouble(), random.nextDouble());
            for (int i = 0; i < n; i++) {
                if (partOf[i] != p) {
                    continue;
                }
                double[] x = {assembled[3 * i] - c[0], assembled[3 * i + 1] - c[1], assembled[3 * i + 2] - c[2]};
                for (int a = 0; a < 3; a++) {
                    input[3 * i + a] = r[3 * a] * x[0] + r[3 * a + 1] * x[1] + r[3 * a + 2] * x[2];
                }
                if (inputNormals != null) {
                    double[] m = {assembledNormals[3 * i], assembledNormals[3 * i + 1], assembledNormals[3 * i + 2]};
                    for (int a = 0; a < 3; a++) {
                        inputNormals[3 * i + a] = r[3 * a] * m[0] + r[3 * a + 1] * m[1] + r[3 * a + 2] * m[2];
                    }
                }
            }
            // assembled = Rᵀ · input + c
            double[] rt = {r[0], r[3], r[6], r[1], r[4], r[7], r[2], r[5], r[8]};
            poses.add(RigidPose.of(rt, c));
        }
        return new AssemblyExample(id, partOf, k, anchor, input, assembled, poses, scale, centre, null, inputNormals);
    }

    /**
     * Puts a user's parts, in whatever poses they come, into the model's frame: the same sampling
     * and frame as training (anchor = the part with the most area, origin at its centroid, unit
     * {@code sqrt(A / 4π)}); the anchor keeps its pose, every other part is centred on its own
     * points' mean without rotating it. The true poses are unknown and recorded as identities.
     *
     * @param id a name for the object
     * @param parts the parts' meshes, at least 2, each with area
     * @param seed seed of the sampling
     * @return the example, and in {@link Placement} how to map its poses back to the parts' own
     *     coordinates
     * @throws IllegalArgumentException with fewer than 2 parts, a part without area, or too many
     *     parts for the point budget
     */
    public Placement place(String id, List<TriangleMesh> parts, long seed) {
        double[] areas = partAreas(id, parts);
        int[] counts = allocate(areas);
        SplittableRandom random = new SplittableRandom(seed);
        int anchor = anchor(areas);
        double scale = unit(areas);
        List<double[]> sampled = new ArrayList<>();
        List<double[]> sampledNormals = new ArrayList<>();
        List<double[]> centres = new ArrayList<>();
        int n = 0;
        for (int p = 0; p < parts.size(); p++) {
            PointCloud points = UniformSurfaceSampler.sample(parts.get(p), counts[p], random.nextLong()).points();
            double[] x = points.positions();
            sampled.add(x);
            sampledNormals.add(points.normals().orElseThrow());
            centres.add(mean(x, null, -1));
            n += counts[p];
        }
        double[] origin = centres.get(anchor);
        int[] partOf = new int[n];
        double[] input = new double[3 * n];
        double[] normals = new double[3 * n];
        List<RigidPose> unknown = new ArrayList<>();
        int q = 0;
        for (int p = 0; p < parts.size(); p++) {
            double[] x = sampled.get(p);
            double[] c = p == anchor ? origin : centres.get(p);
            System.arraycopy(sampledNormals.get(p), 0, normals, 3 * q, x.length);
            for (int i = 0; i < x.length / 3; i++) {
                for (int d = 0; d < 3; d++) {
                    input[3 * q + d] = (x[3 * i + d] - c[d]) * scale;
                }
                partOf[q++] = p;
            }
            unknown.add(RigidPose.identity());
        }
        AssemblyExample example = new AssemblyExample(id, partOf, parts.size(), anchor, input, input.clone(), unknown,
                scale, origin, null, normals);
        return new Placement(example, centres, origin, scale);
    }

    /**
     * A user's parts in the model's frame, with what maps predicted poses back.
     *
     * @param example the parts as the model sees them
     * @param centres each part's centroid in its own coordinates
     * @param origin the anchor's centroid, the frame's origin
     * @param scale the frame's unit as a factor
     */
    public record Placement(AssemblyExample example, List<double[]> centres, double[] origin, double scale) {

        /**
         * The pose that moves part p, in its own coordinates, to its assembled place in the anchor's
         * coordinates: {@code X = R (Y − c_p) + t / s + o} for a pose (R, t) in the model's frame.
         *
         * @param part the part
         * @param predicted the pose the model found, in its frame
         * @return the pose in the parts' coordinates
         */
        public RigidPose toParts(int part, RigidPose predicted) {
            if (part == example.anchor()) {
                return RigidPose.identity();
            }
            double[] r = predicted.rotation();
            double[] t = predicted.translation();
            double[] c = centres.get(part);
            double[] out = new double[3];
            for (int a = 0; a < 3; a++) {
                out[a] = t[a] / scale + origin[a] - (r[3 * a] * c[0] + r[3 * a + 1] * c[1] + r[3 * a + 2] * c[2]);
            }
            return RigidPose.of(r, out);
        }

        /**
         * The inverse of {@link #toParts}: a pose in the parts' coordinates as a pose in this
         * frame, {@code t = s (t_parts − o + R c_p)}. Moves poses between two placements of the
         * same parts (a sparse one for the flow, a dense one for the geometric stage).
         *
         * @param part the part
         * @param inParts its pose in the parts' coordinates
         * @return the pose in this frame
         */
        public RigidPose fromParts(int part, RigidPose inParts) {
            if (part == example.anchor()) {
                return RigidPose.identity();
            }
            double[] r = inParts.rotation();
            double[] t = inParts.translation();
            double[] c = centres.get(part);
            double[] out = new double[3];
            for (int a = 0; a < 3; a++) {
                out[a] = scale * (t[a] - origin[a] + r[3 * a] * c[0] + r[3 * a + 1] * c[1] + r[3 * a + 2] * c[2]);
            }
            return RigidPose.of(r, out);
        }
    }

    /** Each part's area, checking that there are at least two parts and none is empty. */
    private static double[] partAreas(String id, List<TriangleMesh> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("object " + id + " has " + parts.size() + " part(s): assembly needs at least 2");
        }
        double[] areas = new double[parts.size()];
        for (int p = 0; p < areas.length; p++) {
            areas[p] = parts.get(p).surfaceArea();
            if (!(areas[p] > 0)) {
                throw new IllegalArgumentException("object " + id + ": part " + p + " is empty or degenerate (area "
                        + areas[p] + ")");
            }
        }
        return areas;
    }

    /** The anchor: the part with the most area (the first of equals). */
    private static int anchor(double[] areas) {
        int anchor = 0;
        for (int p = 1; p < areas.length; p++) {
            if (areas[p] > areas[anchor]) {
                anchor = p;
            }
        }
        return anchor;
    }

    /** The frame's unit as a factor: {@code sqrt(4π / A)} with A the parts' total area. */
    private static double unit(double[] areas) {
        double total = 0;
        for (double a : areas) {
            total += a;
        }
        return Math.sqrt(4 * Math.PI / total);
    }

    private static double[] aboutZ(double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
    }

    private static double[] mean(double[] xyz, int[] partOf, int part) {
        double[] m = new double[3];
        int count = 0;
        for (int i = 0; i < xyz.length / 3; i++) {
            if (partOf == null || partOf[i] == part) {
                for (int d = 0; d < 3; d++) {
                    m[d] += xyz[3 * i + d];
                }
                count++;
            }
        }
        for (int d = 0; d < 3; d++) {
            m[d] /= count;
        }
        return m;
    }

    /** Configures an {@link AssemblyPreparation}. */
    public static final class Builder {
        private int points = 512;
        private int minPerPart = 20;
        private boolean planar;

        private Builder() {}

        /**
         * @param value points per object (default 512; RPF: 5,000)
         * @return this builder
         */
        public Builder optPoints(int value) {
            this.points = value;
            return this;
        }

        /**
         * @param value least points per part (default 20, as RPF)
         * @return this builder
         */
        public Builder optMinimumPerPart(int value) {
            this.minPerPart = value;
            return this;
        }

        /**
         * @param value rotate parts about z only, for planar (2D) objects (default false)
         * @return this builder
         */
        public Builder optPlanar(boolean value) {
            this.planar = value;
            return this;
        }

        /**
         * @return the preparation
         * @throws IllegalArgumentException if a count is not positive
         */
        public AssemblyPreparation build() {
            if (points < 2 || minPerPart < 1) {
                throw new IllegalArgumentException("points and minimum per part must be positive: " + points + ", "
                        + minPerPart);
            }
            return new AssemblyPreparation(this);
        }
    }
}
