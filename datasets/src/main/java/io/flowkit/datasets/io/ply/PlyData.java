package io.flowkit.datasets.io.ply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The content of a PLY file as read: its encoding, comments and elements, each element holding
 * one column of doubles per scalar property and a flattened array per list property. The arrays
 * are owned by this object and returned without copying; it is a transient result meant to be
 * turned into a value type at once.
 */
public final class PlyData {

    /**
     * A property declared in the header.
     *
     * @param name property name
     * @param type value type (of the items, for a list)
     * @param countType type of the item count for a list property, or null for a scalar property
     */
    public record Property(String name, PlyType type, PlyType countType) {
        /** @return whether this is a list property */
        public boolean isList() {
            return countType != null;
        }
    }

    /**
     * The values of a list property: item i has the values {@code values[starts[i]] ..
     * values[starts[i + 1] - 1]}.
     *
     * @param starts offsets, one more than the item count
     * @param values all values, concatenated
     */
    public record ListColumn(int[] starts, double[] values) {
        /**
         * @param item item index
         * @return the number of values of that item
         */
        public int length(int item) {
            return starts[item + 1] - starts[item];
        }
    }

    /** An element (such as {@code vertex} or {@code face}) with its properties and values. */
    public static final class Element {
        private final String name;
        private final int count;
        private final List<Property> properties = new ArrayList<>();
        final List<Object> columns = new ArrayList<>();

        Element(String name, int count) {
            this.name = name;
            this.count = count;
        }

        /** @return the element name */
        public String name() {
            return name;
        }

        /** @return the number of items */
        public int count() {
            return count;
        }

        /** @return the properties, in header order */
        public List<Property> properties() {
            return Collections.unmodifiableList(properties);
        }

        void addProperty(Property p) {
            properties.add(p);
        }

        /**
         * @param property a property name
         * @return its index, or -1 when absent
         */
        public int indexOf(String property) {
            for (int i = 0; i < properties.size(); i++) {
                if (properties.get(i).name().equals(property)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * @param property a property name
         * @return whether the element has it
         */
        public boolean has(String property) {
            return indexOf(property) >= 0;
        }

        /**
         * The values of a scalar property.
         *
         * @param property the name
         * @return one value per item (not copied)
         * @throws IllegalArgumentException when absent or a list property
         */
        public double[] scalar(String property) {
            int i = indexOf(property);
            if (i < 0 || properties.get(i).isList()) {
                throw new IllegalArgumentException("element '" + name + "' has no scalar property '" + property + "'");
            }
            return (double[]) columns.get(i);
        }

        /**
         * The values of a list property.
         *
         * @param property the name
         * @return the column (not copied)
         * @throws IllegalArgumentException when absent or a scalar property
         */
        public ListColumn list(String property) {
            int i = indexOf(property);
            if (i < 0 || !properties.get(i).isList()) {
                throw new IllegalArgumentException("element '" + name + "' has no list property '" + property + "'");
            }
            return (ListColumn) columns.get(i);
        }
    }

    private final PlyEncoding encoding;
    private final List<String> comments;
    private final List<Element> elements;

    PlyData(PlyEncoding encoding, List<String> comments, List<Element> elements) {
        this.encoding = encoding;
        this.comments = List.copyOf(comments);
        this.elements = List.copyOf(elements);
    }

    /** @return the body encoding */
    public PlyEncoding encoding() {
        return encoding;
    }

    /** @return the comment lines, without the {@code comment} keyword */
    public List<String> comments() {
        return comments;
    }

    /** @return the elements, in file order */
    public List<Element> elements() {
        return elements;
    }

    /**
     * @param name element name
     * @return the element, if the file has it
     */
    public Optional<Element> element(String name) {
        return elements.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
