package dev.appinstances.problem;

public class IdempotencyKeyInUseException extends ProblemException {

    public IdempotencyKeyInUseException(String detail) {
        super(ProblemType.IDEMPOTENCY_KEY_IN_USE, detail);
    }
}
