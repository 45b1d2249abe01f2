package dev.appinstances.problem;

public class TooManyDataElementsException extends ProblemException {

    public TooManyDataElementsException(String detail) {
        super(ProblemType.TOO_MANY_DATA_ELEMENTS, detail);
    }
}
