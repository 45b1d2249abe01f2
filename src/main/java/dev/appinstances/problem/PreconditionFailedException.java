package dev.appinstances.problem;

public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        super(ProblemType.PRECONDITION_FAILED, detail);
    }
}
