package dev.appinstances.problem;

/** The request body broke off or its transfer framing (e.g. a chunk size) is malformed. */
public class MalformedBodyException extends ProblemException {

    public MalformedBodyException(String detail) {
        super(ProblemType.MALFORMED_BODY, detail);
    }
}
