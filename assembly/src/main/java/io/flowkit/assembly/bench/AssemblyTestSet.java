package io.flowkit.assembly.bench;

import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.train.SyntheticFractures;
import io.flowkit.datasets.assembly.FracturedObject;
import io.flowkit.datasets.assembly.Part;
import io.flowkit.datasets.catalog.FracturedObjectSet;
import io.flowkit.datasets.mesh.TriangleMesh;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A set of objects to assemble, with a description of where they come from and the objects that
 * were skipped (too many parts for the model, too few points per part).
 *
 * @param description what the set is, for reports
 * @param examples the prepared objects
 * @param skipped the skipped objects, each with its reason
 */
public record AssemblyTestSet(String description, List<AssemblyExample> examples, List<String> skipped) {

    /** Copies the lists. */
    public AssemblyTestSet {
        examples = List.copyOf(examples);
        skipped = List.copyOf(skipped);
    }

    /**
     * Held-out synthetic planar fractures of meshes never used in training
     * ({@link SyntheticFractures#HELD_OUT_MESHES}).
     *
     * @param preparation points per object and frame
     * @param objects how many
     * @param minParts fewest parts
     * @param maxParts most parts
     * @param seed seed of the fractures and rotations
     * @return the set
     * @throws IOException if the meshes cannot be read
     */
    public static AssemblyTestSet heldOut(AssemblyPreparation preparation, int objects, int minParts, int maxParts, long seed)
            throws IOException {
        List<AssemblyExample> test = SyntheticFractures.make(true, objects, minParts, maxParts, preparation, seed, done -> {});
        return new AssemblyTestSet(String.format(Locale.ROOT, "held-out synthetic fractures of %s: %d objects, %d-%d parts, "
                + "%d points", SyntheticFractures.HELD_OUT_MESHES, test.size(), minParts, maxParts, preparation.pointCount()),
                test, List.of());
    }

    /**
     * The 2D task: random star polygons cut into Voronoi cells, with seeds other than training's.
     *
     * @param preparation a planar preparation
     * @param objects how many
     * @param minParts fewest parts
     * @param maxParts most parts
     * @param seed seed (offset from the training seeds)
     * @return the set
     */
    public static AssemblyTestSet planar(AssemblyPreparation preparation, int objects, int minParts, int maxParts, long seed) {
        List<AssemblyExample> test = SyntheticFractures.makePlanar(objects, minParts, maxParts, preparation, 1_000_000 + seed);
        return new AssemblyTestSet(String.format(Locale.ROOT, "held-out random star polygons (2D): %d objects, %d-%d parts, "
                + "%d points", test.size(), minParts, maxParts, preparation.pointCount()), test, List.of());
    }

    /**
     * A real sample, zero-shot: {@code breaking-bad} (physically simulated fractures) or
     * {@code partnet} (semantic parts), split {@code val}.
     *
     * @param name {@code breaking-bad} or {@code partnet}
     * @param preparation points per object and frame
     * @param maxParts most parts the model takes
     * @param seed seed of the rotations
     * @return the set
     * @throws IOException if the data set cannot be read
     * @throws IllegalArgumentException on an unknown name
     */
    public static AssemblyTestSet real(String name, AssemblyPreparation preparation, int maxParts, long seed)
            throws IOException {
        FracturedObjectSet set = realSet(name);
        int points = preparation.pointCount();
        int least = preparation.minimumPerPart();
        List<AssemblyExample> test = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FracturedObject o : set.readSplit("val")) {
            if (o.partCount() < 2 || o.partCount() > maxParts || o.partCount() * least > points) {
                skipped.add(String.format(Locale.ROOT, "%s (%d parts; the model takes 2 to %d)", o.id(), o.partCount(),
                        Math.min(maxParts, points / least)));
                continue;
            }
            test.add(preparation.prepare(o.id(), assembledParts(o), seed));
        }
        return new AssemblyTestSet(String.format(Locale.ROOT, "%s (zero-shot, %s): %d objects, %d skipped, %d points", name,
                name.startsWith("b") ? "real fractures" : "semantic parts", test.size(), skipped.size(), points), test, skipped);
    }

    /**
     * A real sample by name.
     *
     * @throws IllegalArgumentException on an unknown name
     */
    static FracturedObjectSet realSet(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "breaking-bad" -> FracturedObjectSet.breakingBadEveryday();
            case "partnet" -> FracturedObjectSet.partNetSample();
            default -> throw new IllegalArgumentException("unknown real set: " + name + " (known: breaking-bad, partnet)");
        };
    }

    /** A real object's part meshes in their assembled poses. */
    static List<TriangleMesh> assembledParts(FracturedObject o) {
        List<TriangleMesh> parts = new ArrayList<>();
        for (Part p : o.parts()) {
            parts.add(p.mesh().orElseThrow().withVertices(p.assembledPositions()));
        }
        return parts;
    }
}
