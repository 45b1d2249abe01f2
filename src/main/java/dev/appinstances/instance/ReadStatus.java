package dev.appinstances.instance;

import java.util.Locale;
import java.util.Optional;

/** Whether the instance owner has seen the instance; numbers as in the App API. */
public enum ReadStatus {
    UNREAD,
    READ,
    UPDATED_SINCE_LAST_REVIEW;

    public int code() {
        return ordinal();
    }

    public static ReadStatus ofCode(int code) {
        return values()[code];
    }

    /** Accepts the number (0-2) or Altinn's name (Unread, Read, UpdatedSinceLastReview). */
    public static Optional<ReadStatus> parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        for (ReadStatus status : values()) {
            if (String.valueOf(status.code()).equals(normalized)
                    || status.name().replace("_", "").equals(normalized)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
