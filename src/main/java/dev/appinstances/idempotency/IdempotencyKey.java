package dev.appinstances.idempotency;

import dev.appinstances.problem.InvalidRequestException;

/**
 * An {@code Idempotency-Key} header: a Structured Fields string ({@code "..."}, as the IETF httpapi
 * draft specifies) or, as many clients send it, the bare value; 1 to 255 visible ASCII characters.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;

    static IdempotencyKey parse(String header) {
        String value = header.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH || !isVisibleAscii(value)) {
            throw new InvalidRequestException(
                    HEADER
                            + " must be 1 to "
                            + MAX_LENGTH
                            + " visible ASCII characters, e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\"");
        }
        return new IdempotencyKey(value);
    }

    private static boolean isVisibleAscii(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
