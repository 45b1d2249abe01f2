package dev.appinstances.problem;

/** The request line or the header block is longer than this service reads. */
public class RequestTooLargeException extends ProblemException {

    public RequestTooLargeException(ProblemType type, String detail) {
        super(type, detail);
    }
}
