package io.flowkit.datasets.io.ply;

/** The body encoding of a PLY file, as named on its {@code format} header line. */
public enum PlyEncoding {
    /** {@code format ascii 1.0}: whitespace-separated text, one element item per line. */
    ASCII("ascii"),
    /** {@code format binary_little_endian 1.0}. */
    BINARY_LITTLE_ENDIAN("binary_little_endian"),
    /** {@code format binary_big_endian 1.0} (read only). */
    BINARY_BIG_ENDIAN("binary_big_endian");

    private final String headerName;

    PlyEncoding(String headerName) {
        this.headerName = headerName;
    }

    /** @return the name used on the {@code format} line */
    public String headerName() {
        return headerName;
    }

    /**
     * @param name a {@code format} line name
     * @return the encoding, or null when unknown
     */
    static PlyEncoding fromHeaderName(String name) {
        for (PlyEncoding e : values()) {
            if (e.headerName.equals(name)) {
                return e;
            }
        }
        return null;
    }
}
