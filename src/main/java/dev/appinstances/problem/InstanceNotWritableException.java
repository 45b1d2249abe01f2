package dev.appinstances.problem;

public class InstanceNotWritableException extends ProblemException {

    public InstanceNotWritableException(String detail) {
        super(ProblemType.INSTANCE_NOT_WRITABLE, detail);
    }
}
