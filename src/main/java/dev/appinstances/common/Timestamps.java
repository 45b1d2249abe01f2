package dev.appinstances.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Date-times as the API takes them: ISO-8601 with a zone ({@code Z} or an offset), within the
 * four-digit years ISO-8601 and every client agree on (0001 to 9999), which PostgreSQL's {@code
 * timestamptz} also stores without loss.
 */
public final class Timestamps {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** How the accepted form is described in messages. */
    public static final String EXPECTED =
            "an ISO-8601 date-time with a zone (Z or an offset) between years 0001 and 9999, e.g."
                    + " 2026-12-31T23:59:59Z";

    private Timestamps() {}

    /** The instant, or empty when the text is not such a date-time. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Instant instant =
                    OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant();
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST)
                    ? Optional.empty()
                    : Optional.of(instant);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
