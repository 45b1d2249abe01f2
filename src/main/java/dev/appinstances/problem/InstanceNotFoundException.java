package dev.appinstances.problem;

public class InstanceNotFoundException extends ProblemException {

    public InstanceNotFoundException(String detail) {
        super(ProblemType.INSTANCE_NOT_FOUND, detail);
    }
}
