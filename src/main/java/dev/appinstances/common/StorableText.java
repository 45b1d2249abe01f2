package dev.appinstances.common;

/**
 * Text PostgreSQL can store as it is: UTF-8 {@code text} and {@code jsonb} take no NUL character,
 * and a lone UTF-16 surrogate has no UTF-8 form at all (it would be stored as {@code ?}).
 */
public final class StorableText {

    private StorableText() {}

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** What is wrong with the text, for messages; null when it is storable. */
    public static String problem(CharSequence text) {
        if (isStorable(text)) {
            return null;
        }
        return text.chars().anyMatch(c -> c == 0)
                ? "contains a NUL character (\\u0000), which cannot be stored"
                : "contains an unpaired UTF-16 surrogate, which is not text";
    }
}
