package dev.appinstances.problem;

public class DataElementNotFoundException extends ProblemException {

    public DataElementNotFoundException(String detail) {
        super(ProblemType.DATA_ELEMENT_NOT_FOUND, detail);
    }
}
