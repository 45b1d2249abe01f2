package dev.appinstances.problem;

/** The caller is who it must be, but its token lacks the scope the operation needs. */
public class ScopeRequiredException extends ProblemException {

    public ScopeRequiredException(String detail) {
        super(ProblemType.SCOPE_REQUIRED, detail);
    }
}
