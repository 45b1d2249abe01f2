package dev.appinstances.formdata;

/** Character rules of XML 1.0 for element names and text content. */
final class XmlText {

    private XmlText() {}

    /** Whether every character may appear in an XML 1.0 document (no escape exists for others). */
    static boolean isAllowed(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed =
                    c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000;
            if (!allowed) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** A conservative check of an element name: letters, digits, {@code _ - .}, no colon. */
    static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!Character.isLetter(first) && first != '_') {
            return false;
        }
        return name.codePoints()
                .allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
    }

    static void appendEscaped(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '\r':
                    // A literal CR would be normalised away by any parser reading the document.
                    out.append("&#13;");
                    break;
                default:
                    out.append(c);
            }
        }
    }
}
