package dev.appinstances.problem;

public class AppNotFoundException extends ProblemException {

    public AppNotFoundException(String detail) {
        super(ProblemType.APP_NOT_FOUND, detail);
    }
}
