package dev.appinstances.instantiation;

import dev.appinstances.problem.MalformedMultipartException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The header fields of one part: {@code Name: value} lines ended by CRLF, folded lines continued by
 * a leading space or tab, names case-insensitive, the last of repeated names winning.
 */
final class PartHeaderFields {

    private PartHeaderFields() {}

    /**
     * @param block the header lines with the empty line that ends them (its final CRLF included)
     */
    static Map<String, String> parse(byte[] block, int length) {
        Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String text = new String(block, 0, Math.max(0, length - 2), StandardCharsets.UTF_8);
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw malformed();
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (name == null) {
                    throw malformed();
                }
                value.append(line);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed();
            }
            if (name != null) {
                fields.put(name, value.toString().trim());
            }
            name = line.substring(0, colon).trim();
            value.setLength(0);
            value.append(line, colon + 1, line.length());
        }
        if (name != null) {
            fields.put(name, value.toString().trim());
        }
        return fields;
    }

    private static MalformedMultipartException malformed() {
        return new MalformedMultipartException("The multipart body is malformed");
    }
}
