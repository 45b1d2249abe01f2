package dev.appinstances.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code Content-Disposition} header: {@code form-data; name="x"; filename="y"}, also
 * {@code filename*=UTF-8''...} (RFC 6266, RFC 8187).
 */
public record ContentDisposition(String name, String filename) {

    public static ContentDisposition parse(String header) {
        Map<String, String> params = parameters(header);
        String filename = params.get("filename*");
        filename = filename != null ? decodeExtended(filename) : params.get("filename");
        return new ContentDisposition(emptyToNull(params.get("name")), sanitize(filename));
    }

    /** Altinn strips any path from file names; so do we. */
    static String sanitize(String filename) {
        if (filename == null) {
            return null;
        }
        String name =
                filename.substring(
                        Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        return emptyToNull(name.replaceAll("[\\p{Cntrl}]", "").trim());
    }

    private static Map<String, String> parameters(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        if (header == null) {
            return params;
        }
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = header.substring(i + 1, eq).trim().toLowerCase(Locale.ROOT);
            int start = eq + 1;
            String value;
            int next;
            if (start < header.length() && header.charAt(start) == '"') {
                StringBuilder quoted = new StringBuilder();
                int j = start + 1;
                while (j < header.length() && header.charAt(j) != '"') {
                    if (header.charAt(j) == '\\' && j + 1 < header.length()) {
                        j++;
                    }
                    quoted.append(header.charAt(j++));
                }
                value = quoted.toString();
                next = header.indexOf(';', j);
            } else {
                next = header.indexOf(';', start);
                value = (next < 0 ? header.substring(start) : header.substring(start, next)).trim();
            }
            params.put(key, value);
            i = next;
        }
        return params;
    }

    private static String decodeExtended(String value) {
        int quote = value.indexOf("''");
        String encoded = quote >= 0 ? value.substring(quote + 2) : value;
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
