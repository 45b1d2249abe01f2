package dev.appinstances.problem;

public class UserInstantiationDisallowedException extends ProblemException {

    public UserInstantiationDisallowedException(String detail) {
        super(ProblemType.USER_INSTANTIATION_DISALLOWED, detail);
    }
}
