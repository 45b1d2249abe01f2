package dev.appinstances.problem;

public class MalformedJsonException extends ProblemException {

    public MalformedJsonException(String detail) {
        super(ProblemType.MALFORMED_JSON, detail);
    }
}
