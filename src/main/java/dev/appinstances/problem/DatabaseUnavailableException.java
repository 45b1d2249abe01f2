package dev.appinstances.problem;

import java.util.Map;

/** The database cannot be reached or refuses work for now: the client may retry later. */
public class DatabaseUnavailableException extends ProblemException {

    /** Seconds a client should wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public DatabaseUnavailableException(String detail) {
        super(ProblemType.DATABASE_UNAVAILABLE, detail);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
}
