package dev.appinstances.http;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads media types strictly by RFC 9110 (section 8.3.1): {@code type "/" subtype *( OWS ";" OWS [
 * name "=" ( token / quoted-string ) ] )}. Anything else is not a media type, however a lenient
 * parser might read it.
 */
public final class MediaTypes {

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?={} \t";

    private MediaTypes() {}

    /** The media type without parameters, lower-cased; null for a missing or malformed value. */
    public static String mediaType(String contentType) {
        return essence(contentType).orElse(null);
    }

    /** {@code application/json} or any {@code +json} type. */
    public static boolean isJson(String contentType) {
        String mediaType = mediaType(contentType);
        return mediaType != null
                && (mediaType.equals("application/json") || mediaType.endsWith("+json"));
    }

    /** {@code type/subtype} lower-cased, when the value is a well-formed media type. */
    public static Optional<String> essence(String value) {
        if (value == null || !isMediaType(value)) {
            return Optional.empty();
        }
        String essence = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Optional.of(essence);
    }

    /** A parameter's value (unquoted), when the value is a media type that has it. */
    public static Optional<String> parameter(String value, String name) {
        if (value == null || !isMediaType(value)) {
            return Optional.empty();
        }
        Scanner in = new Scanner(value);
        in.token();
        in.expect('/');
        in.token();
        while (in.skipParameterSeparator()) {
            if (in.atEnd() || in.peek() == ';') {
                continue;
            }
            String key = in.token();
            in.expect('=');
            String parameterValue = in.peek() == '"' ? in.quoted() : in.token();
            if (key.equalsIgnoreCase(name)) {
                return Optional.of(parameterValue);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether an {@code Accept} list prefers XML ({@code application/xml} or {@code text/xml}) over
     * JSON: the range with the highest quality (the first of equals) that is XML or JSON decides;
     * {@code * / *}, {@code application/*} and JSON ranges mean JSON, ranges naming neither are
     * passed over, and with none left it is JSON.
     */
    public static boolean prefersXml(String accept) {
        if (accept == null || !isAcceptList(accept)) {
            return false;
        }
        boolean xml = false;
        double best = 0;
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            boolean isXml = type.equals("application/xml") || type.equals("text/xml");
            boolean isJson =
                    type.equals("*/*")
                            || type.equals("application/*")
                            || type.equals("application/json")
                            || type.endsWith("+json");
            double quality = quality(range);
            if ((isXml || isJson) && quality > best) {
                best = quality;
                xml = isXml;
            }
        }
        return xml;
    }

    private static double quality(String range) {
        String q = parameter(range.trim(), "q").orElse("1");
        try {
            return Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Whether the whole value is one media type. */
    public static boolean isMediaType(String value) {
        return parses(value, false);
    }

    /** Whether the whole value is an Accept list: media ranges ({@code * / *} allowed), commas. */
    public static boolean isAcceptList(String value) {
        for (String range : value.split(",", -1)) {
            if (!range.isBlank() && !parses(range, true)) {
                return false;
            }
        }
        return true;
    }

    private static boolean parses(String value, boolean range) {
        try {
            Scanner in = new Scanner(value.trim());
            String type = in.token();
            in.expect('/');
            String subtype = in.token();
            if (!range && (type.equals("*") || subtype.equals("*"))) {
                return false;
            }
            while (in.skipParameterSeparator()) {
                if (in.atEnd() || in.peek() == ';') {
                    continue;
                }
                in.token();
                in.expect('=');
                if (in.peek() == '"') {
                    in.quoted();
                } else {
                    in.token();
                }
            }
            return in.atEnd();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** A cursor over a header value; fails with IllegalArgumentException at the first fault. */
    private static final class Scanner {
        private final String text;
        private int at;

        Scanner(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        char peek() {
            return atEnd() ? '\0' : text.charAt(at);
        }

        String token() {
            int start = at;
            while (!atEnd() && isTokenChar(text.charAt(at))) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("token expected at " + at);
            }
            return text.substring(start, at);
        }

        void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("'" + c + "' expected at " + at);
            }
            at++;
        }

        String quoted() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (!atEnd() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    if (atEnd()) {
                        throw new IllegalArgumentException("unterminated escape");
                    }
                    c = text.charAt(at++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    throw new IllegalArgumentException("control character in quoted string");
                }
                value.append(c);
            }
            expect('"');
            return value.toString();
        }

        /** Skips {@code OWS ";" OWS}; false at the end of the value. */
        boolean skipParameterSeparator() {
            skipWhitespace();
            if (atEnd()) {
                return false;
            }
            expect(';');
            skipWhitespace();
            return true;
        }

        private void skipWhitespace() {
            while (!atEnd() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        private static boolean isTokenChar(char c) {
            return c > 0x20 && c < 0x7f && TSPECIALS.indexOf(c) < 0;
        }
    }
}
