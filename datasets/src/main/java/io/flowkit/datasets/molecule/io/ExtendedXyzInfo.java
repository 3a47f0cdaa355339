package io.flowkit.datasets.molecule.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comment line of an extended XYZ frame: {@code key=value} pairs, values optionally quoted
 * with double quotes (backslash escapes the next character). Also formats such a line.
 */
final class ExtendedXyzInfo {

    private ExtendedXyzInfo() {}

    /**
     * Parses a comment line as key=value pairs.
     *
     * @param comment the second line of a frame
     * @return the pairs in order, or null when the line is not entirely key=value pairs
     */
    static Map<String, String> parse(String comment) {
        Map<String, String> info = new LinkedHashMap<>();
        int i = 0;
        int n = comment.length();
        while (true) {
            while (i < n && Character.isWhitespace(comment.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int keyStart = i;
            while (i < n && comment.charAt(i) != '=' && !Character.isWhitespace(comment.charAt(i))) {
                i++;
            }
            if (i == n || comment.charAt(i) != '=' || i == keyStart) {
                return null;
            }
            String key = comment.substring(keyStart, i);
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && comment.charAt(i) == '"') {
                i++;
                while (i < n && comment.charAt(i) != '"') {
                    char c = comment.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = comment.charAt(i++);
                    }
                    value.append(c);
                }
                if (i == n) {
                    return null;
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(comment.charAt(i))) {
                    value.append(comment.charAt(i++));
                }
            }
            info.put(key, value.toString());
        }
        return info.isEmpty() ? null : info;
    }

    /**
     * Formats pairs as a comment line, quoting values with spaces, quotes or an empty value.
     *
     * @param info the pairs; keys must not contain whitespace or '='
     * @return the line
     */
    static String format(Map<String, String> info) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : info.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty() || key.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=' || c == '"')) {
                throw new IllegalArgumentException("property name cannot be an extended XYZ key: '" + key + "'");
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(key).append('=');
            String v = e.getValue();
            if (v.isEmpty() || v.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\' || c == '=')) {
                sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }
}
