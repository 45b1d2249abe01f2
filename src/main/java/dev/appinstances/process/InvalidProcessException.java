package dev.appinstances.process;

/** The BPMN cannot be run by this service; the message says why. */
public class InvalidProcessException extends RuntimeException {

    public InvalidProcessException(String problem) {
        super(problem);
    }
}
