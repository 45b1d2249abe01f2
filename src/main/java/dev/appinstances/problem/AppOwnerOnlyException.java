package dev.appinstances.problem;

public class AppOwnerOnlyException extends ProblemException {

    public AppOwnerOnlyException(String detail) {
        super(ProblemType.APP_OWNER_ONLY, detail);
    }
}
