package io.flowkit.datasets.internal;

import io.flowkit.datasets.io.MalformedInputException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parse failure of Apache Commons Geometry's text parsers ("Parsing failed at line 4,
 * column 7: ...") into a {@link MalformedInputException} located at that line.
 */
public final class ParserErrors {

    private static final Pattern AT_LINE = Pattern.compile("Parsing failed at line (\\d+), column (\\d+): (.*)", Pattern.DOTALL);

    private ParserErrors() {}

    /**
     * @param file the file parsed
     * @param format the format name for the message ("OBJ")
     * @param e the parser's exception
     * @return the exception to throw, at the parser's line when it gave one
     */
    public static MalformedInputException wrap(Path file, String format, RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = AT_LINE.matcher(message);
        if (m.matches()) {
            return MalformedInputException.atLine(file, Long.parseLong(m.group(1)),
                    "malformed " + format + " at column " + m.group(2) + ": " + m.group(3), e);
        }
        return MalformedInputException.of(file, "malformed " + format + ": " + message, e);
    }
}
