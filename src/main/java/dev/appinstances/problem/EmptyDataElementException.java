package dev.appinstances.problem;

public class EmptyDataElementException extends ProblemException {

    public EmptyDataElementException(String detail) {
        super(ProblemType.EMPTY_DATA_ELEMENT, detail);
    }
}
