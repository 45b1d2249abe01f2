package dev.appinstances.problem;

public class InstanceEventNotFoundException extends ProblemException {

    public InstanceEventNotFoundException(String detail) {
        super(ProblemType.INSTANCE_EVENT_NOT_FOUND, detail);
    }
}
