package io.flowkit.datasets.io.ply;

import java.nio.ByteBuffer;

/** The scalar types of PLY properties, with both the old and the sized names accepted on reading. */
public enum PlyType {
    /** Signed 8-bit integer. */
    CHAR("char", "int8", 1),
    /** Unsigned 8-bit integer. */
    UCHAR("uchar", "uint8", 1),
    /** Signed 16-bit integer. */
    SHORT("short", "int16", 2),
    /** Unsigned 16-bit integer. */
    USHORT("ushort", "uint16", 2),
    /** Signed 32-bit integer. */
    INT("int", "int32", 4),
    /** Unsigned 32-bit integer. */
    UINT("uint", "uint32", 4),
    /** 32-bit IEEE float. */
    FLOAT("float", "float32", 4),
    /** 64-bit IEEE float. */
    DOUBLE("double", "float64", 8);

    private final String name;
    private final String sizedName;
    private final int bytes;

    PlyType(String name, String sizedName, int bytes) {
        this.name = name;
        this.sizedName = sizedName;
        this.bytes = bytes;
    }

    /** @return the name written in headers ("float", "uchar") */
    public String headerName() {
        return name;
    }

    /** @return the size of one value in bytes */
    public int bytes() {
        return bytes;
    }

    /** @return whether values of this type are integers */
    public boolean isInteger() {
        return this != FLOAT && this != DOUBLE;
    }

    /**
     * @param headerName a type name from a header, either style
     * @return the type, or null when unknown
     */
    static PlyType fromHeaderName(String headerName) {
        for (PlyType t : values()) {
            if (t.name.equals(headerName) || t.sizedName.equals(headerName)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Reads one binary value.
     *
     * @param buffer positioned at the value, with the file's byte order
     * @return the value as a double
     */
    double read(ByteBuffer buffer) {
        switch (this) {
            case CHAR: return buffer.get();
            case UCHAR: return buffer.get() & 0xFF;
            case SHORT: return buffer.getShort();
            case USHORT: return buffer.getShort() & 0xFFFF;
            case INT: return buffer.getInt();
            case UINT: return buffer.getInt() & 0xFFFFFFFFL;
            case FLOAT: return buffer.getFloat();
            default: return buffer.getDouble();
        }
    }

    /**
     * Writes one binary value.
     *
     * @param buffer with the file's byte order and room for the value
     * @param value the value (integers are rounded toward zero)
     */
    void write(ByteBuffer buffer, double value) {
        switch (this) {
            case CHAR: case UCHAR: buffer.put((byte) (long) value); break;
            case SHORT: case USHORT: buffer.putShort((short) (long) value); break;
            case INT: case UINT: buffer.putInt((int) (long) value); break;
            case FLOAT: buffer.putFloat((float) value); break;
            default: buffer.putDouble(value);
        }
    }

    /**
     * Rounds a value parsed from text to what this type can hold (float precision for
     * {@link #FLOAT}), so that ASCII and binary files of one type read alike.
     *
     * @param value the parsed value
     * @return the value as stored by this type
     */
    double round(double value) {
        return this == FLOAT ? (float) value : value;
    }

    /**
     * Formats one value for an ASCII body, exactly representable after reading back.
     *
     * @param value the value
     * @return its text
     */
    String format(double value) {
        if (isInteger()) {
            return Long.toString((long) value);
        }
        return this == FLOAT ? Float.toString((float) value) : Double.toString(value);
    }
}
