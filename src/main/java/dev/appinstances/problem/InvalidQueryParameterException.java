package dev.appinstances.problem;

/** A query parameter that is unknown, repeated where it may not be, or has a malformed value. */
public class InvalidQueryParameterException extends ProblemException {

    private final String parameter;

    public InvalidQueryParameterException(String parameter, String detail) {
        super(ProblemType.INVALID_QUERY_PARAMETER, detail);
        this.parameter = parameter;
    }

    /** The name of the offending parameter, as the client sent it. */
    public String parameter() {
        return parameter;
    }
}
