package dev.appinstances.problem;

public class AuthenticationLevelTooLowException extends ProblemException {

    public AuthenticationLevelTooLowException(String detail) {
        super(ProblemType.AUTHENTICATION_LEVEL_TOO_LOW, detail);
    }
}
