package io.flowkit.assembly.bench;

import io.flowkit.assembly.assemble.PartAssembler;
import io.flowkit.assembly.data.AssemblyExample;
import io.flowkit.assembly.data.AssemblyPreparation;
import io.flowkit.assembly.fracture.MeshFracture;
import io.flowkit.datasets.assembly.FracturedObject;
import io.flowkit.datasets.assembly.RigidPose;
import io.flowkit.datasets.mesh.TriangleMesh;
import io.flowkit.validation.assembly.AssemblyResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Reassembly as a user meets it: a closed mesh cut into parts ({@link MeshFracture}), the part
 * meshes scattered (each non-anchor part centred and rotated at random, as
 * {@link AssemblyPreparation#prepare} does), then given to {@link PartAssembler} as files would be;
 * or the parts of a real sample (Breaking Bad, PartNet), scattered the same way.
 * The scattered meshes are exactly the prepared example's input, so that the example's truth scores
 * the poses the user would get.
 *
 * <pre>{@code
 * MeshReassembly.Item item = MeshReassembly.cut("cow", mesh, 5, 0);
 * MeshReassembly.Score s = MeshReassembly.run(List.of(item), assembler, "geometry", done -> {});
 * }</pre>
 */
public final class MeshReassembly {

    /**
     * Meshes of {@code meshes/cgal} that the geometric stage's settings were chosen on (the flow's
     * training meshes, {@link io.flowkit.assembly.train.SyntheticFractures#TRAIN_MESHES}).
     */
    public static final List<String> VALIDATION_MESHES = io.flowkit.assembly.train.SyntheticFractures.TRAIN_MESHES;

    /**
     * Meshes of {@code meshes/cgal} never used to train the flow or to choose a setting: the flow's
     * held-out meshes and distinct shapes of the newer meshes (near-copies of validation meshes,
     * such as {@code fandisk_large}, are left out).
     */
    public static final List<String> TEST_MESHES = List.of("cow", "triceratops", "rotor_small", "blobby", "cheese",
            "couplingdown", "diplodocus", "femur", "man", "turbine");

    /** Points of the example that scores the poses (as dense as the geometric stage samples). */
    public static final int POINTS = 10_000;

    private MeshReassembly() {}

    /**
     * One fractured, scattered object.
     *
     * @param id the mesh name and seed
     * @param scattered the part meshes in their scattered poses
     * @param truth the prepared example: its input is the scattered parts, its poses the truth
     */
    public record Item(String id, List<TriangleMesh> scattered, AssemblyExample truth) {
        /** Copies the list. */
        public Item {
            scattered = List.copyOf(scattered);
        }
    }

    /**
     * How one method did on a set of items.
     *
     * @param method the method's label
     * @param objects the number of objects
     * @param parts the number of parts, all objects
     * @param partAccuracy share of parts placed correctly (Chamfer distance to the truth below 0.01
     *     in the object's unit)
     * @param objectAccuracy share of objects with every part placed correctly
     * @param secondsPerObject mean wall time per object
     * @param confidenceCorrect mean confidence of the correctly placed non-anchor parts
     * @param confidenceWrong mean confidence of the wrongly placed ones (NaN when there are none)
     * @param lowConfidenceWrong share of the wrongly placed parts whose confidence is below 0.5 (the
     *     command's warning)
     */
    public record Score(String method, int objects, int parts, double partAccuracy, double objectAccuracy,
            double secondsPerObject, double confidenceCorrect, double confidenceWrong, double lowConfidenceWrong) {}

    /**
     * Cuts a mesh into parts and scatters them (seeded).
     *
     * @param name the mesh's name
     * @param mesh a closed mesh
     * @param parts the number of parts
     * @param seed seed of the cut and of the scattering
     * @return the item
     */
    public static Item cut(String name, TriangleMesh mesh, int parts, long seed) {
        return scatter(name + "-" + seed, MeshFracture.fracture(mesh, parts, seed), seed);
    }

    /**
     * Scatters the parts of an object, given in their assembled poses (seeded).
     *
     * @param id the object's name
     * @param pieces its part meshes, assembled
     * @param seed seed of the sampling and of the scattering
     * @return the item
     */
    public static Item scatter(String id, List<TriangleMesh> pieces, long seed) {
        AssemblyExample e = AssemblyPreparation.builder().optPoints(POINTS).build().prepare(id, pieces, seed);
        List<TriangleMesh> scattered = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            // The example's input pose of a part: x_in = pose⁻¹((x − centre) · scale).
            RigidPose back = e.poses().get(p).inverse();
            double[] v = pieces.get(p).vertices();
            double[] w = new double[v.length];
            for (int i = 0; i < v.length; i += 3) {
                double[] x = {(v[i] - e.centre()[0]) * e.scale(), (v[i + 1] - e.centre()[1]) * e.scale(),
                    (v[i + 2] - e.centre()[2]) * e.scale()};
                System.arraycopy(back.apply(x), 0, w, i, 3);
            }
            scattered.add(pieces.get(p).withVertices(w));
        }
        return new Item(e.id(), scattered, e);
    }

    /**
     * The objects of a real sample's validation split with 2 to {@code maxParts} parts, scattered:
     * {@code breaking-bad} (physically simulated fractures) or {@code partnet} (semantic parts).
     *
     * @param name {@code breaking-bad} or {@code partnet}
     * @param maxParts most parts per object
     * @param seed seed of the sampling and of the scattering
     * @param skipped receives the objects left out, with their part counts
     * @return the items
     * @throws IOException if the data set cannot be read
     * @throws IllegalArgumentException on an unknown name
     */
    public static List<Item> real(String name, int maxParts, long seed, List<String> skipped) throws IOException {
        List<Item> items = new ArrayList<>();
        for (FracturedObject o : AssemblyTestSet.realSet(name).readSplit("val")) {
            if (o.partCount() < 2 || o.partCount() > maxParts) {
                skipped.add(o.id() + " (" + o.partCount() + " parts)");
                continue;
            }
            items.add(scatter(o.id(), AssemblyTestSet.assembledParts(o), seed));
        }
        return items;
    }

    /**
     * Assembles every item with one assembler and scores the poses.
     *
     * @param items the objects
     * @param assembler the assembler (its method decides the arm)
     * @param method a label for the table
     * @param progress receives the number of objects done
     * @return the score
     */
    public static Score run(List<Item> items, PartAssembler assembler, String method, IntConsumer progress) {
        int parts = 0;
        int correct = 0;
        int whole = 0;
        double seconds = 0;
        double confidenceCorrect = 0;
        int countCorrect = 0;
        double confidenceWrong = 0;
        int countWrong = 0;
        int lowWrong = 0;
        int done = 0;
        for (Item item : items) {
            List<String> names = new ArrayList<>();
            for (int p = 0; p < item.scattered().size(); p++) {
                names.add(item.id() + " part " + p);
            }
            long start = System.nanoTime();
            PartAssembler.Assembled a = assembler.assemble(item.scattered(), names);
            seconds += (System.nanoTime() - start) / 1e9;
            AssemblyResult r = item.truth().evaluate(a.poses());
            boolean[] ok = r.matching().correct();
            double[] confidence = a.confidence();
            int right = 0;
            for (int p = 0; p < ok.length; p++) {
                right += ok[p] ? 1 : 0;
                if (p == a.anchor()) {
                    continue;
                }
                if (ok[p]) {
                    confidenceCorrect += confidence[p];
                    countCorrect++;
                } else {
                    confidenceWrong += confidence[p];
                    countWrong++;
                    lowWrong += confidence[p] < 0.5 ? 1 : 0;
                }
            }
            parts += ok.length;
            correct += right;
            whole += right == ok.length ? 1 : 0;
            progress.accept(++done);
        }
        int n = items.size();
        return new Score(method, n, parts, parts == 0 ? 0 : (double) correct / parts, n == 0 ? 0 : (double) whole / n,
                n == 0 ? 0 : seconds / n, countCorrect == 0 ? Double.NaN : confidenceCorrect / countCorrect,
                countWrong == 0 ? Double.NaN : confidenceWrong / countWrong,
                countWrong == 0 ? Double.NaN : (double) lowWrong / countWrong);
    }
}
