package dev.appinstances.data;

import dev.appinstances.problem.RangeNotSatisfiableException;
import java.util.Optional;

/** One satisfiable byte range of a representation of {@code size} bytes (RFC 9110 14.1.2). */
public record ByteRange(long start, long length) {

    public long end() {
        return start + length - 1;
    }

    /**
     * The range a {@code Range} header asks for; empty means "send everything" (no header, another
     * unit, several ranges, or syntax we ignore as RFC 9110 allows).
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.trim().toLowerCase().startsWith("bytes=")) {
            return Optional.empty();
        }
        String spec = header.trim().substring(6).trim();
        if (spec.contains(",")) {
            return Optional.empty();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) {
                    throw unsatisfiable(size);
                }
                long length = Math.min(suffix, size);
                return Optional.of(new ByteRange(size - length, length));
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size) {
                throw unsatisfiable(size);
            }
            if (end < start) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(start, end - start + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static RangeNotSatisfiableException unsatisfiable(long size) {
        return new RangeNotSatisfiableException("The content has " + size + " bytes");
    }
}
