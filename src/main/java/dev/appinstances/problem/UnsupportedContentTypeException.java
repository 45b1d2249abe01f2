package dev.appinstances.problem;

public class UnsupportedContentTypeException extends ProblemException {

    public UnsupportedContentTypeException(String detail) {
        super(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }
}
