package dev.appinstances.problem;

public class SubscriptionNotFoundException extends ProblemException {

    public SubscriptionNotFoundException(String detail) {
        super(ProblemType.SUBSCRIPTION_NOT_FOUND, detail);
    }
}
