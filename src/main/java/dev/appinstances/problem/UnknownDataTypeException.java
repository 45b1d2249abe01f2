package dev.appinstances.problem;

public class UnknownDataTypeException extends ProblemException {

    public UnknownDataTypeException(String detail) {
        super(ProblemType.UNKNOWN_DATA_TYPE, detail);
    }
}
