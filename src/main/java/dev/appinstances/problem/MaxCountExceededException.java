package dev.appinstances.problem;

public class MaxCountExceededException extends ProblemException {

    public MaxCountExceededException(String detail) {
        super(ProblemType.MAX_COUNT_EXCEEDED, detail);
    }
}
