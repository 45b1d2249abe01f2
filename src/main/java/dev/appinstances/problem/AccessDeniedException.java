package dev.appinstances.problem;

public class AccessDeniedException extends ProblemException {

    public AccessDeniedException(String detail) {
        super(ProblemType.ACCESS_DENIED, detail);
    }
}
