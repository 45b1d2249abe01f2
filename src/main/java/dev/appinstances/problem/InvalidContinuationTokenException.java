package dev.appinstances.problem;

/**
 * A continuation token that was altered, not issued by this service, or issued for another query.
 */
public class InvalidContinuationTokenException extends ProblemException {

    public InvalidContinuationTokenException(String detail) {
        super(ProblemType.INVALID_CONTINUATION_TOKEN, detail);
    }
}
