package dev.appinstances.problem;

/** More tags on one data element than the configured limit. */
public class TooManyTagsException extends ProblemException {

    public TooManyTagsException(String detail) {
        super(ProblemType.TOO_MANY_TAGS, detail);
    }
}
