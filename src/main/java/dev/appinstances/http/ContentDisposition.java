package dev.appinstances.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code Content-Disposition} header: {@code form-data; name="x"; filename="y"}, also
 * {@code filename*=UTF-8''...} (RFC 6266, RFC 8187).
 */
public record ContentDisposition(String name, String filename) {

    /** Never fails: an unreadable {@code filename*} is ignored, as RFC 6266 asks. */
    public static ContentDisposition parse(String header) {
        Map<String, String> params = parameters(header);
        String extended = params.get("filename*");
        String filename = extended == null ? null : decodeExtended(extended);
        if (filename == null) {
            filename = params.get("filename");
        }
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

    /**
     * RFC 8187 {@code charset "'" [ language ] "'" value-chars}, with UTF-8 or ISO-8859-1; null for
     * anything else (a bad charset, a broken percent-escape, bytes that are not UTF-8).
     */
    static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset = charset(value.substring(0, first));
        if (charset == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = value.substring(second + 1);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (isAttrChar(c)) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset charset(String name) {
        if (name.equalsIgnoreCase("UTF-8")) {
            return StandardCharsets.UTF_8;
        }
        if (name.equalsIgnoreCase("ISO-8859-1")) {
            return StandardCharsets.ISO_8859_1;
        }
        return null;
    }

    /** RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / ... */
    private static boolean isAttrChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
