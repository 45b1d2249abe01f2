package dev.appinstances.problem;

public class DeletionPreventedException extends ProblemException {

    public DeletionPreventedException(String detail) {
        super(ProblemType.DELETION_PREVENTED, detail);
    }
}
