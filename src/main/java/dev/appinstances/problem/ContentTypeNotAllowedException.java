package dev.appinstances.problem;

public class ContentTypeNotAllowedException extends ProblemException {

    public ContentTypeNotAllowedException(String detail) {
        super(ProblemType.CONTENT_TYPE_NOT_ALLOWED, detail);
    }
}
