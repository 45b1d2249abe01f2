package dev.appinstances.problem;

public class MalformedMultipartException extends ProblemException {

    public MalformedMultipartException(String detail) {
        super(ProblemType.MALFORMED_MULTIPART, detail);
    }
}
