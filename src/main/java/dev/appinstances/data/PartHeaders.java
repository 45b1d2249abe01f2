package dev.appinstances.data;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a multipart part says about itself: its form name, optional file name and content type.
 *
 * @param index 1-based position of the part in the body
 */
public record PartHeaders(int index, String name, String filename, String contentType) {

    /** For messages: {@code the part named 'attachment'} or {@code part 3}. */
    public String describe() {
        return name == null ? "part " + index : "The multipart section named '" + name + "'";
    }

    /** Reads {@code form-data; name="x"; filename="y"} (also {@code filename*=UTF-8''...}). */
    static PartHeaders of(int index, String contentDisposition, String contentType) {
        Map<String, String> params = dispositionParameters(contentDisposition);
        String filename = params.get("filename*");
        filename = filename != null ? decodeExtended(filename) : params.get("filename");
        return new PartHeaders(
                index, emptyToNull(params.get("name")), sanitize(filename), contentType);
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

    private static Map<String, String> dispositionParameters(String header) {
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
            String key = header.substring(i + 1, eq).trim().toLowerCase();
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
