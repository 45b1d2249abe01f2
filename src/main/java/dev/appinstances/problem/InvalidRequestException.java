package dev.appinstances.problem;

public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String detail) {
        super(ProblemType.INVALID_REQUEST, detail);
    }
}
