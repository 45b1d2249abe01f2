package dev.appinstances.problem;

public class ProcessConflictException extends ProblemException {

    public ProcessConflictException(String detail) {
        super(ProblemType.PROCESS_CONFLICT, detail);
    }
}
