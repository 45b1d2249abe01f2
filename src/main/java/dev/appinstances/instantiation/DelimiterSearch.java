package dev.appinstances.instantiation;

import java.util.Arrays;

/**
 * Finds a multipart delimiter ({@code CRLF--boundary}) in a byte range with Boyer-Moore-Horspool:
 * on part content it looks at about one byte in every delimiter length instead of at every byte.
 *
 * <p>The delimiter's only CR is its first byte (a boundary cannot hold one), so a partial match
 * that breaks off never hides the start of another match inside itself: callers can treat the bytes
 * of a broken partial match as content.
 */
final class DelimiterSearch {

    private final byte[] delimiter;
    private final int[] shift = new int[256];

    DelimiterSearch(byte[] delimiter) {
        this.delimiter = delimiter;
        int last = delimiter.length - 1;
        Arrays.fill(shift, delimiter.length);
        for (int i = 0; i < last; i++) {
            shift[delimiter[i] & 0xff] = last - i;
        }
    }

    int length() {
        return delimiter.length;
    }

    /** The first index in {@code [from, to)} where the whole delimiter starts, or -1. */
    int indexOf(byte[] bytes, int from, int to) {
        int last = delimiter.length - 1;
        byte lastByte = delimiter[last];
        for (int i = from; i + last < to; ) {
            byte b = bytes[i + last];
            if (b == lastByte && Arrays.equals(bytes, i, i + last, delimiter, 0, last)) {
                return i;
            }
            i += shift[b & 0xff];
        }
        return -1;
    }

    /**
     * How many bytes at the end of {@code [from, to)} are the start of the delimiter (0 to one less
     * than its length); call where {@link #indexOf} found none.
     */
    int partialAtEnd(byte[] bytes, int from, int to) {
        for (int k = Math.min(delimiter.length - 1, to - from); k > 0; k--) {
            if (bytes[to - k] == delimiter[0]
                    && Arrays.equals(bytes, to - k, to, delimiter, 0, k)) {
                return k;
            }
        }
        return 0;
    }

    /**
     * Continues a partial match of {@code matched} bytes with the bytes at {@code [from, to)}.
     *
     * @return the delimiter length when it is complete, the longer partial match when the range ran
     *     out first, or -1 when the bytes do not continue the delimiter
     */
    int continueMatch(int matched, byte[] bytes, int from, int to) {
        int needed = Math.min(delimiter.length - matched, to - from);
        if (!Arrays.equals(bytes, from, from + needed, delimiter, matched, matched + needed)) {
            return -1;
        }
        return matched + needed;
    }

    /** The first {@code count} bytes of the delimiter, as a copy. */
    byte[] prefix(int count) {
        return Arrays.copyOf(delimiter, count);
    }
}
