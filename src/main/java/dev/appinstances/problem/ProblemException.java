package dev.appinstances.problem;

import java.util.Map;

/**
 * A client-visible failure. Each subclass is one kind of failure with one {@link ProblemType}; the
 * message is the RFC 9457 {@code detail} and must be safe to show to the caller.
 */
public abstract class ProblemException extends RuntimeException {

    private final ProblemType type;

    protected ProblemException(ProblemType type, String detail) {
        // Client errors are expected outcomes: a stack trace would only cost time.
        super(detail, null, false, false);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /**
     * Extension members of the problem document (RFC 9457 section 3.2), e.g. the violations of a
     * form; values are JSON trees, strings or numbers.
     */
    public Map<String, Object> extensions() {
        return Map.of();
    }

    /** Response headers that belong to this answer (e.g. {@code Retry-After}). */
    public Map<String, String> headers() {
        return Map.of();
    }
}
