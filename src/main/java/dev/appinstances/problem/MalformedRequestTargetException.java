package dev.appinstances.problem;

/** The request target is not a URI (RFC 3986): a broken escape, a raw space or brace, and so on. */
public class MalformedRequestTargetException extends ProblemException {

    public MalformedRequestTargetException(String detail) {
        super(ProblemType.MALFORMED_REQUEST_TARGET, detail);
    }
}
