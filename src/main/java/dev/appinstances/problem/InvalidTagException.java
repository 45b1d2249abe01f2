package dev.appinstances.problem;

/**
 * A tag that is null, empty, longer than the limit or not only letters, {@code -} and {@code _}.
 */
public class InvalidTagException extends ProblemException {

    public InvalidTagException(String detail) {
        super(ProblemType.INVALID_TAG, detail);
    }
}
