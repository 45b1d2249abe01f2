package dev.appinstances.problem;

public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String detail) {
        super(ProblemType.PAYLOAD_TOO_LARGE, detail);
    }
}
