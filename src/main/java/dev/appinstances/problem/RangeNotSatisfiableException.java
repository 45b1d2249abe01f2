package dev.appinstances.problem;

public class RangeNotSatisfiableException extends ProblemException {

    public RangeNotSatisfiableException(String detail) {
        super(ProblemType.RANGE_NOT_SATISFIABLE, detail);
    }
}
