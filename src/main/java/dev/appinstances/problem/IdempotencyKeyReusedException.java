package dev.appinstances.problem;

public class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException(String detail) {
        super(ProblemType.IDEMPOTENCY_KEY_REUSED, detail);
    }
}
