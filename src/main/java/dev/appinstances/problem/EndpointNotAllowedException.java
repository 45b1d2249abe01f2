package dev.appinstances.problem;

/** A subscription endpoint that is not https, or that reaches a non-public address. */
public class EndpointNotAllowedException extends ProblemException {

    public EndpointNotAllowedException(String detail) {
        super(ProblemType.ENDPOINT_NOT_ALLOWED, detail);
    }
}
