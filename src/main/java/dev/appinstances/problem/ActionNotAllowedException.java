package dev.appinstances.problem;

/** The caller may see the instance but may not perform the process action in its current task. */
public class ActionNotAllowedException extends ProblemException {

    public ActionNotAllowedException(String detail) {
        super(ProblemType.ACTION_NOT_ALLOWED, detail);
    }
}
