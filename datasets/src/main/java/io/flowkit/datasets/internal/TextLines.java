package io.flowkit.datasets.internal;

import io.flowkit.datasets.io.MalformedInputException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads a text file line by line, counting lines, and turns parse failures into
 * {@link MalformedInputException}s that name the file and the line.
 */
public final class TextLines implements Closeable {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Spellings of non-finite values that Java does not parse (NumPy, C printf). */
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?i:nan|inf|infinity)");

    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    private TextLines(Path file, Reader reader) {
        this.file = file;
        this.reader = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader, 1 << 16);
    }

    /**
     * Opens a UTF-8 (or ASCII) text file.
     *
     * @param file the file
     * @return the reader
     * @throws IOException if the file cannot be opened
     */
    public static TextLines open(Path file) throws IOException {
        return new TextLines(file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /**
     * Wraps a reader already positioned inside a file.
     *
     * @param file the file, for messages
     * @param reader the reader
     * @param linesAlreadyRead lines consumed before the reader's position
     * @return the line reader
     */
    public static TextLines wrap(Path file, Reader reader, long linesAlreadyRead) {
        TextLines t = new TextLines(file, reader);
        t.lineNumber = linesAlreadyRead;
        return t;
    }

    /** @return the file being read */
    public Path file() {
        return file;
    }

    /** @return the number of the last line returned, from 1 (0 before the first) */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * @return the next line without its terminator, or null at the end of the file
     * @throws IOException on a read failure
     */
    public String next() throws IOException {
        String line;
        try {
            line = reader.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw io.flowkit.datasets.io.MalformedInputException.of(file, "is not a UTF-8 text file (binary?)"
                    + (lineNumber > 0 ? " after line " + lineNumber : ""), e);
        }
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    /**
     * The next line that is neither blank nor a comment.
     *
     * @param comment the comment prefix (after leading whitespace), or null for none
     * @return the trimmed line, or null at the end of the file
     * @throws IOException on a read failure
     */
    public String nextContent(String comment) throws IOException {
        String line;
        while ((line = next()) != null) {
            String t = line.strip();
            if (!t.isEmpty() && (comment == null || !t.startsWith(comment))) {
                return t;
            }
        }
        return null;
    }

    /**
     * Like {@link #nextContent(String)}, but the end of the file is an error.
     *
     * @param comment comment prefix or null
     * @param expected what was expected, for the message ("vertex 12")
     * @return the trimmed line
     * @throws IOException a {@link MalformedInputException} "file ends early: expected vertex 12" at the end
     */
    public String require(String comment, String expected) throws IOException {
        String line = nextContent(comment);
        if (line == null) {
            throw MalformedInputException.atLine(file, lineNumber, "file ends early: expected " + expected);
        }
        return line;
    }

    /**
     * Splits a line on whitespace.
     *
     * @param line a trimmed line
     * @return its tokens
     */
    public static String[] tokens(String line) {
        return line.isEmpty() ? new String[0] : WHITESPACE.split(line);
    }

    /**
     * An error at the current line.
     *
     * @param problem what is wrong
     * @return the exception to throw
     */
    public MalformedInputException error(String problem) {
        return MalformedInputException.atLine(file, lineNumber, problem);
    }

    /**
     * Parses an integer token.
     *
     * @param token the text
     * @param what what it is, for the message ("vertex count")
     * @return the value
     * @throws MalformedInputException "vertex count is not an integer: 'x'"
     */
    public int parseInt(String token, String what) throws MalformedInputException {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error(what + " is not an integer: '" + token + "'");
        }
    }

    /**
     * Parses a finite floating-point token.
     *
     * @param token the text
     * @param what what it is, for the message ("vertex 3")
     * @return the value
     * @throws MalformedInputException "vertex 3 has a non-finite coordinate: NaN" or "... is not a number: 'x'"
     */
    public double parseFinite(String token, String what) throws MalformedInputException {
        double v;
        try {
            v = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            if (!NON_FINITE.matcher(token).matches()) {
                throw error(what + " has a value that is not a number: '" + token + "'");
            }
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw error(what + " has a non-finite coordinate: " + token);
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
