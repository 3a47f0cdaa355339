package io.flowkit.datasets.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read because its content is malformed: a bad header, a truncated body, a
 * wrong count, a non-finite coordinate, an index out of range. Every reader of this module throws
 * it, and its message names the file, the line or record where known, and the problem, for example
 * {@code "cube.off: line 12: face 3 refers to vertex 9 but the mesh has 8 vertices"}.
 */
public final class MalformedInputException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int record;
    private final String problem;

    private MalformedInputException(Path file, long line, int record, String problem, Throwable cause) {
        super(format(file, line, record, problem), cause);
        this.file = file;
        this.line = line;
        this.record = record;
        this.problem = problem;
    }

    /**
     * A problem located in the file as a whole.
     *
     * @param file the file read
     * @param problem what is wrong
     * @return the exception
     */
    public static MalformedInputException of(Path file, String problem) {
        return new MalformedInputException(file, -1, -1, problem, null);
    }

    /**
     * A problem located in the file as a whole, caused by another exception.
     *
     * @param file the file read
     * @param problem what is wrong
     * @param cause the underlying failure
     * @return the exception
     */
    public static MalformedInputException of(Path file, String problem, Throwable cause) {
        return new MalformedInputException(file, -1, -1, problem, cause);
    }

    /**
     * A problem on one line of a text file.
     *
     * @param file the file read
     * @param line the line number, counting from 1
     * @param problem what is wrong
     * @return the exception
     */
    public static MalformedInputException atLine(Path file, long line, String problem) {
        return new MalformedInputException(file, line, -1, problem, null);
    }

    /**
     * A problem on one line of a text file, caused by another exception.
     *
     * @param file the file read
     * @param line the line number, counting from 1
     * @param problem what is wrong
     * @param cause the underlying failure
     * @return the exception
     */
    public static MalformedInputException atLine(Path file, long line, String problem, Throwable cause) {
        return new MalformedInputException(file, line, -1, problem, cause);
    }

    /**
     * A problem in one record of a multi-record file (SDF, multi-frame XYZ).
     *
     * @param file the file read
     * @param record the record index, counting from 0
     * @param line the line number counting from 1, or -1 when unknown
     * @param problem what is wrong
     * @param cause the underlying failure, or null
     * @return the exception
     */
    public static MalformedInputException inRecord(Path file, int record, long line, String problem, Throwable cause) {
        return new MalformedInputException(file, line, record, problem, cause);
    }

    /** @return the file that could not be read */
    public Path file() {
        return file;
    }

    /** @return the line number (from 1) where the problem was found, or -1 when unknown */
    public long line() {
        return line;
    }

    /** @return the record index (from 0) where the problem was found, or -1 when not applicable */
    public int record() {
        return record;
    }

    /** @return the problem alone, without the file and position */
    public String problem() {
        return problem;
    }

    private static String format(Path file, long line, int record, String problem) {
        StringBuilder sb = new StringBuilder(String.valueOf(file));
        if (record >= 0) {
            sb.append(": record ").append(record);
        }
        if (line > 0) {
            sb.append(record >= 0 ? " (line " + line + ")" : ": line " + line);
        }
        return sb.append(": ").append(problem).toString();
    }
}
