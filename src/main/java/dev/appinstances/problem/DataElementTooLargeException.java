package dev.appinstances.problem;

public class DataElementTooLargeException extends ProblemException {

    public DataElementTooLargeException(String detail) {
        super(ProblemType.DATA_ELEMENT_TOO_LARGE, detail);
    }
}
