package io.flowkit.datasets.assembly;

import java.util.List;
import java.util.Objects;

/**
 * An object broken into parts (Breaking Bad) or made of parts (PartNet): an identifier and at least
 * one {@link Part}, each with the pose that places it in the assembled object.
 */
public final class FracturedObject {

    private final String id;
    private final List<Part> parts;

    private FracturedObject(String id, List<Part> parts) {
        this.id = Objects.requireNonNull(id, "id");
        this.parts = List.copyOf(parts);
        if (this.parts.isEmpty()) {
            throw new IllegalArgumentException("object " + id + " has no parts");
        }
    }

    /**
     * @param id identifier, for example "everyday/Bowl/4b93.../fractured_13"
     * @param parts at least one part
     * @return the object
     */
    public static FracturedObject of(String id, List<Part> parts) {
        return new FracturedObject(id, parts);
    }

    /** @return the identifier */
    public String id() {
        return id;
    }

    /** @return the parts, in order */
    public List<Part> parts() {
        return parts;
    }

    /** @return the number of parts */
    public int partCount() {
        return parts.size();
    }

    /** @return the positions of every part in the assembled frame, concatenated in part order (interleaved xyz) */
    public double[] assembledPositions() {
        double[][] each = new double[parts.size()][];
        int total = 0;
        for (int i = 0; i < each.length; i++) {
            each[i] = parts.get(i).assembledPositions();
            total += each[i].length;
        }
        double[] out = new double[total];
        int at = 0;
        for (double[] a : each) {
            System.arraycopy(a, 0, out, at, a.length);
            at += a.length;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FracturedObject && id.equals(((FracturedObject) o).id) && parts.equals(((FracturedObject) o).parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, parts);
    }

    @Override
    public String toString() {
        return "FracturedObject[" + id + ", " + parts.size() + " parts]";
    }
}
